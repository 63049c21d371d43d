import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { REPORT_QUEUE } from '@netduty/contracts';
import { AuditModule } from '@netduty/identity';
import { NotificationsModule } from '@netduty/notifications';
import { OrganisationModule } from '@netduty/organisation';
import { ReportScheduler } from './schedule/report-scheduler';
import { ShiftLeadLookup } from './shift-lead';
import { SituationReportsService } from './situation-reports.service';

/**
 * Reports to leadership (situation, flash, cyber forms): generation with a stored snapshot, remarks and
 * sign-off, PDF and XLSX rendering, and the report queue's schedulers. The api generates on demand; the
 * worker runs the scheduled slots (its processor calls generateForSlot).
 */
@Module({
  imports: [BullModule.registerQueue({ name: REPORT_QUEUE }), AuditModule, NotificationsModule, OrganisationModule],
  providers: [SituationReportsService, ShiftLeadLookup, ReportScheduler],
  exports: [BullModule, SituationReportsService, ShiftLeadLookup, ReportScheduler],
})
export class ReportsModule {}
