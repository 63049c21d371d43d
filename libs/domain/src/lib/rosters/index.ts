export * from './roster';
export * from './shifts-between';
export * from './on-duty-at';
export * from './roster-problems';
export * from './roster-wire';
export { isKnownTimeZone } from './zoned-time';
export { mayStandShift } from './shift-roles';
export { adjustmentProblems, type AdjustableList, type RosterAdjustment } from './adjustment-problems';
