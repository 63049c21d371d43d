import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { REPORT_QUEUE, type ReportJobName, type ReportJobs } from '@netduty/contracts';
import { watchRedisClient } from '@netduty/platform-redis';
import { SituationReportsService, slotOfJob } from '@netduty/reports';

type ReportJob = { [N in ReportJobName]: Job<ReportJobs[N], unknown, N> }[ReportJobName];

/**
 * Thin: a scheduled slot becomes one situation report. The slot is the job's scheduled instant, so a
 * retried or duplicated job names the same slot and finds its report already stored.
 */
@Processor(REPORT_QUEUE, { lockDuration: 30_000, concurrency: 1 })
export class ReportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(private readonly reports: SituationReportsService) {
    super();
  }

  onApplicationBootstrap(): void {
    watchRedisClient(this.worker, 'report worker');
  }

  async process(job: ReportJob): Promise<unknown> {
    switch (job.name) {
      case 'situation_report.slot': {
        const slot = slotOfJob(job);
        const outcome = await this.reports.generateForSlot(slot);
        return { ...outcome, slot: slot.toISOString(), scheduleId: job.data.scheduleId };
      }
      default: {
        const unknown: never = job.name;
        throw new Error(`no handler for job ${String(unknown)}`);
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`report job ${job?.id ?? '?'} failed: ${error.message}`);
  }
}
