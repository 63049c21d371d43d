import type { EntityManager } from 'typeorm';
import type { AlarmState, PerceivedSeverity } from '@netduty/contracts';
import { alarmKey, type AlarmValues } from './alarm-change';
import { STORED_ALARM_COLUMNS, storedAlarmOf, type StoredAlarm, type StoredAlarmRow } from './alarm-rows';

/** The columns one alarm row writes, in VALUES order (19 bind parameters a row). */
const WRITTEN_COLUMNS = [
  'source_system_id',
  'external_alarm_id',
  'operator_code',
  'site_id',
  'state',
  'alarm_type',
  'perceived_severity',
  'probable_cause',
  'specific_problem',
  'alarm_raised_time',
  'alarm_changed_time',
  'alarm_cleared_time',
  'ack_state',
  'ack_user_id',
  'ack_system_id',
  'planned_outage_indicator',
  'cleared_without_raise',
  'comments',
  'details',
] as const;

/** On a conflict every written column takes the new value, except the key itself. */
const UPDATED_ON_CONFLICT = WRITTEN_COLUMNS.filter((column) => column !== 'source_system_id' && column !== 'external_alarm_id')
  .map((column) => `${column} = EXCLUDED.${column}`)
  .join(', ');

export interface AlarmToWrite {
  sourceSystemId: string;
  externalAlarmId: string;
  values: AlarmValues;
}

export interface EventToWrite {
  alarmId: string;
  state: AlarmState;
  perceivedSeverity: PerceivedSeverity;
  occurredAt: Date;
}

/**
 * The stored alarms of a batch's keys. With `lock`, locked until the commit, in key order, so two api
 * instances flushing overlapping batches wait for each other instead of deadlocking; READ COMMITTED's
 * row lock returns the latest committed version, which is what the fold compares against.
 */
export async function readStoredAlarms(
  em: EntityManager,
  keys: readonly { sourceSystemId: string; externalAlarmId: string }[],
  options: { lock: boolean },
): Promise<Map<string, StoredAlarm>> {
  const rows = (await em.query(
    `SELECT ${STORED_ALARM_COLUMNS} FROM alarms
      WHERE (source_system_id, external_alarm_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
      ORDER BY source_system_id, external_alarm_id${options.lock ? ' FOR NO KEY UPDATE' : ''}`,
    [keys.map((key) => key.sourceSystemId), keys.map((key) => key.externalAlarmId)],
  )) as StoredAlarmRow[];
  return new Map(rows.map((row) => [alarmKey(row.source_system_id, row.external_alarm_id), storedAlarmOf(row)]));
}

function parametersOf(alarm: AlarmToWrite): unknown[] {
  const { values } = alarm;
  return [
    alarm.sourceSystemId,
    alarm.externalAlarmId,
    values.operatorCode,
    values.siteId,
    values.state,
    values.alarmType,
    values.perceivedSeverity,
    values.probableCause,
    values.specificProblem,
    values.alarmRaisedTime.toISOString(),
    values.alarmChangedTime.toISOString(),
    values.alarmClearedTime?.toISOString() ?? null,
    values.ackState,
    values.ackUserId,
    values.ackSystemId,
    values.plannedOutageIndicator,
    values.clearedWithoutRaise,
    JSON.stringify(values.comments),
    JSON.stringify(values.details),
  ];
}

/**
 * One multi-row INSERT … ON CONFLICT DO UPDATE for the whole batch (one row per alarm: the caller has
 * folded changes to the same key). The WHERE keeps a newer stored change against a row the lock did
 * not cover (another instance inserting the same new alarm at the same moment): that row is then not
 * returned. Rows go in key order, like the lock.
 */
export async function upsertAlarms(em: EntityManager, alarms: readonly AlarmToWrite[]): Promise<{ alarm: StoredAlarm; inserted: boolean }[]> {
  if (alarms.length === 0) return [];
  const sorted = [...alarms].sort((a, b) => compareKeys(a, b));
  const parameters: unknown[] = [];
  const tuples = sorted.map((alarm) => {
    const offset = parameters.length;
    parameters.push(...parametersOf(alarm));
    return `(${WRITTEN_COLUMNS.map((_column, index) => `$${offset + index + 1}`).join(', ')})`;
  });
  const rows = (await em.query(
    `INSERT INTO alarms (${WRITTEN_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (source_system_id, external_alarm_id) DO UPDATE SET ${UPDATED_ON_CONFLICT}, updated_at = now()
       WHERE alarms.alarm_changed_time <= EXCLUDED.alarm_changed_time
     RETURNING ${STORED_ALARM_COLUMNS}, (xmax = 0) AS inserted`,
    parameters,
  )) as (StoredAlarmRow & { inserted: boolean })[];
  return rows.map((row) => ({ alarm: storedAlarmOf(row), inserted: row.inserted }));
}

/** One multi-row INSERT of the batch's events, in the order given (the worker applies them by id). Returns the last id. */
export async function appendAlarmEvents(em: EntityManager, events: readonly EventToWrite[]): Promise<string | null> {
  if (events.length === 0) return null;
  const rows = (await em.query(
    `INSERT INTO alarm_events (alarm_id, state, perceived_severity, occurred_at)
     SELECT alarm_id, state, perceived_severity, occurred_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS e (alarm_id, state, perceived_severity, occurred_at, position)
      ORDER BY position
     RETURNING id`,
    [events.map((event) => event.alarmId), events.map((event) => event.state), events.map((event) => event.perceivedSeverity), events.map((event) => event.occurredAt.toISOString())],
  )) as { id: string }[];
  return rows.reduce<string | null>((last, row) => (last === null || BigInt(row.id) > BigInt(last) ? String(row.id) : last), null);
}

function compareKeys(a: { sourceSystemId: string; externalAlarmId: string }, b: { sourceSystemId: string; externalAlarmId: string }): number {
  // Byte order, like the C collation the lock's ORDER BY may not use: only consistency between batches matters.
  return a.sourceSystemId < b.sourceSystemId ? -1 : a.sourceSystemId > b.sourceSystemId ? 1 : a.externalAlarmId < b.externalAlarmId ? -1 : a.externalAlarmId > b.externalAlarmId ? 1 : 0;
}
