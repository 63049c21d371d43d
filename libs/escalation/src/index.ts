export * from './lib/escalation.service';
export * from './lib/sla-policy.service';
export * from './lib/chain/escalation-chain.service';
export * from './lib/chain/escalation-policies.service';
export * from './lib/chain/policy-mapper';
export * from './lib/escalation.module';
