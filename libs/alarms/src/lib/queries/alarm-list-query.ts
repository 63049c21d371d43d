import { ALARM_STATES, PERCEIVED_SEVERITIES, type AlarmState, type FieldProblem, type PerceivedSeverity } from '@netduty/contracts';
import { InvalidInputError } from '@netduty/platform-errors';

/** GET /alarm's filters, as TMF630 spells them (attribute=value, attribute.gt / .lt, fields, offset, limit). */
export interface AlarmListQuery {
  states: AlarmState[] | null;
  perceivedSeverities: PerceivedSeverity[] | null;
  probableCause: string | null;
  alarmType: string | null;
  siteCode: string | null;
  sourceSystemId: string | null;
  externalAlarmId: string | null;
  raisedAfter: Date | null;
  raisedBefore: Date | null;
  fields: string[] | null;
  offset: number;
  limit: number;
}

export const ALARM_LIST_LIMITS = { defaultLimit: 100, maxLimit: 1_000, maxOffset: 1_000_000, maxValueLength: 200 } as const;

const TEXT_FILTERS = {
  probableCause: 'probableCause',
  alarmType: 'alarmType',
  'alarmedObject.id': 'siteCode',
  sourceSystemId: 'sourceSystemId',
  externalAlarmId: 'externalAlarmId',
} as const;
const KNOWN = new Set(['state', 'perceivedSeverity', 'alarmRaisedTime.gt', 'alarmRaisedTime.lt', 'fields', 'offset', 'limit', ...Object.keys(TEXT_FILTERS)]);

function integer(problems: FieldProblem[], field: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) {
    problems.push({ field, code: 'not_an_integer' });
    return fallback;
  }
  const number = Number(value);
  if (number < min) problems.push({ field, code: 'too_small', params: { min } });
  if (number > max) problems.push({ field, code: 'too_large', params: { max } });
  return number;
}

/** Comma-separated alternatives (TMF630: `state=raised,updated` is either). */
function oneOfList<T extends string>(problems: FieldProblem[], field: string, value: string | undefined, allowed: readonly T[]): T[] | null {
  if (value === undefined) return null;
  const values = value.split(',').map((item) => item.trim());
  if (values.some((item) => !(allowed as readonly string[]).includes(item))) {
    problems.push({ field, code: 'not_one_of', params: { allowed } });
    return null;
  }
  return values as T[];
}

function instant(problems: FieldProblem[], field: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    problems.push({ field, code: 'not_a_date' });
    return null;
  }
  return at;
}

/** Reads the query string; an unknown parameter or a repeated one is a 400 naming it, never ignored. */
export function alarmListQuery(raw: Record<string, unknown>): AlarmListQuery {
  const problems: FieldProblem[] = [];
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (!KNOWN.has(name)) problems.push({ field: name, code: 'unknown_field' });
    else if (typeof value !== 'string') problems.push({ field: name, code: 'not_a_string' });
    else if (value.length > ALARM_LIST_LIMITS.maxValueLength) problems.push({ field: name, code: 'too_long', params: { max: ALARM_LIST_LIMITS.maxValueLength } });
    else values.set(name, value);
  }
  const text = (name: keyof typeof TEXT_FILTERS): string | null => values.get(name) ?? null;
  const query: AlarmListQuery = {
    states: oneOfList(problems, 'state', values.get('state'), ALARM_STATES),
    perceivedSeverities: oneOfList(problems, 'perceivedSeverity', values.get('perceivedSeverity'), PERCEIVED_SEVERITIES),
    probableCause: text('probableCause'),
    alarmType: text('alarmType'),
    siteCode: text('alarmedObject.id'),
    sourceSystemId: text('sourceSystemId'),
    externalAlarmId: text('externalAlarmId'),
    raisedAfter: instant(problems, 'alarmRaisedTime.gt', values.get('alarmRaisedTime.gt')),
    raisedBefore: instant(problems, 'alarmRaisedTime.lt', values.get('alarmRaisedTime.lt')),
    fields: values.has('fields') ? (values.get('fields') ?? '').split(',').map((field) => field.trim()).filter(Boolean) : null,
    offset: integer(problems, 'offset', values.get('offset'), 0, 0, ALARM_LIST_LIMITS.maxOffset),
    limit: integer(problems, 'limit', values.get('limit'), ALARM_LIST_LIMITS.defaultLimit, 1, ALARM_LIST_LIMITS.maxLimit),
  };
  if (problems.length > 0) throw new InvalidInputError(problems);
  return query;
}
