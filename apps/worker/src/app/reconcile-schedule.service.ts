import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { EscalationService } from '@netduty/escalation';
import { SlaScheduler } from '@netduty/platform-queue';
import { SLA_QUEUE } from '@netduty/contracts';

/**
 * Keeps Postgres the source of truth for pending deadlines. The periodic sweep's schedule lives in
 * Redis, so a flushed (or AOF-less, restarted) Redis loses it together with every delayed job. Every
 * worker therefore sweeps once at start, and re-asserts the schedule on each Redis (re)connect and on
 * a timer of its own; whenever it finds the schedule gone, it sweeps at once instead of waiting for
 * the schedule's next tick. Job ids are deterministic, so any number of workers doing this at once
 * enqueue each deadline once.
 */
@Injectable()
export class ReconcileScheduleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconcileScheduleService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SlaScheduler,
    private readonly escalations: EscalationService,
    @InjectQueue(SLA_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.ensureReconcileSchedule(this.config.RECONCILE_INTERVAL_SECONDS);
    await this.sweep('start');
    // The queue's connection emits 'ready' on every (re)connect, e.g. after Redis restarted empty.
    this.queue.getBackend().on('ready', () => this.reassert('reconnect'));
    this.timer = setInterval(() => this.reassert('timer'), this.config.RECONCILE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): Promise<void> | undefined {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    return this.running;
  }

  /** One check at a time: while Redis is away, commands wait for it instead of piling up. */
  private reassert(trigger: 'reconnect' | 'timer'): void {
    if (this.running || this.stopped) return;
    this.running = this.restoreScheduleIfLost(trigger)
      .catch((error: Error) => this.logger.warn(`reconciliation (${trigger}) failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }

  private async restoreScheduleIfLost(trigger: 'reconnect' | 'timer'): Promise<void> {
    if (await this.scheduler.hasReconcileSchedule()) return;
    await this.scheduler.ensureReconcileSchedule(this.config.RECONCILE_INTERVAL_SECONDS);
    this.logger.warn(`the reconciliation schedule was missing from Redis (${trigger}); restored it`);
    await this.sweep(trigger);
  }

  private async sweep(trigger: string): Promise<void> {
    const enqueued = await this.escalations.reconcile();
    this.logger.log(`reconciliation sweep (${trigger}): ${enqueued} deadline(s) re-asserted from Postgres`);
  }
}
