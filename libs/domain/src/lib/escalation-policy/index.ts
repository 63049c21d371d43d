export * from './escalation-policy';
export * from './select-policy';
export * from './chain-schedule';
export * from './chain-status';
export * from './resolve-recipients';
export * from './policy-problems';
export * from './manual-escalation';
export * from './default-policies';
