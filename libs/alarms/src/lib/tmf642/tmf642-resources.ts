import type { AlarmAckState, AlarmState, PerceivedSeverity } from '@netduty/contracts';

/** Where the TMF642 routes live: outside the api's own prefix, exactly as TM Forum names them. */
export const TMF642_BASE_PATH = '/tmf-api/alarm/v4';

export function alarmHref(id: string): string {
  return `${TMF642_BASE_PATH}/alarm/${id}`;
}

/** TMF642's plannedOutageIndicator is a string; these are the two values its user guide names. */
export const PLANNED_OUTAGE_VALUES = { inService: 'InService', outOfService: 'OutOfService' } as const;
export type PlannedOutageValue = (typeof PLANNED_OUTAGE_VALUES)[keyof typeof PLANNED_OUTAGE_VALUES];

export interface TmfAlarmRef {
  id: string;
  href: string;
  '@referredType': 'Alarm';
}

export interface TmfComment {
  comment: string;
  time: string;
  userId?: string;
  systemId?: string;
  '@type': 'Comment';
}

/** An alarm as NetDuty answers it (the spec's `Alarm`), with the source's other fields echoed. */
export interface TmfAlarm {
  [echoed: string]: unknown;
  id: string;
  href: string;
  externalAlarmId: string;
  sourceSystemId: string;
  state: AlarmState;
  alarmType: string;
  perceivedSeverity: PerceivedSeverity;
  probableCause: string;
  specificProblem?: string;
  alarmedObject: { id: string; '@referredType': 'Site' };
  alarmRaisedTime: string;
  alarmChangedTime: string;
  alarmClearedTime?: string;
  ackState: AlarmAckState;
  ackUserId?: string;
  ackSystemId?: string;
  plannedOutageIndicator: PlannedOutageValue;
  isRootCause: boolean;
  parentAlarm: TmfAlarmRef[];
  correlatedAlarm: TmfAlarmRef[];
  comment: TmfComment[];
  '@type': 'Alarm';
}

/** Task resources are carried out at once: NetDuty answers them `done`. */
interface TaskResource<T extends string> {
  id: string;
  state: 'done';
  alarmPattern?: unknown[];
  '@type': T;
}

export interface TmfAckAlarms extends TaskResource<'AckAlarms'> {
  ackSystemId: string;
  ackUserId: string;
  ackTime: string;
  ackedAlarm: TmfAlarmRef[];
}

export interface TmfClearAlarms extends TaskResource<'ClearAlarms'> {
  clearSystemId: string;
  clearUserId: string;
  alarmClearedTime: string;
  clearedAlarm: TmfAlarmRef[];
}

export interface TmfCommentAlarms extends TaskResource<'CommentAlarms'> {
  comment: TmfComment;
  commentedAlarm: TmfAlarmRef[];
}

export interface TmfGroupAlarms extends Omit<TaskResource<'GroupAlarms'>, 'alarmPattern'> {
  sourceSystemId: string;
  alarmChangedTime: string;
  parentAlarm: TmfAlarmRef;
  correlatedAlarm: TmfAlarmRef[];
  groupedAlarm: TmfAlarmRef[];
}

export interface TmfEventSubscription {
  id: string;
  callback: string;
  query?: string;
}

export function alarmRef(id: string): TmfAlarmRef {
  return { id, href: alarmHref(id), '@referredType': 'Alarm' };
}
