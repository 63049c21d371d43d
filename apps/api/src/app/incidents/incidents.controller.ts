import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AssignResponders,
  CandidateRespondersService,
  CommentOnIncident,
  RecordJourneyStep,
  type JourneyStepResult,
  IncidentListService,
  IncidentService,
  ReportIncident,
  TransitionIncident,
} from '@netduty/incidents';
import { type Actor } from '@netduty/identity';
import type { CandidateResponderDto, IncidentCounts, IncidentDetailDto, IncidentDto, IncidentPage } from '@netduty/contracts';
import { ActorNoteBody } from './dto/actor-note.body';
import { AssignRespondersBody } from './dto/assign-responders.body';
import { CommentBody } from './dto/comment.body';
import { IncidentListQueryParams } from './dto/incident-list.query';
import { ReopenBody } from './dto/reopen.body';
import { ReportIncidentBody } from './dto/report-incident.body';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { parseIdempotencyKey } from './idempotency-key';

const uuid = uuidParam('id');

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentService,
    private readonly lists: IncidentListService,
    private readonly reportIncident: ReportIncident,
    private readonly transitionIncident: TransitionIncident,
    private readonly assignResponders: AssignResponders,
    private readonly commentOnIncident: CommentOnIncident,
    private readonly candidateResponders: CandidateRespondersService,
    private readonly recordJourneyStep: RecordJourneyStep,
  ) {}

  @Get()
  @RequirePermission('incident.read')
  @ApiOperation({
    summary: "One page of the incidents in the caller's scope: most urgent first (open ones unless open=false), or newest first with sort=recent",
    description: 'Keyset paging: pass the nextCursor of a page as cursor for the next; a cursor this server did not make is 400 invalid_cursor.',
  })
  list(@Query() query: IncidentListQueryParams, @CurrentActor() actor: Actor): Promise<IncidentPage> {
    return this.lists.page(query, actor.scope);
  }

  @Get('counts')
  @RequirePermission('incident.read')
  @ApiOperation({ summary: "The board header's figures over the caller's open incidents" })
  counts(@CurrentActor() actor: Actor): Promise<IncidentCounts> {
    return this.lists.counts(actor.scope);
  }

  @Post()
  @RequirePermission('incident.report')
  @ApiOperation({ summary: 'Report an incident; starts its acknowledge and restore clocks' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retries with the same key report once' })
  async report(
    @Body() body: ReportIncidentBody,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentDto> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const { incident, created } = await this.reportIncident.execute({ ...body, idempotencyKey }, actor);
    response.status(created ? 201 : 200);
    return incident;
  }

  @Get(':id')
  @RequirePermission('incident.read')
  detail(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<IncidentDetailDto> {
    return this.incidents.detail(id, actor.scope);
  }

  @Get(':id/candidate-responders')
  @RequirePermission('incident.assign')
  @ApiOperation({
    summary: "Responders of the clusters covering the incident's site, best first, each with its reasons",
    description:
      'Ranked by the covering cluster, on shift now (the roster of their cluster\'s on-duty group), fewest open assignments, then distance. Responders have no known position yet: distanceMetres is null and the reason distance_unknown.',
  })
  candidates(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<CandidateResponderDto[]> {
    return this.candidateResponders.ranked(id, actor.scope);
  }

  @Post(':id/assignment/accept')
  @HttpCode(200)
  @RequirePermission('incident.acknowledge')
  @ApiOperation({ summary: 'The assigned responder accepts the assignment (nhận việc); a repeat changes nothing' })
  accept(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<JourneyStepResult> {
    return this.recordJourneyStep.execute({ incidentId: id, step: 'accept' }, actor);
  }

  @Post(':id/assignment/en-route')
  @HttpCode(200)
  @RequirePermission('incident.acknowledge')
  @ApiOperation({ summary: 'The assigned responder is on the way (đang di chuyển); 409 before accepting' })
  enRoute(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<JourneyStepResult> {
    return this.recordJourneyStep.execute({ incidentId: id, step: 'en_route' }, actor);
  }

  @Post(':id/assignment/on-site')
  @HttpCode(200)
  @RequirePermission('incident.acknowledge')
  @ApiOperation({ summary: 'The assigned responder is on site (đã đến trạm); 409 before being on the way' })
  onSite(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<JourneyStepResult> {
    return this.recordJourneyStep.execute({ incidentId: id, step: 'on_site' }, actor);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('incident.acknowledge')
  acknowledge(@Param('id', uuid) id: string, @Body() body: ActorNoteBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.transitionIncident.execute({ incidentId: id, action: 'acknowledge', note: body.note }, actor);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('incident.assign')
  assign(@Param('id', uuid) id: string, @Body() body: AssignRespondersBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.assignResponders.execute({ incidentId: id, responderIds: body.responderIds }, actor);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('incident.resolve')
  resolve(@Param('id', uuid) id: string, @Body() body: ActorNoteBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.transitionIncident.execute({ incidentId: id, action: 'resolve', note: body.note }, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('incident.close')
  close(@Param('id', uuid) id: string, @Body() body: ActorNoteBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.transitionIncident.execute({ incidentId: id, action: 'close', note: body.note }, actor);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('incident.reopen')
  reopen(@Param('id', uuid) id: string, @Body() body: ReopenBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.transitionIncident.execute({ incidentId: id, action: 'reopen', note: body.note }, actor);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @RequirePermission('incident.comment')
  comment(@Param('id', uuid) id: string, @Body() body: CommentBody, @CurrentActor() actor: Actor): Promise<IncidentDto> {
    return this.commentOnIncident.execute({ incidentId: id, text: body.text }, actor);
  }
}
