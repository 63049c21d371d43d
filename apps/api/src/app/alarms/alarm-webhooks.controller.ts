import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlarmWebhookAcceptedDto } from '@netduty/contracts';
import { AlarmWebhooks, type NmsCaller } from '@netduty/alarms';
import { sourceIdParam } from './dto/nms-source.body';
import { CurrentNms, NmsKeyAuthenticated, NmsWriteLimited } from './nms-key.decorators';

/**
 * The generic alarm webhook, for NMSs that speak neither TMF642 nor SNMP: the vendor's own JSON, mapped
 * by the source's declarative mapping. Authenticated with the source's NMS key (X-API-Key) and limited
 * with the TMF642 writes (one payload counts once). Answered 202 only once every alarm of the payload is
 * committed; a payload with any item at fault is refused whole (400 naming `items[3].siteCode`, 422 for
 * a site that is not the operator's), nothing stored. At most 1,000 items, within the api's 1 MiB body.
 */
@ApiTags('alarm-webhooks')
@Controller('alarm-webhooks')
@NmsKeyAuthenticated()
export class AlarmWebhooksController {
  constructor(private readonly webhooks: AlarmWebhooks) {}

  @Post(':id')
  @HttpCode(202)
  @NmsWriteLimited()
  @ApiOperation({ summary: "Post a vendor payload of alarms (the path's id is the source's sourceSystemId, whose key is sent)" })
  receive(@Param('id', sourceIdParam('id')) id: string, @Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<AlarmWebhookAcceptedDto> {
    return this.webhooks.receive(nms, id, body);
  }
}
