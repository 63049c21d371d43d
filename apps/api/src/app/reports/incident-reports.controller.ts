import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SituationReportDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { SituationReportsService } from '@netduty/reports';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CyberReportBody, FlashReportBody } from './dto/report.body';

/** Reports on one incident: the flash report, and the cyber-incident forms on a cyber-security incident. */
@ApiTags('situation-reports')
@Controller('incidents')
export class IncidentReportsController {
  constructor(private readonly reports: SituationReportsService) {}

  @Post(':id/flash-report')
  @RequirePermission('situation_report.write')
  @ApiOperation({ summary: 'Flash report (báo cáo nhanh): the facts, timeline, responders and impact of one incident, to leadership' })
  flash(@Param('id', uuidParam('id')) id: string, @Body() body: FlashReportBody, @CurrentActor() actor: Actor): Promise<SituationReportDto> {
    return this.reports.flash(actor, id, body.language);
  }

  @Post(':id/cyber-reports')
  @RequirePermission('situation_report.write')
  @ApiOperation({ summary: 'Cyber-incident form (QĐ 05/2017/QĐ-TTg, TT 20/2017/TT-BTTTT): initial or progress report; 409 unless the category is cyber_security' })
  cyber(@Param('id', uuidParam('id')) id: string, @Body() body: CyberReportBody, @CurrentActor() actor: Actor): Promise<SituationReportDto> {
    return this.reports.cyber(actor, id, body);
  }
}
