import type { Severity } from '@netduty/contracts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, major: 1, minor: 2, warning: 3 };

export interface UrgencySubject {
  severity: Severity;
  /** ISO instant or Date of the deadline the incident counts down to; null when no clock runs. */
  nextDueAt: string | Date | null;
}

function dueTime(subject: UrgencySubject): number {
  if (subject.nextDueAt === null) return Number.POSITIVE_INFINITY;
  return typeof subject.nextDueAt === 'string' ? Date.parse(subject.nextDueAt) : subject.nextDueAt.getTime();
}

/**
 * Board order: breached deadlines first (longest overdue at the top), then the nearest deadline,
 * then the more severe; incidents with no running clock (resolved) sink to the bottom.
 */
export function compareByUrgency(a: UrgencySubject, b: UrgencySubject): number {
  const dueA = dueTime(a);
  const dueB = dueTime(b);
  if (dueA !== dueB) return dueA - dueB;
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/**
 * The board's total order, as `GET /incidents` pages it: `compareByUrgency`, then the id (compared as
 * lower-case text, which is PostgreSQL's uuid order), so a row has one place however many tie.
 */
export function compareByUrgencyThenId<T extends UrgencySubject & { id: string }>(a: T, b: T): number {
  return compareByUrgency(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
