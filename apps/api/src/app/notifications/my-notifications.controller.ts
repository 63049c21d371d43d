import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationDeliveryDto, NotificationPreferenceDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { DeliveryLogService, NotificationPreferenceService } from '@netduty/notifications';
import { Authenticated } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NotificationPreferencesBody } from './dto/notification-preferences.body';

@ApiTags('notifications')
@Controller('me')
export class MyNotificationsController {
  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly log: DeliveryLogService,
  ) {}

  @Get('notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'My channels per severity (defaults filled in); critical and P0 always use every channel' })
  mine(@CurrentActor() actor: Actor): Promise<NotificationPreferenceDto[]> {
    return this.preferences.forUser(actor.userId);
  }

  @Put('notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'Replace my channels for the severities given; audited' })
  set(@Body() body: NotificationPreferencesBody, @CurrentActor() actor: Actor): Promise<NotificationPreferenceDto[]> {
    return this.preferences.set(actor.userId, body.preferences);
  }

  @Get('deliveries')
  @Authenticated()
  @ApiOperation({ summary: 'What was sent to me, on which channel, and what became of it (newest first)' })
  deliveries(@CurrentActor() actor: Actor): Promise<NotificationDeliveryDto[]> {
    return this.log.forRecipient(actor.userId);
  }
}
