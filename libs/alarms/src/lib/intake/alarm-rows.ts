import type { AlarmAckState, AlarmState, OperatorCode, PerceivedSeverity } from '@netduty/contracts';
import type { AlarmValues, StoredComment } from './alarm-change';

/** An alarm as stored: what the intake writes plus its identity and what others (the worker) set. */
export interface StoredAlarm extends AlarmValues {
  id: string;
  sourceSystemId: string;
  externalAlarmId: string;
  incidentId: string | null;
}

/** The columns read back wherever an alarm is answered (RETURNING, SELECT … FOR UPDATE, the queries). */
export const STORED_ALARM_COLUMNS = `id, source_system_id, external_alarm_id, operator_code, site_id, state, alarm_type, perceived_severity,
  probable_cause, specific_problem, alarm_raised_time, alarm_changed_time, alarm_cleared_time, ack_state, ack_user_id,
  ack_system_id, planned_outage_indicator, cleared_without_raise, comments, details, incident_id`;

export interface StoredAlarmRow {
  id: string;
  source_system_id: string;
  external_alarm_id: string;
  operator_code: OperatorCode;
  site_id: string;
  state: AlarmState;
  alarm_type: string;
  perceived_severity: PerceivedSeverity;
  probable_cause: string;
  specific_problem: string | null;
  alarm_raised_time: Date;
  alarm_changed_time: Date;
  alarm_cleared_time: Date | null;
  ack_state: AlarmAckState;
  ack_user_id: string | null;
  ack_system_id: string | null;
  planned_outage_indicator: boolean;
  cleared_without_raise: boolean;
  comments: StoredComment[];
  details: Record<string, unknown>;
  incident_id: string | null;
}

/** One stored alarm, in the camelCase the rest of the lib reads. */
export function storedAlarmOf(row: StoredAlarmRow): StoredAlarm {
  return {
    id: row.id,
    sourceSystemId: row.source_system_id,
    externalAlarmId: row.external_alarm_id,
    incidentId: row.incident_id,
    ...alarmValuesOf(row),
  };
}

export function alarmValuesOf(row: StoredAlarmRow): AlarmValues {
  return {
    operatorCode: row.operator_code,
    siteId: row.site_id,
    state: row.state,
    alarmType: row.alarm_type,
    perceivedSeverity: row.perceived_severity,
    probableCause: row.probable_cause,
    specificProblem: row.specific_problem,
    alarmRaisedTime: new Date(row.alarm_raised_time),
    alarmChangedTime: new Date(row.alarm_changed_time),
    alarmClearedTime: row.alarm_cleared_time ? new Date(row.alarm_cleared_time) : null,
    ackState: row.ack_state,
    ackUserId: row.ack_user_id,
    ackSystemId: row.ack_system_id,
    plannedOutageIndicator: row.planned_outage_indicator,
    clearedWithoutRaise: row.cleared_without_raise,
    comments: row.comments,
    details: row.details,
  };
}
