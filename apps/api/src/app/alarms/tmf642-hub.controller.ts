import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HubSubscriptions, type NmsCaller, type TmfEventSubscription } from '@netduty/alarms';
import { CurrentNms, NmsKeyAuthenticated } from './nms-key.decorators';

/** TMF Hub registrations of an NMS (notifications to them are not delivered yet: registration only). */
@ApiTags('tmf642-alarm')
@Controller('tmf-api/alarm/v4/hub')
@NmsKeyAuthenticated()
export class Tmf642HubController {
  constructor(private readonly hub: HubSubscriptions) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a listener (EventSubscriptionInput)' })
  register(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfEventSubscription> {
    return this.hub.register(nms, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Unregister one of the NMS's own listeners" })
  async unregister(@Param('id') id: string, @CurrentNms() nms: NmsCaller): Promise<void> {
    await this.hub.unregister(nms, id);
  }
}
