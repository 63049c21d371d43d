import type { EntityManager } from 'typeorm';
import {
  REPORT_LIMITS,
  type DeadlineKind,
  type IncidentCategory,
  type IncidentStatus,
  type OperatorCode,
  type PriorityTier,
  type ReportBreachRowDto,
  type ReportCountDto,
  type ReportEscalationRowDto,
  type ReportIncidentRowDto,
  type ReportRestoredSiteRowDto,
  type Severity,
  type SituationSnapshotDto,
} from '@netduty/contracts';

/**
 * Open at the end of the period: reported before it ended, and either still open now or resolved/closed
 * only after it ended. `end` is the parameter holding the period's end.
 */
const openAtEnd = (end: string) =>
  `(i.reported_at < ${end} AND (i.status IN ('reported', 'acknowledged', 'in_progress', 'reopened') OR COALESCE(i.resolved_at, i.closed_at) >= ${end}))`;
const OPEN_AT_END = openAtEnd('$2');

interface GroupRow {
  category: IncidentCategory;
  operator_code: string;
  operator_name: string;
  commune_code: string;
  commune_name: string;
  reported: string;
  resolved: string;
  open_at_end: string;
}

export interface IncidentRowRaw {
  id: string;
  reference: string;
  site_code: string;
  site_name: string;
  operator_code: OperatorCode;
  operator_name: string;
  commune_name: string;
  category: IncidentCategory;
  severity: Severity;
  priority: PriorityTier;
  status: IncidentStatus;
  reported_at: Date;
  acknowledged_at: Date | null;
  ack_due_at: Date;
  restore_due_at: Date;
  resolved_at: Date | null;
  escalation_level: number;
}

/** The columns every incident row of a report reads, aliased `i` (incidents), `s`, `o`, `c`. */
export const INCIDENT_ROW_COLUMNS = `i.id, i.reference, s.code AS site_code, s.name AS site_name, i.operator_code, o.name AS operator_name, c.name AS commune_name,
  i.category, i.severity, i.priority, i.status, i.reported_at, i.acknowledged_at, i.ack_due_at, i.restore_due_at, i.resolved_at, i.escalation_level`;
export const INCIDENT_ROW_JOINS = `JOIN sites s ON s.id = i.site_id JOIN operators o ON o.code = i.operator_code JOIN communes c ON c.code = i.commune_code`;

/** An incident as a report row, with its deadlines as they stood at `at`. */
export function toIncidentRow(row: IncidentRowRaw, at: Date): ReportIncidentRowDto {
  const acknowledgedByThen = row.acknowledged_at !== null && row.acknowledged_at.getTime() <= at.getTime();
  const resolvedByThen = row.resolved_at !== null && row.resolved_at.getTime() <= at.getTime();
  const breached = (!acknowledgedByThen && row.ack_due_at.getTime() < at.getTime()) || (!resolvedByThen && row.restore_due_at.getTime() < at.getTime());
  return {
    id: row.id,
    reference: row.reference,
    siteCode: row.site_code,
    siteName: row.site_name,
    operatorCode: row.operator_code,
    operatorName: row.operator_name,
    communeName: row.commune_name,
    category: row.category,
    severity: row.severity,
    priority: row.priority,
    status: row.status,
    reportedAt: row.reported_at.toISOString(),
    acknowledgeDueAt: acknowledgedByThen ? null : row.ack_due_at.toISOString(),
    restoreDueAt: row.restore_due_at.toISOString(),
    breached,
    escalationLevel: Number(row.escalation_level),
  };
}

/** Rolls (category, operator, commune) groups up into one dimension, most reported first, then by name. */
export function rollUp(rows: readonly { key: string; label: string; reported: number; resolved: number; openAtEnd: number }[]): ReportCountDto[] {
  const byKey = new Map<string, ReportCountDto>();
  for (const row of rows) {
    const current = byKey.get(row.key) ?? { key: row.key, label: row.label, reported: 0, resolved: 0, openAtEnd: 0 };
    current.reported += row.reported;
    current.resolved += row.resolved;
    current.openAtEnd += row.openAtEnd;
    byKey.set(row.key, current);
  }
  return [...byKey.values()].sort((a, b) => b.reported - a.reported || b.openAtEnd - a.openAtEnd || a.label.localeCompare(b.label, 'vi'));
}

