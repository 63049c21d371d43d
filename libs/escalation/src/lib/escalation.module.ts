import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { IncidentsModule } from '@netduty/incidents';
import { SlaQueueModule } from '@netduty/platform-queue';
import { RealtimeModule } from '@netduty/platform-realtime';
import { EscalationService } from './escalation.service';
import { SlaPolicyService } from './sla-policy.service';

/** Deadlines and their escalations, and the SLA policies they are computed from. */
@Module({
  imports: [AuditModule, IncidentsModule, SlaQueueModule, RealtimeModule],
  providers: [EscalationService, SlaPolicyService],
  exports: [EscalationService, SlaPolicyService],
})
export class EscalationModule {}
