import type { PriorityTier, Severity } from '@netduty/contracts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, major: 1, minor: 2, warning: 3 };

export interface UrgencySubject {
  severity: Severity;
  priority: PriorityTier;
  /** ISO instant or Date of the deadline the incident counts down to; null when no clock runs. */
  nextDueAt: string | Date | null;
}

function dueTime(subject: UrgencySubject): number {
  if (subject.nextDueAt === null) return Number.POSITIVE_INFINITY;
  return typeof subject.nextDueAt === 'string' ? Date.parse(subject.nextDueAt) : subject.nextDueAt.getTime();
}

/**
 * The board's sort key at `now`, compared left to right: breached first (0), then P0 (0), then the more
 * severe, then the least time left (the most overdue first among the breached); no running clock
 * (resolved) sinks to the bottom. A P2 low battery never sits above a P0 critical unless it is breached
 * and the P0 is not.
 */
export function urgencyKey(subject: UrgencySubject, now: Date): [breached: number, clock: number, p0: number, severity: number, due: number] {
  const due = dueTime(subject);
  const clock = Number.isFinite(due) ? 0 : 1;
  return [due <= now.getTime() ? 0 : 1, clock, subject.priority === 'P0' ? 0 : 1, SEVERITY_RANK[subject.severity], due];
}

/** The one urgency order, defined here and only here: breached, then P0, then severity, then time left. */
export function compareByUrgency(a: UrgencySubject, b: UrgencySubject, now: Date): number {
  const keyA = urgencyKey(a, now);
  const keyB = urgencyKey(b, now);
  for (let index = 0; index < keyA.length; index += 1) {
    const difference = (keyA[index] as number) - (keyB[index] as number);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return 0;
}

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/**
 * The board's total order, as `GET /incidents` pages it: `compareByUrgency`, then the id (compared as
 * lower-case text, which is PostgreSQL's uuid order), so a row has one place however many tie.
 */
export function compareByUrgencyThenId<T extends UrgencySubject & { id: string }>(a: T, b: T, now: Date): number {
  return compareByUrgency(a, b, now) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