const count = async (em: EntityManager, sql: string, params: unknown[]): Promise<number> =>
  Number(((await em.query(sql, params)) as { n: string }[])[0]?.n ?? 0);

/**
 * Every figure and row of a situation report for [from, to), read in the caller's transaction (one
 * snapshot of the database). Lists keep REPORT_LIMITS.rowsPerList rows; the totals count everything.
 */
export async function collectSituationSnapshot(em: EntityManager, from: Date, to: Date): Promise<SituationSnapshotDto> {
  const limit = REPORT_LIMITS.rowsPerList;
  const params = [from, to];
  const groups = (await em.query(
    `SELECT i.category, i.operator_code, o.name AS operator_name, i.commune_code, c.name AS commune_name,
            count(*) FILTER (WHERE i.reported_at >= $1 AND i.reported_at < $2) AS reported,
            count(*) FILTER (WHERE i.resolved_at >= $1 AND i.resolved_at < $2) AS resolved,
            count(*) FILTER (WHERE ${OPEN_AT_END}) AS open_at_end
       FROM incidents i JOIN operators o ON o.code = i.operator_code JOIN communes c ON c.code = i.commune_code
      WHERE i.reported_at < $2 AND (i.reported_at >= $1 OR (i.resolved_at >= $1 AND i.resolved_at < $2) OR ${OPEN_AT_END})
      GROUP BY i.category, i.operator_code, o.name, i.commune_code, c.name`,
    params,
  )) as GroupRow[];
  const figures = groups.map((row) => ({ row, reported: Number(row.reported), resolved: Number(row.resolved), openAtEnd: Number(row.open_at_end) }));
  const byCategory = rollUp(figures.map((f) => ({ key: f.row.category, label: f.row.category, reported: f.reported, resolved: f.resolved, openAtEnd: f.openAtEnd })));
  const byOperator = rollUp(figures.map((f) => ({ key: f.row.operator_code, label: f.row.operator_name, reported: f.reported, resolved: f.resolved, openAtEnd: f.openAtEnd })));
  const byCommune = rollUp(figures.map((f) => ({ key: f.row.commune_code, label: f.row.commune_name, reported: f.reported, resolved: f.resolved, openAtEnd: f.openAtEnd })));

  const openTotal = await count(em, `SELECT count(*) AS n FROM incidents i WHERE ${openAtEnd('$1')}`, [to]);
  const open = (await em.query(
    `SELECT ${INCIDENT_ROW_COLUMNS} FROM incidents i ${INCIDENT_ROW_JOINS} WHERE ${openAtEnd('$1')} ORDER BY i.restore_due_at, i.reference LIMIT ${limit}`,
    [to],
  )) as IncidentRowRaw[];

  // A deadline that fell due in the period and was not met by then.
  const breachesSql = `
    SELECT i.id AS incident_id, i.reference, s.code AS site_code, o.name AS operator_name, 'acknowledge' AS kind, i.ack_due_at AS due_at,
           CASE WHEN i.acknowledged_at < $2 THEN i.acknowledged_at END AS met_at
      FROM incidents i ${INCIDENT_ROW_JOINS}
     WHERE i.ack_due_at >= $1 AND i.ack_due_at < $2 AND (i.acknowledged_at IS NULL OR i.acknowledged_at > i.ack_due_at)
    UNION ALL
    SELECT i.id, i.reference, s.code, o.name, 'restore', i.restore_due_at,
           CASE WHEN i.resolved_at < $2 THEN i.resolved_at END
      FROM incidents i ${INCIDENT_ROW_JOINS}
     WHERE i.restore_due_at >= $1 AND i.restore_due_at < $2 AND (i.resolved_at IS NULL OR i.resolved_at > i.restore_due_at)`;
  const breachTotal = await count(em, `SELECT count(*) AS n FROM (${breachesSql}) b`, params);
  const breaches = (await em.query(`${breachesSql} ORDER BY due_at, reference, kind LIMIT ${limit}`, params)) as {
    incident_id: string;
    reference: string;
    site_code: string;
    operator_name: string;
    kind: DeadlineKind;
    due_at: Date;
    met_at: Date | null;
  }[];

  const escalationTotal = await count(em, `SELECT count(*) AS n FROM escalations e WHERE e.fired_at >= $1 AND e.fired_at < $2`, params);
  const escalations = (await em.query(
    `SELECT e.incident_id, i.reference, s.code AS site_code, e.kind, e.level, e.manual, e.fired_at
       FROM escalations e JOIN incidents i ON i.id = e.incident_id JOIN sites s ON s.id = i.site_id
      WHERE e.fired_at >= $1 AND e.fired_at < $2 ORDER BY e.fired_at, i.reference, e.level LIMIT ${limit}`,
    params,
  )) as { incident_id: string; reference: string; site_code: string; kind: DeadlineKind; level: number; manual: boolean; fired_at: Date }[];

  // A site restored: a change back to in service within the period (a site restored twice counts twice).
  const restoredTotal = await count(em, `SELECT count(*) AS n FROM site_state_changes h WHERE h.state = 'in_service' AND h.changed_at >= $1 AND h.changed_at < $2`, params);
  const restored = (await em.query(
    `SELECT h.site_id, s.code AS site_code, s.name AS site_name, o.name AS operator_name, c.name AS commune_name, h.changed_at
       FROM site_state_changes h JOIN sites s ON s.id = h.site_id JOIN operators o ON o.code = s.operator_code JOIN communes c ON c.code = s.commune_code
      WHERE h.state = 'in_service' AND h.changed_at >= $1 AND h.changed_at < $2 ORDER BY h.changed_at, h.id LIMIT ${limit}`,
    params,
  )) as { site_id: string; site_code: string; site_name: string; operator_name: string; commune_name: string; changed_at: Date }[];

  const [period] = (await em.query(
    `SELECT id, name FROM event_periods WHERE starts_at < $2 AND ends_at > $1 ORDER BY starts_at DESC LIMIT 1`,
    params,
  )) as { id: string; name: string }[];

  const sum = (values: readonly ReportCountDto[], pick: (count: ReportCountDto) => number) => values.reduce((total, value) => total + pick(value), 0);
  return {
    eventPeriod: period ? { id: period.id, name: period.name } : null,
    totals: {
      reported: sum(byCategory, (c) => c.reported),
      resolved: sum(byCategory, (c) => c.resolved),
      openAtEnd: openTotal,
      breaches: breachTotal,
      escalations: escalationTotal,
      sitesRestored: restoredTotal,
    },
    byCategory,
    byOperator,
    byCommune,
    openIncidents: open.map((row) => toIncidentRow(row, to)),
    breaches: breaches.map(
      (row): ReportBreachRowDto => ({
        incidentId: row.incident_id,
        reference: row.reference,
        siteCode: row.site_code,
        operatorName: row.operator_name,
        kind: row.kind,
        dueAt: new Date(row.due_at).toISOString(),
        metAt: row.met_at ? new Date(row.met_at).toISOString() : null,
      }),
    ),
    escalations: escalations.map(
      (row): ReportEscalationRowDto => ({
        incidentId: row.incident_id,
        reference: row.reference,
        siteCode: row.site_code,
        kind: row.kind,
        level: Number(row.level),
        manual: row.manual,
        firedAt: new Date(row.fired_at).toISOString(),
      }),
    ),
    sitesRestored: restored.map(
      (row): ReportRestoredSiteRowDto => ({
        siteId: row.site_id,
        siteCode: row.site_code,
        siteName: row.site_name,
        operatorName: row.operator_name,
        communeName: row.commune_name,
        restoredAt: new Date(row.changed_at).toISOString(),
      }),
    ),
    truncated: {
      openIncidents: Math.max(0, openTotal - open.length),
      breaches: Math.max(0, breachTotal - breaches.length),
      escalations: Math.max(0, escalationTotal - escalations.length),
      sitesRestored: Math.max(0, restoredTotal - restored.length),
    },
  };
}
