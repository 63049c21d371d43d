import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationCoreModule, type AppConfig } from '@netduty/application';
import { HeartbeatService } from './heartbeat.service';
import { ReconcileScheduleService } from './reconcile-schedule.service';
import { SlaProcessor } from './sla.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ApplicationCoreModule.forRoot(config, 'worker')],
      providers: [SlaProcessor, HeartbeatService, ReconcileScheduleService],
    };
  }
}
