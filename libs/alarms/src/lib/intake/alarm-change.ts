import type { AlarmAckState, AlarmState, OperatorCode, PerceivedSeverity } from '@netduty/contracts';

/** A comment as alarms.comments keeps it. */
export interface StoredComment {
  author: string;
  systemId?: string;
  date: string;
  text: string;
}

/** Every column of an alarm that the intake writes (alarms minus id, incident and bookkeeping). */
export interface AlarmValues {
  operatorCode: OperatorCode;
  siteId: string;
  state: AlarmState;
  alarmType: string;
  perceivedSeverity: PerceivedSeverity;
  probableCause: string;
  specificProblem: string | null;
  alarmRaisedTime: Date;
  alarmChangedTime: Date;
  alarmClearedTime: Date | null;
  ackState: AlarmAckState;
  ackUserId: string | null;
  ackSystemId: string | null;
  plannedOutageIndicator: boolean;
  clearedWithoutRaise: boolean;
  comments: StoredComment[];
  /** The source's other TMF642 fields, merged over what is stored. */
  details: Record<string, unknown>;
}

/** What one request says about an alarm; attributes it does not carry keep their stored values. */
export type AlarmAttributes = Partial<Omit<AlarmValues, 'operatorCode' | 'siteId' | 'alarmChangedTime' | 'clearedWithoutRaise'>> & {
  /** alarmedObject.id: the site's code, resolved to its id in the batch. */
  siteCode?: string;
};

/**
 * One change of one alarm, validated, as the intake queues it. `create` is a whole alarm (POST): it
 * inserts when the alarm is new and updates it otherwise; `update` (PATCH, clearAlarms) needs it stored.
 */
export interface AlarmChange {
  kind: 'create' | 'update';
  sourceSystemId: string;
  operatorCode: OperatorCode;
  externalAlarmId: string;
  attributes: AlarmAttributes;
  /** The source's time of the change (alarmChangedTime ?? alarmClearedTime ?? alarmRaisedTime): what orders changes. */
  changedAt: Date;
}

/** How one change fared: what the api answers (created → 201; the others → 200 with the stored alarm). */
export type ChangeOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export function alarmKey(sourceSystemId: string, externalAlarmId: string): string {
  return JSON.stringify([sourceSystemId, externalAlarmId]);
}
