import {
  ALARM_WEBHOOK_LIMITS,
  PERCEIVED_SEVERITIES,
  type AlarmState,
  type AlarmWebhookMapping,
  type FieldProblem,
  type PerceivedSeverity,
  type WebhookFieldSource,
  type WebhookMappedFieldSource,
  type WebhookTimeSource,
} from '@netduty/contracts';
import { ALARM_INPUT_LIMITS } from '../tmf642/tmf642-input-rules';
import { evaluatePath } from './webhook-jsonpath';

/** One alarm a payload's item maps to: what the intake is given (as a whole alarm, TMF's Alarm_Create). */
export interface WebhookAlarm {
  index: number;
  externalAlarmId: string;
  siteCode: string;
  state: AlarmState;
  perceivedSeverity: PerceivedSeverity;
  probableCause: string;
  alarmType: string;
  specificProblem: string | null;
  alarmRaisedTime: Date;
  alarmClearedTime: Date | null;
}

export interface WebhookMappingResult {
  /** The items' alarms, in payload order; only items without a problem. */
  changes: WebhookAlarm[];
  /** Each names its item and field (`items[3].siteCode`); `items` for the payload as a whole. */
  problems: FieldProblem[];
  /** How many items the items path found. */
  items: number;
}

/** With an offset or Z: a time without a zone would be read in the server's, which NetDuty never guesses. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * What the items path finds: one array (`$.alarms`) is the list of items; several matches
 * (`$.data[*].alarmList[*]`) are the items themselves; `$` on a single object is one item.
 */
function itemsOf(payload: unknown, path: string): unknown[] {
  const found = evaluatePath(path, payload);
  if (found.length === 1 && Array.isArray(found[0])) return found[0] as unknown[];
  return found;
}

class ItemReader {
  readonly problems: FieldProblem[] = [];

  constructor(
    private readonly item: object,
    private readonly index: number,
  ) {}

  add(field: string, code: FieldProblem['code'], params?: FieldProblem['params']): void {
    this.problems.push({ field: `items[${this.index}].${field}`, code, ...(params ? { params } : {}) });
  }

  /** The one value at a path (none → undefined); several are a mistake of the mapping or the payload. */
  raw(field: string, path: string): unknown {
    const found = evaluatePath(path, this.item).filter((value) => value !== null && value !== undefined);
    if (found.length > 1) {
      this.add(field, 'invalid', { rule: 'several_matches', path });
      return undefined;
    }
    return found[0];
  }

  /** A scalar as text (vendors number their alarms and states); objects and arrays are refused. */
  scalar(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.add(field, 'not_a_string');
      return undefined;
    }
    const text = value.trim();
    return text === '' ? undefined : text;
  }

  text(field: string, source: WebhookMappedFieldSource | WebhookFieldSource, max: number, required: boolean): string | undefined {
    let text = source.value ?? (source.path === undefined ? undefined : this.scalar(field, this.raw(field, source.path)));
    const valueMap = 'valueMap' in source ? source.valueMap : undefined;
    if (text !== undefined && valueMap && Object.hasOwn(valueMap, text)) text = valueMap[text];
    if (text === undefined) {
      if (required && !this.problems.some((problem) => problem.field === `items[${this.index}].${field}`)) this.add(field, 'required');
      return undefined;
    }
    if (text.length > max) {
      this.add(field, 'too_long', { max });
      return undefined;
    }
    return text;
  }

  time(field: string, source: WebhookTimeSource, now: Date, required: boolean): Date | undefined {
    const value = this.raw(field, source.path);
    if (value === undefined || value === '') {
      if (required && !this.problems.some((problem) => problem.field === `items[${this.index}].${field}`)) this.add(field, 'required');
      return undefined;
    }
    const format = source.format ?? 'iso8601';
    let at: Date;
    if (format === 'iso8601') {
      at = typeof value === 'string' && ISO_WITH_OFFSET.test(value.trim()) ? new Date(value.trim()) : new Date(Number.NaN);
    } else {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
      at = new Date(format === 'epoch_seconds' ? number * 1000 : number);
    }
    if (Number.isNaN(at.getTime())) {
      this.add(field, 'not_a_date', { format });
      return undefined;
    }
    if (at.getTime() < ALARM_INPUT_LIMITS.earliestTime) {
      this.add(field, 'invalid', { rule: 'not_before_1970' });
      return undefined;
    }
    if (at.getTime() > now.getTime() + ALARM_INPUT_LIMITS.futureSkewMs) {
      this.add(field, 'invalid', { rule: 'not_in_the_future' });
      return undefined;
    }
    return at;
  }
}

