export * from './roster';
export * from './shifts-between';
export * from './on-duty-at';
export * from './roster-problems';
export * from './roster-wire';
export { isKnownTimeZone } from './zoned-time';
