import { Module } from '@nestjs/common';
import { EscalationModule } from '@netduty/escalation';
import { EscalationPoliciesController } from './escalation-policies.controller';
import { SlaPoliciesController } from './sla-policies.controller';

@Module({ imports: [EscalationModule], controllers: [SlaPoliciesController, EscalationPoliciesController] })
export class EscalationHttpModule {}
