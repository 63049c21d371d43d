import type { FieldProblem } from '@netduty/contracts';

/** NetDuty's own bounds on what an NMS sends (the spec sets none): every stored text is bounded. */
export const ALARM_INPUT_LIMITS = {
  externalAlarmIdMaxLength: 200,
  siteCodeMaxLength: 100,
  /** alarmType, probableCause, user and system ids. */
  shortTextMaxLength: 200,
  specificProblemMaxLength: 1_000,
  commentMaxLength: 2_000,
  commentsMax: 100,
  /** The other fields kept in details (alarmDetails, affectedService, …), as JSON. */
  detailsMaxBytes: 16_384,
  /** An NMS clock this far ahead is believed; beyond, a time would block every later change of the alarm. */
  futureSkewMs: 5 * 60_000,
  earliestTime: Date.UTC(1970, 0, 1),
  /** Alarms one task resource (ackAlarms, clearAlarms, …) may act on. */
  taskMaxAlarms: 5_000,
} as const;

/** Collects problems while a body is read, so one answer names every field at fault. */
export class ProblemList {
  readonly problems: FieldProblem[] = [];

  add(problem: FieldProblem): void {
    this.problems.push(problem);
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  /** A string that, when present, is not blank and not longer than `max`. Returns it trimmed. */
  text(field: string, value: unknown, max: number, options: { required?: boolean } = {}): string | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.add({ field, code: 'required' });
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add({ field, code: 'not_a_string' });
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed === '') {
      if (options.required) this.add({ field, code: 'required' });
      return undefined;
    }
    if (trimmed.length > max) {
      this.add({ field, code: 'too_long', params: { max } });
      return undefined;
    }
    return trimmed;
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add({ field, code: 'not_one_of', params: { allowed } });
    return undefined;
  }

  /**
   * A date-time the schema accepted (RFC 3339 with its offset) that is also a real instant, not before
   * 1970 and not further ahead than the NMS's clock may plausibly be.
   */
  instant(field: string, value: unknown, now: Date): Date | undefined {
    if (value === undefined) return undefined;
    const at = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime())) {
      this.add({ field, code: 'not_a_date' });
      return undefined;
    }
    if (at.getTime() < ALARM_INPUT_LIMITS.earliestTime) {
      this.add({ field, code: 'invalid', params: { rule: 'not_before_1970' } });
      return undefined;
    }
    if (at.getTime() > now.getTime() + ALARM_INPUT_LIMITS.futureSkewMs) {
      this.add({ field, code: 'invalid', params: { rule: 'not_in_the_future' } });
      return undefined;
    }
    return at;
  }
}
