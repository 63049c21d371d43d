export * from './lib/escalation.service';
export * from './lib/sla-policy.service';
export * from './lib/escalation.module';
