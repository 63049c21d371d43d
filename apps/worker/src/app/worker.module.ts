import { DynamicModule, Injectable, Module } from '@nestjs/common';
import { SOCKET_ROOMS, type InAppNotificationDto } from '@netduty/contracts';
import { AlarmProcessingModule } from '@netduty/alarms';
import { EscalationModule } from '@netduty/escalation';
import { NotificationWorkersModule, type InAppAnnouncer } from '@netduty/notifications';
import { PlatformModule } from '@netduty/platform';
import { type AppConfig } from '@netduty/platform-config';
import { SlaQueueModule } from '@netduty/platform-queue';
import { ReportsModule } from '@netduty/reports';
import { RealtimeModule, RealtimePublisher } from '@netduty/platform-realtime';
import { HeartbeatService } from './heartbeat.service';
import { ReconcileScheduleService } from './reconcile-schedule.service';
import { ReportProcessor } from './report.processor';
import { ReportScheduleService } from './report-schedule.service';
import { SlaProcessor } from './sla.processor';

/** Tells a person's open consoles (their own room only) of each new entry in their notification centre. */
@Injectable()
export class SocketInAppAnnouncer implements InAppAnnouncer {
  constructor(private readonly publisher: RealtimePublisher) {}

  announce(userId: string, notification: InAppNotificationDto): void {
    this.publisher.publish([SOCKET_ROOMS.user(userId)], 'notification.created', notification);
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      // Escalation brings what it uses (incidents, rosters, the outbox, the audit trail); the notification
      // workers send what the outbox holds and announce in-app entries to the person's consoles. The
      // worker has no login, users or seeder.
      imports: [
        PlatformModule.forRoot(config, 'worker'),
        SlaQueueModule,
        EscalationModule,
        NotificationWorkersModule.withAnnouncer(SocketInAppAnnouncer, [RealtimeModule]),
        // Scheduled situation reports (07:00 / 17:00, the event period's interval), to leadership.
        ReportsModule,
        // Accepted network alarms to incidents, mass-outage correlation and its parents.
        AlarmProcessingModule,
      ],
      providers: [SlaProcessor, HeartbeatService, ReconcileScheduleService, ReportProcessor, ReportScheduleService],
    };
  }
}
