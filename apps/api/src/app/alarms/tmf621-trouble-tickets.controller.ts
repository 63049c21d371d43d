import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectFields, singleResourceFields, TroubleTickets, troubleTicketListQuery, type NmsCaller, type TmfTroubleTicket } from '@netduty/alarms';
import { CurrentNms, NmsKeyAuthenticated, NmsWriteLimited } from './nms-key.decorators';
import { tmfPage } from './tmf-page';

/**
 * TMF621 Trouble Ticket v4 for the operators' ticketing systems (exactly at /tmf-api/troubleTicket/v4),
 * with the NMS sources' keys. A ticket is a NetDuty incident of the caller's operator; its id is the
 * incident's. A POST with an externalId already used by this source (same body) is the same ticket:
 * 201 when this request opened it, 200 when it existed already.
 */
@ApiTags('tmf621-trouble-ticket')
@Controller('tmf-api/troubleTicket/v4/troubleTicket')
@NmsKeyAuthenticated()
export class Tmf621TroubleTicketsController {
  constructor(private readonly tickets: TroubleTickets) {}

  @Post()
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Open a ticket (TroubleTicket_Create): reports an incident at the site named in relatedEntity' })
  async create(@Body() body: unknown, @CurrentNms() nms: NmsCaller, @Res({ passthrough: true }) response: Response): Promise<TmfTroubleTicket> {
    const { ticket, created } = await this.tickets.open(nms, body);
    response.status(created ? 201 : 200);
    response.setHeader('Location', ticket.href);
    return ticket;
  }

  @Get()
  @ApiOperation({ summary: "The operator's incidents as tickets, newest first; filters, fields, offset/limit with X-Total-Count and X-Result-Count" })
  async list(@Query() query: Record<string, unknown>, @CurrentNms() nms: NmsCaller, @Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>[]> {
    const parsed = troubleTicketListQuery(query);
    return tmfPage(response, await this.tickets.list(nms, parsed), parsed.fields);
  }

  @Get(':id')
  @ApiOperation({ summary: "One ticket of the caller's operator (404 for any other)" })
  async get(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentNms() nms: NmsCaller): Promise<Record<string, unknown>> {
    const fields = singleResourceFields(query);
    return selectFields(await this.tickets.get(nms, id), fields);
  }

  @Patch(':id')
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Add notes (comments) and close or dispute (reopen) a resolved ticket (TroubleTicket_Update)' })
  update(@Param('id') id: string, @Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfTroubleTicket> {
    return this.tickets.update(nms, id, body);
  }
}
