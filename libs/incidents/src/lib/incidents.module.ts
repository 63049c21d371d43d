import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { SlaQueueModule } from '@netduty/platform-queue';
import { RealtimeModule } from '@netduty/platform-realtime';
import { IncidentService } from './incident.service';
import { IncidentListService } from './incident-list.service';

/** Incidents: reporting, the lifecycle and its timeline, and the board's paged lists. */
@Module({
  imports: [AuditModule, SlaQueueModule, RealtimeModule],
  providers: [IncidentService, IncidentListService],
  exports: [IncidentService, IncidentListService],
})
export class IncidentsModule {}
