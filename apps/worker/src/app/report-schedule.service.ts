import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { REPORT_QUEUE } from '@netduty/contracts';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { ReportScheduler } from '@netduty/reports';

/**
 * The situation reports' schedules (07:00 and 17:00, and each event period's interval) live in Redis as
 * BullMQ job schedulers. Postgres is the source of truth: every worker upserts them at start from the
 * configuration and the event periods, again on each Redis (re)connect and on a timer — so a Redis that
 * lost its data gets them back, and event periods added or changed since are picked up. Each of those
 * syncs first catches up the latest slot of each schedule (within a day) that has no report: the slot a
 * lost Redis or a worker-less night never fired. Upserting is idempotent, and each slot makes at most
 * one report (its unique key), so any number of workers may.
 */
@Injectable()
export class ReportScheduleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReportScheduleService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: ReportScheduler,
    @InjectQueue(REPORT_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync('start');
    this.queue.getBackend().on('ready', () => this.resync('reconnect'));
    this.timer = setInterval(() => this.resync('timer'), this.config.RECONCILE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): Promise<void> | undefined {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    return this.running;
  }

  private resync(trigger: 'reconnect' | 'timer'): void {
    if (this.running || this.stopped) return;
    this.running = this.sync(trigger)
      .catch((error: Error) => this.logger.warn(`report schedules (${trigger}) not synced: ${error.message}`))
      .finally(() => (this.running = undefined));
  }

  private async sync(trigger: string): Promise<void> {
    const lost = trigger !== 'start' && !(await this.scheduler.hasDailySchedule());
    const { caughtUp } = await this.scheduler.sync(this.config.SITUATION_REPORT_CRON);
    if (lost) this.logger.warn(`the report schedules were missing from Redis (${trigger}); restored them`);
    if (caughtUp.length > 0) this.logger.warn(`report schedules (${trigger}): generated ${caughtUp.length} missed slot(s): ${caughtUp.map((slot) => slot.slotAt.toISOString()).join(', ')}`);
  }
}
