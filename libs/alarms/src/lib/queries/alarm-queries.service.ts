import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@netduty/platform-errors';
import { STORED_ALARM_COLUMNS, storedAlarmOf, type StoredAlarm, type StoredAlarmRow } from '../intake/alarm-rows';
import type { NmsCaller } from '../sources/nms-caller';
import { alarmRelations, CORRELATED_ALARMS_MAX, type CorrelationMember } from '../tmf642/alarm-relations';
import { tmfAlarm } from '../tmf642/alarm-representation';
import type { TmfAlarm } from '../tmf642/tmf642-resources';
import type { AlarmListQuery } from './alarm-list-query';

/** An alarm with its site's code (alarmedObject.id). */
export interface SitedAlarm {
  alarm: StoredAlarm;
  siteCode: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The columns of a stored alarm, qualified for a query that joins its site (`a`, `s`). */
const SITED_COLUMNS = `${STORED_ALARM_COLUMNS.split(',')
  .map((column) => `a.${column.trim()}`)
  .join(', ')}, s.code AS site_code`;

/**
 * Reading alarms for an NMS. The one visibility rule of TMF642 here: an NMS sees the alarms of its own
 * operator (every query of this class filters on operator_code), and another operator's alarm is a 404
 * exactly like one that does not exist.
 */
@Injectable()
export class AlarmQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(caller: NmsCaller, id: string): Promise<SitedAlarm> {
    const rows = UUID.test(id)
      ? ((await this.dataSource.query(`SELECT ${SITED_COLUMNS} FROM alarms a JOIN sites s ON s.id = a.site_id WHERE a.id = $1 AND a.operator_code = $2`, [
          id,
          caller.operatorCode,
        ])) as (StoredAlarmRow & { site_code: string })[])
      : [];
    const row = rows[0];
    if (!row) throw new NotFoundError('alarm', id);
    return { alarm: storedAlarmOf(row), siteCode: row.site_code };
  }

  async get(caller: NmsCaller, id: string): Promise<TmfAlarm> {
    const [alarm] = await this.present([await this.find(caller, id)]);
    if (!alarm) throw new NotFoundError('alarm', id);
    return alarm;
  }

  async list(caller: NmsCaller, query: AlarmListQuery): Promise<{ items: TmfAlarm[]; total: number }> {
    const conditions = ['a.operator_code = $1'];
    const parameters: unknown[] = [caller.operatorCode];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (query.states) where((p) => `a.state = ANY(${p}::text[])`, query.states);
    if (query.perceivedSeverities) where((p) => `a.perceived_severity = ANY(${p}::text[])`, query.perceivedSeverities);
    if (query.probableCause !== null) where((p) => `a.probable_cause = ${p}`, query.probableCause);
    if (query.alarmType !== null) where((p) => `a.alarm_type = ${p}`, query.alarmType);
    if (query.siteCode !== null) where((p) => `s.code = ${p}`, query.siteCode);
    if (query.sourceSystemId !== null) where((p) => `a.source_system_id = ${p}`, query.sourceSystemId);
    if (query.externalAlarmId !== null) where((p) => `a.external_alarm_id = ${p}`, query.externalAlarmId);
    if (query.raisedAfter) where((p) => `a.alarm_raised_time > ${p}`, query.raisedAfter.toISOString());
    if (query.raisedBefore) where((p) => `a.alarm_raised_time < ${p}`, query.raisedBefore.toISOString());
    const filter = `FROM alarms a JOIN sites s ON s.id = a.site_id WHERE ${conditions.join(' AND ')}`;
    const [counted] = (await this.dataSource.query(`SELECT count(*)::int AS total ${filter}`, parameters)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${SITED_COLUMNS} ${filter} ORDER BY a.alarm_raised_time DESC, a.id DESC OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`,
      [...parameters, query.offset, query.limit],
    )) as (StoredAlarmRow & { site_code: string })[];
    const items = await this.present(rows.map((row) => ({ alarm: storedAlarmOf(row), siteCode: row.site_code })));
    return { items, total: counted?.total ?? 0 };
  }

  /** TMF642 representations, with the relations of those attached to an incident (one query for all). */
  async present(alarms: readonly SitedAlarm[]): Promise<TmfAlarm[]> {
    const members = await this.correlationMembers(alarms.flatMap(({ alarm }) => (alarm.incidentId ? [alarm.id] : [])));
    return alarms.map(({ alarm, siteCode }) => tmfAlarm(alarm, siteCode, alarmRelations(alarm.id, members.get(alarm.id) ?? null)));
  }

  /** For each alarm whose incident has a parent: the first alarms of that parent's children (enough to decide). */
  private async correlationMembers(alarmIds: string[]): Promise<Map<string, CorrelationMember[]>> {
    const byAlarm = new Map<string, CorrelationMember[]>();
    if (alarmIds.length === 0) return byAlarm;
    const rows = (await this.dataSource.query(
      `WITH targets AS (
         SELECT a.id, i.parent_incident_id AS parent FROM alarms a JOIN incidents i ON i.id = a.incident_id
          WHERE a.id = ANY($1::uuid[]) AND i.parent_incident_id IS NOT NULL
       ), members AS (
         SELECT c.parent_incident_id AS parent, m.id, m.alarm_raised_time,
                row_number() OVER (PARTITION BY c.parent_incident_id ORDER BY m.alarm_raised_time, m.id) AS position
           FROM alarms m JOIN incidents c ON c.id = m.incident_id
          WHERE c.parent_incident_id IN (SELECT parent FROM targets)
       )
       SELECT t.id AS target, m.id, m.alarm_raised_time FROM targets t JOIN members m ON m.parent = t.parent
        WHERE m.position <= $2`,
      [alarmIds, CORRELATED_ALARMS_MAX + 1],
    )) as { target: string; id: string; alarm_raised_time: Date }[];
    for (const row of rows) {
      const list = byAlarm.get(row.target) ?? [];
      list.push({ alarmId: row.id, raisedAt: new Date(row.alarm_raised_time) });
      byAlarm.set(row.target, list);
    }
    return byAlarm;
  }
}
