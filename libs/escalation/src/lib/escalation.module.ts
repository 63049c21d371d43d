import { Module } from '@nestjs/common';
import { EventPeriodsModule } from '@netduty/event-periods';
import { AuditModule } from '@netduty/identity';
import { IncidentsModule } from '@netduty/incidents';
import { NotificationsModule } from '@netduty/notifications';
import { OrganisationModule } from '@netduty/organisation';
import { SlaQueueModule } from '@netduty/platform-queue';
import { RealtimeModule } from '@netduty/platform-realtime';
import { EscalationChainService } from './chain/escalation-chain.service';
import { EscalationPoliciesService } from './chain/escalation-policies.service';
import { RecipientDirectory } from './chain/recipient-directory';
import { EscalationService } from './escalation.service';
import { SlaPolicyService } from './sla-policy.service';

/**
 * Deadlines and their escalation chains (policies per operator and tier, recipients from the roster,
 * notifications through the outbox), and the SLA policies the deadlines are computed from.
 */
@Module({
  imports: [AuditModule, EventPeriodsModule, IncidentsModule, OrganisationModule, NotificationsModule, SlaQueueModule, RealtimeModule],
  providers: [EscalationService, EscalationChainService, EscalationPoliciesService, RecipientDirectory, SlaPolicyService],
  exports: [EscalationService, EscalationChainService, EscalationPoliciesService, SlaPolicyService],
})
export class EscalationModule {}
