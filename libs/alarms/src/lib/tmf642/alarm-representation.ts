import type { StoredAlarm } from '../intake/alarm-rows';
import type { StoredComment } from '../intake/alarm-change';
import type { AlarmRelations } from './alarm-relations';
import { alarmHref, alarmRef, PLANNED_OUTAGE_VALUES, type TmfAlarm, type TmfComment } from './tmf642-resources';

export function tmfComment(comment: StoredComment): TmfComment {
  return { comment: comment.text, time: comment.date, userId: comment.author, ...(comment.systemId ? { systemId: comment.systemId } : {}), '@type': 'Comment' };
}

/** Optional attributes are left out rather than sent as null: the spec types them as strings. */
function optional<K extends string>(name: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}

/**
 * An alarm as TMF642 `Alarm`: its columns, the source's other fields from details echoed around them
 * (a stored field never overrides a column), and the relations derived from incidents.
 */
export function tmfAlarm(alarm: StoredAlarm, siteCode: string, relations: AlarmRelations): TmfAlarm {
  return {
    ...alarm.details,
    id: alarm.id,
    href: alarmHref(alarm.id),
    externalAlarmId: alarm.externalAlarmId,
    sourceSystemId: alarm.sourceSystemId,
    state: alarm.state,
    alarmType: alarm.alarmType,
    perceivedSeverity: alarm.perceivedSeverity,
    probableCause: alarm.probableCause,
    ...optional('specificProblem', alarm.specificProblem),
    alarmedObject: { id: siteCode, '@referredType': 'Site' },
    alarmRaisedTime: alarm.alarmRaisedTime.toISOString(),
    alarmChangedTime: alarm.alarmChangedTime.toISOString(),
    ...optional('alarmClearedTime', alarm.alarmClearedTime?.toISOString()),
    ackState: alarm.ackState,
    ...optional('ackUserId', alarm.ackUserId),
    ...optional('ackSystemId', alarm.ackSystemId),
    plannedOutageIndicator: alarm.plannedOutageIndicator ? PLANNED_OUTAGE_VALUES.outOfService : PLANNED_OUTAGE_VALUES.inService,
    isRootCause: relations.isRootCause,
    parentAlarm: relations.parentAlarm.map(alarmRef),
    correlatedAlarm: relations.correlatedAlarm.map(alarmRef),
    comment: alarm.comments.map(tmfComment),
    '@type': 'Alarm',
  };
}
