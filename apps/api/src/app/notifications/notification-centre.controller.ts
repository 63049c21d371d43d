import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InAppNotificationCountDto, InAppNotificationDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { InAppNotificationService } from '@netduty/notifications';
import { Authenticated } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { InboxQuery } from './dto/inbox.query';

/** The caller's own notification centre: their entries only, newest first. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationCentreController {
  constructor(private readonly inbox: InAppNotificationService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The caller's notification centre, newest first (unread=true for the unread ones)" })
  list(@Query() query: InboxQuery, @CurrentActor() actor: Actor): Promise<InAppNotificationDto[]> {
    return this.inbox.list(actor.userId, { unreadOnly: query.unread ?? false, limit: query.limit });
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: "The header bell's figure" })
  unreadCount(@CurrentActor() actor: Actor): Promise<InAppNotificationCountDto> {
    return this.inbox.unreadCount(actor.userId);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  readAll(@CurrentActor() actor: Actor): Promise<InAppNotificationCountDto> {
    return this.inbox.markRead(actor.userId, null);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: "Marks one of the caller's entries read (another person's id changes nothing); answers the unread count" })
  read(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<InAppNotificationCountDto> {
    return this.inbox.markRead(actor.userId, [id]);
  }
}
