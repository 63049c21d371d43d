import { ALARM_STATES, PERCEIVED_SEVERITIES, type AlarmState, type PerceivedSeverity } from '@netduty/contracts';
import { TMF_LIST_LIMITS, TmfQueryReader } from '../tmf/tmf-query';

/** GET /alarm's filters, as TMF630 spells them (attribute=value, attribute.gt / .lt, fields, offset, limit). */
export interface AlarmListQuery {
  states: AlarmState[] | null;
  perceivedSeverities: PerceivedSeverity[] | null;
  probableCause: string | null;
  alarmType: string | null;
  siteCode: string | null;
  sourceSystemId: string | null;
  externalAlarmId: string | null;
  raisedAfter: Date | null;
  raisedBefore: Date | null;
  fields: string[] | null;
  offset: number;
  limit: number;
}

export const ALARM_LIST_LIMITS = TMF_LIST_LIMITS;

const KNOWN = new Set([
  'state',
  'perceivedSeverity',
  'alarmRaisedTime.gt',
  'alarmRaisedTime.lt',
  'fields',
  'offset',
  'limit',
  'probableCause',
  'alarmType',
  'alarmedObject.id',
  'sourceSystemId',
  'externalAlarmId',
]);

/** Reads the query string; an unknown parameter or a repeated one is a 400 naming it, never ignored. */
export function alarmListQuery(raw: Record<string, unknown>): AlarmListQuery {
  const query = new TmfQueryReader(raw, KNOWN);
  return query.done({
    states: query.oneOfList('state', ALARM_STATES),
    perceivedSeverities: query.oneOfList('perceivedSeverity', PERCEIVED_SEVERITIES),
    probableCause: query.text('probableCause'),
    alarmType: query.text('alarmType'),
    siteCode: query.text('alarmedObject.id'),
    sourceSystemId: query.text('sourceSystemId'),
    externalAlarmId: query.text('externalAlarmId'),
    raisedAfter: query.instant('alarmRaisedTime.gt'),
    raisedBefore: query.instant('alarmRaisedTime.lt'),
    fields: query.fields(),
    offset: query.offset(),
    limit: query.limit(),
  });
}
