import { DynamicModule, Module } from '@nestjs/common';
import { EscalationModule } from '@netduty/escalation';
import { NotificationWorkersModule } from '@netduty/notifications';
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
      // Escalation brings what it uses (incidents, rosters, the outbox, the audit trail); the notification
      // workers send what the outbox holds. The worker has no login, users or seeder.
      imports: [PlatformModule.forRoot(config, 'worker'), SlaQueueModule, EscalationModule, NotificationWorkersModule],
      providers: [SlaProcessor, HeartbeatService, ReconcileScheduleService],
    };
  }
}
