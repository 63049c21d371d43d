import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { OrganisationModule } from '@netduty/organisation';
import { SlaQueueModule } from '@netduty/platform-queue';
import { RealtimeModule } from '@netduty/platform-realtime';
import { QueueAndSocketEffects } from './adapters/queue-and-socket-effects';
import { TypeOrmUnitOfWork } from './adapters/typeorm-unit-of-work';
import { CandidateRespondersService } from './candidate-responders.service';
import { IncidentService } from './incident.service';
import { IncidentListService } from './incident-list.service';
import { IncidentEffects } from './ports/incident-effects';
import { IncidentReader } from './ports/incident-reader';
import { UnitOfWork } from './ports/unit-of-work';
import { AssignResponders } from './use-cases/assign-responders';
import { CommentOnIncident } from './use-cases/comment-on-incident';
import { RecordJourneyStep } from './use-cases/record-journey-step';
import { ReportIncident } from './use-cases/report-incident';
import { TransitionIncident } from './use-cases/transition-incident';

const USE_CASES = [ReportIncident, TransitionIncident, AssignResponders, CommentOnIncident, RecordJourneyStep];

/** Incidents: reporting, the lifecycle and its timeline (one class per use case), and the board's paged lists. */
@Module({
  imports: [AuditModule, OrganisationModule, SlaQueueModule, RealtimeModule],
  providers: [
    IncidentService,
    IncidentListService,
    CandidateRespondersService,
    ...USE_CASES,
    { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
    { provide: IncidentEffects, useClass: QueueAndSocketEffects },
    { provide: IncidentReader, useExisting: IncidentService },
  ],
  // The ports too, for the alarm processor: it writes incidents through the same unit of work and effects.
  exports: [IncidentService, IncidentListService, CandidateRespondersService, ...USE_CASES, UnitOfWork, IncidentEffects, IncidentReader],
})
export class IncidentsModule {}
