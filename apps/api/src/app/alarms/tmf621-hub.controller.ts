import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HubSubscriptions, type NmsCaller, type TmfEventSubscription } from '@netduty/alarms';
import { CurrentNms, NmsKeyAuthenticated } from './nms-key.decorators';

/** TMF621 Hub registrations of a ticketing system (registration only, as for TMF642: nothing is delivered yet). */
@ApiTags('tmf621-trouble-ticket')
@Controller('tmf-api/troubleTicket/v4/hub')
@NmsKeyAuthenticated()
export class Tmf621HubController {
  constructor(private readonly hub: HubSubscriptions) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a listener for ticket events (EventSubscriptionInput)' })
  register(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfEventSubscription> {
    return this.hub.register(nms, body, 'troubleTicket');
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Unregister one of the source's own ticket listeners" })
  async unregister(@Param('id') id: string, @CurrentNms() nms: NmsCaller): Promise<void> {
    await this.hub.unregister(nms, id, 'troubleTicket');
  }
}
