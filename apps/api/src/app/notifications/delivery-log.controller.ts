import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationDeliveryDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { IncidentService } from '@netduty/incidents';
import { DeliveryLogService } from '@netduty/notifications';
import { NotFoundError } from '@netduty/platform-errors';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';

const uuid = uuidParam('id');

/** The delivery log: per incident within the caller's incident scope, per person for admins. */
@ApiTags('notifications')
@Controller()
export class DeliveryLogController {
  constructor(
    private readonly log: DeliveryLogService,
    private readonly incidents: IncidentService,
  ) {}

  @Get('incidents/:id/deliveries')
  @RequirePermission('incident.read')
  @ApiOperation({ summary: "Every message sent about the incident: who, which channel, sent, delivered or failed with the reason (404 outside the caller's scope)" })
  async forIncident(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<NotificationDeliveryDto[]> {
    await this.incidents.getDto(id, actor.scope);
    return this.log.forIncident(id);
  }

  @Get('users/:id/deliveries')
  @RequirePermission('notification.manage')
  @ApiOperation({ summary: "One person's delivery log (admin)" })
  async forUser(@Param('id', uuid) id: string): Promise<NotificationDeliveryDto[]> {
    if (!(await this.log.recipientExists(id))) throw new NotFoundError('user', id);
    return this.log.forRecipient(id);
  }
}
