import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { AcceptDueJob, DeadlineDueJob, DeadlineKind, SlaJobName } from '@netduty/contracts';
import { acceptJobId, ESCALATION_POLICY_LIMITS, SLA_QUEUE, deadlineJobId } from '@netduty/contracts';

/** Every step a chain can have: levels × (1 + repeats). Only the next step has a job at any time. */
const MAX_CHAIN_STEPS = ESCALATION_POLICY_LIMITS.maxLevels * (ESCALATION_POLICY_LIMITS.maxRepeat + 1);
import { watchRedisClient } from '@netduty/platform-redis';

export interface ScheduledDeadline {
  job: DeadlineDueJob;
  dueAt: Date;
}

/**
 * Enqueues and cancels SLA deadline jobs. Job ids are deterministic, so enqueueing the same deadline
 * twice (a retried request, a reconciliation sweep) is a no-op in BullMQ.
 */
@Injectable()
export class SlaScheduler {
  private readonly logger = new Logger(SlaScheduler.name);

  constructor(@InjectQueue(SLA_QUEUE) private readonly queue: Queue) {
    watchRedisClient(queue, 'sla queue');
  }

  static readonly reconcileSchedulerId = 'deadlines.reconcile';

  static readonly jobDefaults: JobsOptions = {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    // Keeping completed ids for a day keeps them deduplicating retried requests and sweeps.
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };

  async schedule(deadlines: ScheduledDeadline[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      deadlines.map(({ job, dueAt }) => ({
        name: 'deadline.due' satisfies SlaJobName,
        data: job,
        opts: { ...SlaScheduler.jobDefaults, jobId: deadlineJobId(job), delay: Math.max(0, dueAt.getTime() - now) },
      })),
    );
  }

  /**
   * Accept deadlines. Without a due time (the api, which reads no policies) a job is due now and the
   * worker delays it to the policy's accept time; the sweep knows the policies and gives it. Deterministic
   * ids (incident, responder, assignment time) make a repeat, or the sweep's re-enqueue, a no-op.
   */
  async watchAcceptance(deadlines: readonly { job: AcceptDueJob; dueAt?: Date }[]): Promise<void> {
    if (deadlines.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      deadlines.map(({ job, dueAt }) => ({
        name: 'assignment.accept_due' satisfies SlaJobName,
        data: job,
        opts: { ...SlaScheduler.jobDefaults, jobId: acceptJobId(job), delay: dueAt ? Math.max(0, dueAt.getTime() - now) : 0 },
      })),
    );
  }

  /** Removes the pending jobs of a deadline (every step). A job already running re-checks its condition. */
  async cancel(incidentId: string, kind: DeadlineKind, cycle: number): Promise<void> {
    const removals: Promise<unknown>[] = [];
    for (let level = 1; level <= MAX_CHAIN_STEPS; level += 1) {
      const jobId = deadlineJobId({ incidentId, kind, cycle, level });
      removals.push(
        this.queue.remove(jobId).catch((error: Error) => {
          // A locked (running) job cannot be removed; it will find its condition gone and do nothing.
          this.logger.debug(`could not remove ${jobId}: ${error.message}`);
        }),
      );
    }
    await Promise.all(removals);
  }

  async ensureReconcileSchedule(everySeconds: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      SlaScheduler.reconcileSchedulerId,
      { every: everySeconds * 1000 },
      { name: 'deadlines.reconcile' satisfies SlaJobName, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** False after Redis lost its data (FLUSHALL, a restart without persistence). */
  async hasReconcileSchedule(): Promise<boolean> {
    return (await this.queue.getJobScheduler(SlaScheduler.reconcileSchedulerId)) !== undefined;
  }
}
