export * from './lib/incident-state-machine';
export * from './lib/sla';
export * from './lib/escalation-chain';
export * from './lib/search-text';
export * from './lib/urgency-order';
export * from './lib/access-policy';
export * from './lib/spreadsheet-cell';
export * from './lib/site-kinds';
