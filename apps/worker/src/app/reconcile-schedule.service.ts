import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, SlaScheduler, type AppConfig } from '@netduty/application';

/** Registers (idempotently, from every worker) the periodic sweep that re-enqueues lost deadlines. */
@Injectable()
export class ReconcileScheduleService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SlaScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.ensureReconcileSchedule(this.config.RECONCILE_INTERVAL_SECONDS);
  }
}
