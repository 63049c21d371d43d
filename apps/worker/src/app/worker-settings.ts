import type { WorkerOptions } from 'bullmq';

/**
 * Lock and stall detection tuned for an ops console. BullMQ's defaults (30 s lock, 30 s stalled check)
 * would let an escalation sit for up to a minute after a worker dies. Our jobs are one short
 * transaction and one publish (well under a second), and BullMQ renews a running job's lock every
 * lockDuration / 2, so a 3 s lock renewed every 1.5 s only lapses when the worker is dead or its event
 * loop has been blocked for more than 1.5 s. A stalled check every second then puts a dead worker's
 * job back within lock + ~1 s (measured ≤ 5 s after the deadline). A false stall (a frozen but live
 * worker) costs nothing worse than a second run, which the row lock and the unique constraint make a
 * no-op; maxStalledCount 3 tolerates a few before the job fails, and the reconciliation sweep
 * re-enqueues from Postgres whatever fails.
 */
export const SLA_WORKER_SETTINGS = {
  lockDuration: 3_000,
  stalledInterval: 1_000,
  maxStalledCount: 3,
} as const satisfies Partial<WorkerOptions>;
