import { Module } from '@nestjs/common';
import { AlarmIntakeModule, SnmpTrapModule, TroubleTicketsModule } from '@netduty/alarms';
import { AlarmWebhookMappingsController } from './alarm-webhook-mappings.controller';
import { AlarmWebhooksController } from './alarm-webhooks.controller';
import { NmsKeyGuard } from './nms-key.guard';
import { NmsRateLimitGuard } from './nms-rate-limit.guard';
import { NmsSourcesController } from './nms-sources.controller';
import { SnmpCommunitiesController } from './snmp-communities.controller';
import { Tmf621HubController } from './tmf621-hub.controller';
import { Tmf621TroubleTicketsController } from './tmf621-trouble-tickets.controller';
import { Tmf642AlarmsController } from './tmf642-alarms.controller';
import { Tmf642HubController } from './tmf642-hub.controller';
import { Tmf642TasksController } from './tmf642-tasks.controller';

/**
 * TMF642 for the operators' NMSs (/tmf-api/alarm/v4) and the administration of their sources and keys
 * (/api/v1/nms-sources); SNMP traps into the same intake (listening only when SNMP_TRAP_PORT is set);
 * TMF621 for their ticketing systems (/tmf-api/troubleTicket/v4), tickets being incidents.
 */
@Module({
  imports: [AlarmIntakeModule, SnmpTrapModule, TroubleTicketsModule],
  controllers: [NmsSourcesController, SnmpCommunitiesController, Tmf642AlarmsController, Tmf642TasksController, Tmf642HubController, Tmf621TroubleTicketsController, Tmf621HubController, AlarmWebhookMappingsController, AlarmWebhooksController],
  providers: [NmsKeyGuard, NmsRateLimitGuard],
})
export class AlarmsHttpModule {}
