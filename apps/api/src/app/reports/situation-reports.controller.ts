import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page, SituationReportDto, SituationReportSummaryDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { SituationReportsService, type RenderedReport } from '@netduty/reports';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { GenerateReportBody, ReportFileQuery, ReportListQuery, UpdateRemarksBody } from './dto/report.body';

/** An ASCII fallback and the UTF-8 name (RFC 6266 / 5987), so every browser saves it under its name. */
function sendFile(response: Response, file: RenderedReport): void {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', String(file.body.length));
  response.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  response.setHeader('Cache-Control', 'private, no-store');
  response.end(file.body);
}

/**
 * Situation reports (báo cáo tình hình) and the other reports to leadership, listed together. Reading
 * is situation_report.read (leadership, duty officers, admin); generating, remarks and sign-off are the
 * duty officers', and the sign-off is the current shift lead's only (the use case checks the roster).
 */
@ApiTags('situation-reports')
@Controller('situation-reports')
export class SituationReportsController {
  constructor(private readonly reports: SituationReportsService) {}

  @Get()
  @RequirePermission('situation_report.read')
  @ApiOperation({ summary: 'Reports, newest first; filters on the end of their period and their kind' })
  list(@Query() query: ReportListQuery): Promise<Page<SituationReportSummaryDto>> {
    return this.reports.list(query);
  }

  @Post()
  @RequirePermission('situation_report.write')
  @ApiOperation({ summary: 'Generate a situation report on demand for a chosen period (stored with its snapshot)' })
  generate(@Body() body: GenerateReportBody, @CurrentActor() actor: Actor): Promise<SituationReportDto> {
    return this.reports.generate(actor, body);
  }

  @Get(':id')
  @RequirePermission('situation_report.read')
  get(@Param('id', uuidParam('id')) id: string): Promise<SituationReportDto> {
    return this.reports.get(id);
  }

  @Patch(':id')
  @RequirePermission('situation_report.write')
  @ApiOperation({ summary: "The duty officer's remarks; 409 once signed off" })
  remarks(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateRemarksBody): Promise<SituationReportDto> {
    return this.reports.updateRemarks(id, body.remarks);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  @RequirePermission('situation_report.sign_off')
  @ApiOperation({ summary: "Sign-off by the lead of the on-duty group's current shift (else 403 not_shift_lead); once (409)" })
  signOff(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<SituationReportDto> {
    return this.reports.signOff(actor, id);
  }

  @Get(':id/pdf')
  @RequirePermission('situation_report.read')
  @ApiProduces('application/pdf')
  async pdf(@Param('id', uuidParam('id')) id: string, @Query() query: ReportFileQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.reports.render(id, 'pdf', query.language));
  }

  @Get(':id/xlsx')
  @RequirePermission('situation_report.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(@Param('id', uuidParam('id')) id: string, @Query() query: ReportFileQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.reports.render(id, 'xlsx', query.language));
  }
}
