import type { DeadlineKind, DeadlineUrgency, IncidentStatus, PriorityTier, Severity } from '@netduty/contracts';

export interface SlaWindow {
  acknowledgeSeconds: number;
  restoreSeconds: number;
}

export interface Deadline {
  kind: DeadlineKind;
  startsAt: Date;
  dueAt: Date;
}

/**
 * Default SLA policy, seeded into the editable policy table. No regulation fixes BTS restoration
 * times in hours, so these are the department's policy: tighter for higher severity and priority.
 */
export const DEFAULT_SLA_POLICY: Readonly<Record<Severity, Readonly<Record<PriorityTier, SlaWindow>>>> = {
  critical: {
    P0: { acknowledgeSeconds: 5 * 60, restoreSeconds: 2 * 3600 },
    P1: { acknowledgeSeconds: 10 * 60, restoreSeconds: 4 * 3600 },
    P2: { acknowledgeSeconds: 15 * 60, restoreSeconds: 8 * 3600 },
  },
  major: {
    P0: { acknowledgeSeconds: 10 * 60, restoreSeconds: 4 * 3600 },
    P1: { acknowledgeSeconds: 15 * 60, restoreSeconds: 8 * 3600 },
    P2: { acknowledgeSeconds: 30 * 60, restoreSeconds: 12 * 3600 },
  },
  minor: {
    P0: { acknowledgeSeconds: 15 * 60, restoreSeconds: 8 * 3600 },
    P1: { acknowledgeSeconds: 30 * 60, restoreSeconds: 24 * 3600 },
    P2: { acknowledgeSeconds: 60 * 60, restoreSeconds: 48 * 3600 },
  },
  warning: {
    P0: { acknowledgeSeconds: 30 * 60, restoreSeconds: 24 * 3600 },
    P1: { acknowledgeSeconds: 60 * 60, restoreSeconds: 48 * 3600 },
    P2: { acknowledgeSeconds: 2 * 3600, restoreSeconds: 72 * 3600 },
  },
};

export const MAX_SLA_SECONDS = 30 * 24 * 3600;

/** Validates a policy window; returns the problems keyed by field (as the wire carries them), empty when valid. */
export function slaWindowProblems(
  window: SlaWindow,
): { field: keyof SlaWindow; code: 'not_an_integer' | 'too_small' | 'too_large' | 'less_than_other_field'; params?: { min?: number; max?: number; field?: string } }[] {
  const problems: ReturnType<typeof slaWindowProblems> = [];
  for (const field of ['acknowledgeSeconds', 'restoreSeconds'] as const) {
    const value = window[field];
    if (!Number.isInteger(value)) problems.push({ field, code: 'not_an_integer' });
    else if (value < 1) problems.push({ field, code: 'too_small', params: { min: 1 } });
    else if (value > MAX_SLA_SECONDS) problems.push({ field, code: 'too_large', params: { max: MAX_SLA_SECONDS } });
  }
  if (problems.length === 0 && window.restoreSeconds < window.acknowledgeSeconds) {
    problems.push({ field: 'restoreSeconds', code: 'less_than_other_field', params: { field: 'acknowledgeSeconds' } });
  }
  return problems;
}

function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

/** Both deadlines of a newly reported incident: the clocks start at the report. */
export function deadlinesAtReport(reportedAt: Date, window: SlaWindow): { acknowledge: Deadline; restore: Deadline } {
  return {
    acknowledge: { kind: 'acknowledge', startsAt: reportedAt, dueAt: addSeconds(reportedAt, window.acknowledgeSeconds) },
    restore: { kind: 'restore', startsAt: reportedAt, dueAt: addSeconds(reportedAt, window.restoreSeconds) },
  };
}

/** A reopened incident gets a fresh restore window from the reopen; it stays acknowledged. */
export function restoreDeadlineAtReopen(reopenedAt: Date, window: SlaWindow): Deadline {
  return { kind: 'restore', startsAt: reopenedAt, dueAt: addSeconds(reopenedAt, window.restoreSeconds) };
}

/** Whether the condition a deadline guards still holds, i.e. whether lapsing it is a breach. */
export function deadlineStillApplies(kind: DeadlineKind, status: IncidentStatus): boolean {
  switch (kind) {
    case 'acknowledge':
      return status === 'reported';
    case 'restore':
      return status !== 'resolved' && status !== 'closed';
  }
}

/** The deadline the board counts down to: acknowledge first while unacknowledged, then restore. */
export function nextDeadline<D extends { kind: DeadlineKind }>(
  status: IncidentStatus,
  acknowledge: D,
  restore: D,
): D | null {
  if (deadlineStillApplies('acknowledge', status)) return acknowledge;
  if (deadlineStillApplies('restore', status)) return restore;
  return null;
}

export const URGENCY_WARNING_FRACTION = 0.75;

/** normal → warning past 75 % of the window → breached once due. */
export function deadlineUrgency(now: Date, startsAt: Date, dueAt: Date): DeadlineUrgency {
  const total = dueAt.getTime() - startsAt.getTime();
  const elapsed = now.getTime() - startsAt.getTime();
  if (now.getTime() >= dueAt.getTime()) return 'breached';
  if (total <= 0) return 'breached';
  return elapsed / total >= URGENCY_WARNING_FRACTION ? 'warning' : 'normal';
}
