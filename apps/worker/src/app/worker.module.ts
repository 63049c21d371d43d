import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationCoreModule } from '@netduty/application';
import { EscalationModule } from '@netduty/escalation';
import { type AppConfig } from '@netduty/platform-config';
import { HeartbeatService } from './heartbeat.service';
import { ReconcileScheduleService } from './reconcile-schedule.service';
import { SlaProcessor } from './sla.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ApplicationCoreModule.forRoot(config, 'worker'), EscalationModule],
      providers: [SlaProcessor, HeartbeatService, ReconcileScheduleService],
    };
  }
}
