import { DynamicModule, Module } from '@nestjs/common';
import { EscalationModule } from '@netduty/escalation';
import { PlatformModule } from '@netduty/platform';
import { type AppConfig } from '@netduty/platform-config';
import { SlaQueueModule } from '@netduty/platform-queue';
import { HeartbeatService } from './heartbeat.service';
import { ReconcileScheduleService } from './reconcile-schedule.service';
import { SlaProcessor } from './sla.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      // Escalation brings what it uses (incidents, the audit trail); the worker has no login, users or seeder.
      imports: [PlatformModule.forRoot(config, 'worker'), SlaQueueModule, EscalationModule],
      providers: [SlaProcessor, HeartbeatService, ReconcileScheduleService],
    };
  }
}
