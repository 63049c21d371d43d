import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationDeliveryDto, NotificationGatewayDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { NotificationGatewayService } from '@netduty/notifications';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { GatewayTestBody } from './dto/gateway-test.body';
import { NotificationGatewayBody } from './dto/notification-gateway.body';

const uuid = uuidParam('id');

/** Gateways (SMTP, SMS brandname, Zalo OA, Telegram) for admins. Secrets are write-only. */
@ApiTags('notifications')
@Controller('notification-gateways')
export class NotificationGatewaysController {
  constructor(private readonly gateways: NotificationGatewayService) {}

  @Get()
  @RequirePermission('notification.manage')
  list(): Promise<NotificationGatewayDto[]> {
    return this.gateways.list();
  }

  @Post()
  @RequirePermission('notification.manage')
  @ApiOperation({ summary: 'Add a gateway; each bad field is named (URL scheme, template placeholders, headers, SMTP port and sender)' })
  create(@Body() body: NotificationGatewayBody): Promise<NotificationGatewayDto> {
    return this.gateways.create(body);
  }

  @Patch(':id')
  @RequirePermission('notification.manage')
  @ApiOperation({ summary: "Replace a gateway's settings (its kind stays); a secret left out is kept, null clears it" })
  update(@Param('id', uuid) id: string, @Body() body: NotificationGatewayBody): Promise<NotificationGatewayDto> {
    return this.gateways.update(id, body);
  }

  @Post(':id/test')
  @HttpCode(202)
  @RequirePermission('notification.manage')
  @ApiOperation({ summary: 'Send a test message through the gateway; follow it in GET /me/deliveries' })
  test(@Param('id', uuid) id: string, @Body() body: GatewayTestBody, @CurrentActor() actor: Actor): Promise<NotificationDeliveryDto> {
    return this.gateways.sendTest(id, body.address, actor.userId);
  }
}
