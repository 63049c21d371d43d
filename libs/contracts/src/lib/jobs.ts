import type { DeadlineKind } from './enums';

export const SLA_QUEUE = 'sla' as const;

/** Job name → payload. Every enqueue and every processor branch is checked against this map. */
export interface SlaJobs {
  /** A deadline (or a later escalation level of it) is due: escalate if its condition still holds. */
  'deadline.due': DeadlineDueJob;
  /** An assignment's accept time may have lapsed: move the chain up if the responder has not accepted. */
  'assignment.accept_due': AcceptDueJob;
  /** Periodic safety net: re-enqueue deadlines whose jobs were lost (e.g. the api died mid-request). */
  'deadlines.reconcile': Record<string, never>;
}
export type SlaJobName = keyof SlaJobs;
export const SLA_JOB_NAMES = ['deadline.due', 'assignment.accept_due', 'deadlines.reconcile'] as const satisfies readonly SlaJobName[];

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

/**
 * One assignment's accept deadline. It is enqueued when the assignment is made, without a delay: the
 * worker reads the policy's accept time and delays the job to it (the api does not read policies).
 */
export interface AcceptDueJob {
  incidentId: string;
  responderId: string;
  /** The assignment's time: a responder removed and assigned again is a new assignment, with its own job. */
  assignedAt: string;
}

export function acceptJobId(job: AcceptDueJob): string {
  return `assignment-${job.incidentId}-${job.responderId}-${Date.parse(job.assignedAt)}-accept`;
}

/**
 * Notification deliveries. Each gateway has its own queue (its own rate limiter, shared by every
 * worker); in-app deliveries have one queue of their own. Job priority carries the urgency.
 */
export const NOTIFICATION_IN_APP_QUEUE = 'notifications-in-app' as const;

export function notificationGatewayQueue(gatewayId: string): string {
  return `notifications-gateway-${gatewayId}`;
}

/** Job name → payload for every notification queue. */
export interface NotificationJobs {
  /** Send one outbox row (claimed atomically, so a duplicate job never sends twice). */
  'notification.deliver': NotificationDeliverJob;
}
export type NotificationJobName = keyof NotificationJobs;

export interface NotificationDeliverJob {
  deliveryId: string;
}

/** The job id is the delivery's id: enqueueing a delivery twice (after commit, by a sweep) is a no-op. */
export function notificationJobId(deliveryId: string): string {
  return deliveryId;
}
