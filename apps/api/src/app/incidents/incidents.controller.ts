import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IncidentService } from '@netduty/application';
import type { IncidentAction, IncidentDetailDto, IncidentDto, Page, ResponderDto } from '@netduty/contracts';
import { ActorNoteBody } from './dto/actor-note.body';
import { AssignRespondersBody } from './dto/assign-responders.body';
import { CommentBody } from './dto/comment.body';
import { IncidentListQueryParams } from './dto/incident-list.query';
import { ReopenBody } from './dto/reopen.body';
import { ReportIncidentBody } from './dto/report-incident.body';
import { uuidParam } from '../http/uuid-param.pipe';
import { parseIdempotencyKey } from './idempotency-key';

const uuid = uuidParam('id');

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentService) {}

  @Get()
  @ApiOperation({ summary: 'Incidents, most urgent first (open ones unless open=false)' })
  async list(@Query() query: IncidentListQueryParams): Promise<Page<IncidentDto>> {
    const items = await this.incidents.list(query);
    return { items, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'Report an incident; starts its acknowledge and restore clocks' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retries with the same key report once' })
  async report(
    @Body() body: ReportIncidentBody,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentDto> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const { incident, created } = await this.incidents.report({ ...body, idempotencyKey });
    response.status(created ? 201 : 200);
    return incident;
  }

  @Get(':id')
  detail(@Param('id', uuid) id: string): Promise<IncidentDetailDto> {
    return this.incidents.detail(id);
  }

  @Get(':id/candidate-responders')
  @ApiOperation({ summary: "Responders of the clusters covering the incident's site" })
  candidates(@Param('id', uuid) id: string): Promise<ResponderDto[]> {
    return this.incidents.candidateResponders(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('id', uuid) id: string, @Body() body: ActorNoteBody): Promise<IncidentDto> {
    return this.transition(id, 'acknowledge', body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@Param('id', uuid) id: string, @Body() body: AssignRespondersBody): Promise<IncidentDto> {
    return this.incidents.act({ incidentId: id, action: 'assign', actorName: body.actorName, responderIds: body.responderIds });
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id', uuid) id: string, @Body() body: ActorNoteBody): Promise<IncidentDto> {
    return this.transition(id, 'resolve', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id', uuid) id: string, @Body() body: ActorNoteBody): Promise<IncidentDto> {
    return this.transition(id, 'close', body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@Param('id', uuid) id: string, @Body() body: ReopenBody): Promise<IncidentDto> {
    return this.transition(id, 'reopen', body);
  }

  @Post(':id/comments')
  @HttpCode(201)
  comment(@Param('id', uuid) id: string, @Body() body: CommentBody): Promise<IncidentDto> {
    return this.incidents.comment({ incidentId: id, text: body.text, actorName: body.actorName });
  }

  private transition(id: string, action: IncidentAction, body: ActorNoteBody): Promise<IncidentDto> {
    return this.incidents.act({ incidentId: id, action, actorName: body.actorName, note: body.note });
  }
}
