import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { once } from 'node:events';
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
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { INCIDENT_EXPORT_MAX_ROWS, type CandidateResponderDto, type IncidentCounts, type IncidentDetailDto, type IncidentDto, type IncidentPage } from '@netduty/contracts';
import { ActorNoteBody } from './dto/actor-note.body';
import { AssignRespondersBody } from './dto/assign-responders.body';
import { CommentBody } from './dto/comment.body';
import { IncidentExportQueryParams } from './dto/incident-export.query';
import { IncidentListQueryParams } from './dto/incident-list.query';
import { ReopenBody } from './dto/reopen.body';
import { ReportIncidentBody } from './dto/report-incident.body';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { preferredLanguage } from '../http/api-error';
import { attachmentDisposition } from '../http/attachment';
import { uuidParam } from '../http/uuid-param.pipe';
import { csvHeaderChunk, csvRowsChunk, EXPORT_CONTENT_TYPES, exportFileName, xlsxFile } from './incident-export';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  // Declared before `:id`, which would otherwise take "export" for an id.
  @Get('export')
  @RequirePermission('incident.read')
  @ApiOperation({
    summary: "The incidents the list's filters match in the caller's scope, as CSV (UTF-8 with BOM) or XLSX, in the list's order",
    description: `Headers and labels in Vietnamese, or English with language=en (default by Accept-Language); times in Asia/Ho_Chi_Minh. More than ${INCIDENT_EXPORT_MAX_ROWS} matching rows is 400 (query too_many_items): narrow the filters.`,
  })
  @ApiProduces(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  async export(
    @Query() query: IncidentExportQueryParams,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const { format, language: requested, ...filters } = query;
    const language = requested ?? preferredLanguage(acceptLanguage);
    const batches = this.lists.walk(filters, actor.scope);
    // The count and the first page are read before anything is sent, so a refusal is still a JSON error.
    const first = await batches.next();
    const rest = async function* () {
      if (first.done) return;
      yield first.value;
      yield* batches;
    };
    const start = () => {
      response.status(200);
      response.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
      response.setHeader('Content-Disposition', attachmentDisposition(exportFileName(new Date(), format, language, this.config.NETDUTY_DRILL)));
      response.setHeader('Cache-Control', 'private, no-store');
    };
    if (format === 'xlsx') {
      const file = await xlsxFile(rest(), language, this.config.NETDUTY_DRILL);
      start();
      response.setHeader('Content-Length', String(file.length));
      response.end(file);
      return;
    }
    // Backpressure: wait for a slow client instead of buffering the whole export in memory.
    const write = async (chunk: string) => {
      if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
    };
    start();
    try {
      await write(csvHeaderChunk(language));
      for await (const incidents of rest()) {
        if (response.destroyed) break;
        await write(csvRowsChunk(incidents, language));
      }
    } catch (error) {
      // Headers are gone: all that is left is to cut the download short, so it cannot pass as complete.
      response.destroy(error as Error);
      return;
    } finally {
      await batches.return(undefined);
    }
    response.end();
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
