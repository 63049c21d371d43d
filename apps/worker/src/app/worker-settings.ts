import type { WorkerOptions } from 'bullmq';

/**
 * Lock and stall detection tuned for an ops console. BullMQ's defaults (30 s lock, 30 s stalled check)
 * would let an escalation sit for up to a minute after a worker dies. Our jobs are short (one
 * transaction and one publish, well under a second), so a 5 s lock renewed every 2.5 s is ample, and
 * checking for stalled jobs every 2 s means a killed worker's job runs again elsewhere within ~5–7 s.
 * maxStalledCount 3 tolerates a few event-loop stalls before declaring a job failed.
 */
export const SLA_WORKER_SETTINGS = {
  lockDuration: 5_000,
  stalledInterval: 2_000,
  maxStalledCount: 3,
} as const satisfies Partial<WorkerOptions>;
