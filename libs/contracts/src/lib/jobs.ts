import type { DeadlineKind } from './enums';

export const SLA_QUEUE = 'sla' as const;

/** Job name → payload. Every enqueue and every processor branch is checked against this map. */
export interface SlaJobs {
  /** A deadline (or a later escalation level of it) is due: escalate if its condition still holds. */
  'deadline.due': DeadlineDueJob;
  /** Periodic safety net: re-enqueue deadlines whose jobs were lost (e.g. the api died mid-request). */
  'deadlines.reconcile': Record<string, never>;
}
export type SlaJobName = keyof SlaJobs;
export const SLA_JOB_NAMES = ['deadline.due', 'deadlines.reconcile'] as const satisfies readonly SlaJobName[];

export interface DeadlineDueJob {
  incidentId: string;
  kind: DeadlineKind;
  /** SLA cycle: 1 from the report, +1 on every reopen (only the restore clock restarts). */
  cycle: number;
  level: number;
}

/** Deterministic job id: retried requests and reconciliation never double a deadline. */
export function deadlineJobId(job: DeadlineDueJob): string {
  return `incident-${job.incidentId}-${job.kind}-c${job.cycle}-l${job.level}`;
}
