export * from './geo-distance';
export * from './event-period';
export * from './sites-within-radius';
export * from './tightened-deadline';
export * from './event-sla';
export * from './event-period-problems';
