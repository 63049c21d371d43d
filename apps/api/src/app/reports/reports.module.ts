import { Module } from '@nestjs/common';
import { ReportsModule } from '@netduty/reports';
import { IncidentReportsController } from './incident-reports.controller';
import { SituationReportsController } from './situation-reports.controller';

@Module({ imports: [ReportsModule], controllers: [SituationReportsController, IncidentReportsController] })
export class ReportsHttpModule {}
