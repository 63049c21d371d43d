import type { FieldProblem } from '@netduty/contracts';
import { UnprocessableInputError } from '@netduty/platform-errors';

/** Pattern attributes NetDuty can match, and the column each compares with (`a` alarms, `s` sites). */
const MATCHABLE: Record<string, string> = {
  id: 'a.id::text',
  externalAlarmId: 'a.external_alarm_id',
  sourceSystemId: 'a.source_system_id',
  state: 'a.state',
  perceivedSeverity: 'a.perceived_severity',
  probableCause: 'a.probable_cause',
  alarmType: 'a.alarm_type',
  specificProblem: 'a.specific_problem',
  ackState: 'a.ack_state',
};
/** Annotations a pattern may carry without meaning anything to match. */
const IGNORED = new Set(['@type', '@baseType', '@schemaLocation', 'href']);

export interface PatternFilter {
  /** `(…) OR (…)` over the given placeholders, starting after `offset` parameters. */
  sql: string;
  parameters: string[];
}

/**
 * alarmPattern → SQL: an alarm matches when every attribute of any one pattern equals its own. An
 * attribute NetDuty cannot compare is refused (422) rather than ignored — ignoring it would act on
 * more alarms than the NMS meant — and so is an empty pattern, which would match them all.
 */
export function patternFilter(patterns: readonly Record<string, unknown>[], offset: number): PatternFilter {
  const problems: FieldProblem[] = [];
  const parameters: string[] = [];
  const alternatives = patterns.map((pattern, index) => {
    const conditions: string[] = [];
    const compare = (column: string, value: unknown, field: string) => {
      if (typeof value !== 'string') {
        problems.push({ field, code: 'not_a_string' });
        return;
      }
      parameters.push(value);
      conditions.push(`${column} = $${offset + parameters.length}`);
    };
    for (const [name, value] of Object.entries(pattern)) {
      const field = `alarmPattern.${index}.${name}`;
      const column = MATCHABLE[name];
      if (column) compare(column, value, field);
      else if (name === 'alarmedObject' && value !== null && typeof value === 'object' && Object.keys(value).every((key) => key === 'id' || IGNORED.has(key) || key === '@referredType')) {
        const id = (value as Record<string, unknown>)['id'];
        if (id !== undefined) compare('s.code', id, `${field}.id`);
      } else if (!IGNORED.has(name)) problems.push({ field, code: 'invalid', params: { rule: 'not_a_pattern_attribute' } });
    }
    if (conditions.length === 0 && !problems.some((problem) => problem.field.startsWith(`alarmPattern.${index}.`))) {
      problems.push({ field: `alarmPattern.${index}`, code: 'invalid', params: { rule: 'empty_pattern' } });
    }
    return `(${conditions.join(' AND ') || 'false'})`;
  });
  if (problems.length > 0) throw new UnprocessableInputError(problems);
  return { sql: `(${alternatives.join(' OR ')})`, parameters };
}
