import type { DeadlineKind, EscalationAudience } from '@netduty/contracts';

/**
 * Who hears about a lapsed deadline. Level 1 fires at the deadline and goes to the duty officers and the
 * cluster lead; if nothing changes, level 2 (head of the on-duty group) and level 3 (department
 * leadership, the last level) follow, each one further window later (at least a minute, at most an hour).
 */
export const ESCALATION_LEVELS = [
  { level: 1, audience: 'duty_officers' },
  { level: 2, audience: 'duty_group_head' },
  { level: 3, audience: 'leadership' },
] as const satisfies readonly { level: number; audience: EscalationAudience }[];

export type { EscalationAudience };

export const MAX_ESCALATION_LEVEL = ESCALATION_LEVELS.length;

const MIN_STEP_MS = 60_000;
const MAX_STEP_MS = 3_600_000;

export function escalationAudience(level: number): EscalationAudience {
  const entry = ESCALATION_LEVELS.find((candidate) => candidate.level === level);
  if (!entry) throw new RangeError(`escalation level ${level} is outside 1..${MAX_ESCALATION_LEVEL}`);
  return entry.audience;
}

/**
 * When level `level` of a deadline becomes due. Level 1 is the deadline itself; each later level
 * waits one more window, clamped so that short windows do not spam and long ones do not go quiet.
 * Tests use a minimum step of 0 through `minStepMs` to keep the real queue under test fast.
 */
export function escalationDueAt(
  deadline: { kind: DeadlineKind; startsAt: Date; dueAt: Date },
  level: number,
  minStepMs = MIN_STEP_MS,
): Date {
  if (level < 1 || level > MAX_ESCALATION_LEVEL) {
    throw new RangeError(`escalation level ${level} is outside 1..${MAX_ESCALATION_LEVEL}`);
  }
  const window = deadline.dueAt.getTime() - deadline.startsAt.getTime();
  const step = Math.min(Math.max(window, minStepMs), MAX_STEP_MS);
  return new Date(deadline.dueAt.getTime() + (level - 1) * step);
}

export function nextEscalationLevel(level: number): number | null {
  return level < MAX_ESCALATION_LEVEL ? level + 1 : null;
}
