import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { EscalationService } from '@netduty/escalation';
import { watchRedisClient } from '@netduty/platform-redis';
import type { SlaJobName, SlaJobs } from '@netduty/contracts';
import { SLA_QUEUE } from '@netduty/contracts';
import { SLA_WORKER_SETTINGS } from './worker-settings';

type SlaJob = { [N in SlaJobName]: Job<SlaJobs[N], unknown, N> }[SlaJobName];

/** Thin: every branch hands the payload to a use case. */
@Processor(SLA_QUEUE, { ...SLA_WORKER_SETTINGS })
export class SlaProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaProcessor.name);

  constructor(
    private readonly escalations: EscalationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** The decorator's options are static; the configured concurrency is applied once the worker exists. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    watchRedisClient(this.worker, 'sla worker');
  }

  async process(job: SlaJob, token?: string): Promise<unknown> {
    switch (job.name) {
      case 'deadline.due':
        return this.delayUntilDue(job, token, await this.escalations.handleDeadlineDue(job.data));
      case 'assignment.accept_due':
        return this.delayUntilDue(job, token, await this.escalations.handleAcceptDue(job.data));
      case 'deadlines.reconcile': {
        const enqueued = await this.escalations.reconcile();
        return { enqueued };
      }
      default: {
        const unknown: never = job;
        throw new Error(`no handler for job ${(unknown as Job).name}`);
      }
    }
  }

  /** A step that is not due yet goes back to the delayed set until its time (BullMQ's moveToDelayed). */
  private async delayUntilDue(job: Job, token: string | undefined, result: { outcome: string; notBefore?: Date }): Promise<string> {
    if ((result.outcome === 'not_due' || result.outcome === 'held') && result.notBefore && token) {
      await job.moveToDelayed(result.notBefore.getTime(), token);
      throw new DelayedError();
    }
    return result.outcome;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed: ${error.message}`);
  }
}