function mapItem(item: unknown, index: number, mapping: AlarmWebhookMapping, now: Date): { alarm?: WebhookAlarm; problems: FieldProblem[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problems: [{ field: `items[${index}]`, code: 'not_an_object' }] };
  const reader = new ItemReader(item, index);
  const limits = ALARM_INPUT_LIMITS;
  const externalAlarmId = reader.text('externalAlarmId', mapping.externalAlarmId, limits.externalAlarmIdMaxLength, true);
  const siteCode = reader.text('siteCode', mapping.siteCode, limits.siteCodeMaxLength, true);
  const severityText = reader.text('perceivedSeverity', mapping.perceivedSeverity, limits.shortTextMaxLength, true);
  let perceivedSeverity: PerceivedSeverity | undefined;
  if (severityText !== undefined) {
    if ((PERCEIVED_SEVERITIES as readonly string[]).includes(severityText)) perceivedSeverity = severityText as PerceivedSeverity;
    else reader.add('perceivedSeverity', 'not_one_of', { allowed: [...new Set([...Object.keys(mapping.perceivedSeverity.valueMap ?? {}), ...PERCEIVED_SEVERITIES])] });
  }
  const probableCause = reader.text('probableCause', mapping.probableCause, limits.shortTextMaxLength, true);
  const alarmType = reader.text('alarmType', mapping.alarmType, limits.shortTextMaxLength, true);
  const specificProblem = mapping.specificProblem ? reader.text('specificProblem', mapping.specificProblem, limits.specificProblemMaxLength, false) : undefined;
  const raisedTime = reader.time('raisedTime', mapping.raisedTime, now, true);
  const clearedTime = mapping.clearedTime ? reader.time('clearedTime', mapping.clearedTime, now, false) : undefined;
  let cleared = perceivedSeverity === 'cleared';
  if (mapping.clear) {
    const state = reader.scalar('clear', reader.raw('clear', mapping.clear.path));
    if (state !== undefined && mapping.clear.clearedValues.includes(state)) cleared = true;
  }
  if (raisedTime && clearedTime && clearedTime < raisedTime) reader.add('clearedTime', 'before_other_field', { field: 'raisedTime' });
  if (reader.problems.length > 0 || !externalAlarmId || !siteCode || !perceivedSeverity || !probableCause || !alarmType || !raisedTime) return { problems: reader.problems };
  return {
    alarm: {
      index,
      externalAlarmId,
      siteCode,
      state: cleared ? 'cleared' : 'raised',
      perceivedSeverity,
      probableCause,
      alarmType,
      specificProblem: specificProblem ?? null,
      alarmRaisedTime: raisedTime,
      // A clear without a time of its own happened when it was received.
      alarmClearedTime: cleared ? (clearedTime ?? now) : null,
    },
    problems: [],
  };
}

/**
 * A vendor's JSON payload through a webhook mapping (already validated): every item's alarm, and every
 * problem, named by item and field. Pure: the caller decides what a problem means (the webhook refuses
 * the whole payload; the dry run shows both).
 */
export function mapWebhookPayload(payload: unknown, mapping: AlarmWebhookMapping, now: Date = new Date()): WebhookMappingResult {
  const items = itemsOf(payload, mapping.items ?? '$');
  if (items.length === 0) return { changes: [], problems: [{ field: 'items', code: 'too_few_items', params: { min: 1, path: mapping.items ?? '$' } }], items: 0 };
  if (items.length > ALARM_WEBHOOK_LIMITS.maxItems) return { changes: [], problems: [{ field: 'items', code: 'too_many_items', params: { max: ALARM_WEBHOOK_LIMITS.maxItems } }], items: items.length };
  const changes: WebhookAlarm[] = [];
  const problems: FieldProblem[] = [];
  items.forEach((item, index) => {
    const mapped = mapItem(item, index, mapping, now);
    if (mapped.alarm) changes.push(mapped.alarm);
    problems.push(...mapped.problems);
  });
  return { changes, problems, items: items.length };
}
