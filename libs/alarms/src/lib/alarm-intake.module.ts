import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { HubSubscriptions } from './hub/hub-subscriptions.service';
import { AlarmIntake } from './intake/alarm-intake.service';
import { AlarmWakeUp } from './intake/alarm-wake-up';
import { SiteDirectory } from './intake/site-directory';
import { AlarmQueries } from './queries/alarm-queries.service';
import { NmsKeyAuthenticator } from './sources/nms-key-authenticator';
import { NmsSourcesService } from './sources/nms-sources.service';
import { AlarmTasks } from './tasks/alarm-tasks.service';
import { AlarmWebhooks } from './webhook/alarm-webhooks.service';

/**
 * The api's half of the alarm path (TMF642): NMS sources and their keys, the group-commit intake, the
 * alarm reads, task resources and hub registrations. The worker's half is AlarmProcessingModule; the
 * two share only Postgres (alarm_events) and a Redis wake-up.
 */
@Module({
  imports: [AuditModule],
  providers: [SiteDirectory, AlarmWakeUp, AlarmIntake, NmsKeyAuthenticator, NmsSourcesService, AlarmQueries, AlarmTasks, HubSubscriptions, AlarmWebhooks],
  exports: [AlarmIntake, NmsKeyAuthenticator, NmsSourcesService, AlarmQueries, AlarmTasks, HubSubscriptions, AlarmWebhooks],
})
export class AlarmIntakeModule {}
