import type { EntityManager } from 'typeorm';
import type { AlarmState, IncidentCategory, IncidentStatus, OperatorCode, PerceivedSeverity, PriorityTier, SiteKind } from '@netduty/contracts';
import type { AlarmRule } from '@netduty/domain';
import { AlarmRuleEntity } from '@netduty/persistence';

/** One accepted change of an alarm, as the worker applies it, with the alarm and its site. */
export interface PendingAlarmEvent {
  eventId: string;
  state: AlarmState;
  perceivedSeverity: PerceivedSeverity;
  occurredAt: Date;
  alarm: {
    id: string;
    sourceSystemId: string;
    externalAlarmId: string;
    alarmType: string;
    probableCause: string;
    specificProblem: string | null;
    incidentId: string | null;
    plannedOutage: boolean;
  };
  site: { id: string; code: string; kind: SiteKind; operatorCode: OperatorCode; communeCode: string; priority: PriorityTier };
}

interface PendingRow {
  event_id: string;
  event_state: AlarmState;
  event_severity: PerceivedSeverity;
  occurred_at: Date;
  alarm_id: string;
  source_system_id: string;
  external_alarm_id: string;
  alarm_type: string;
  probable_cause: string;
  specific_problem: string | null;
  incident_id: string | null;
  planned_outage_indicator: boolean;
  site_id: string;
  site_code: string;
  site_kind: SiteKind;
  operator_code: OperatorCode;
  commune_code: string;
  priority: PriorityTier;
}

/**
 * The oldest pending events, locked for this transaction. SKIP LOCKED: two workers never apply one
 * event twice, and one killed mid-batch leaves its events to the next (its transaction rolled back).
 */
export async function lockPendingEvents(em: EntityManager, limit: number): Promise<PendingAlarmEvent[]> {
  const rows: PendingRow[] = await em.query(
    `WITH pending AS (
       SELECT id FROM alarm_events WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     SELECT e.id AS event_id, e.state AS event_state, e.perceived_severity AS event_severity, e.occurred_at,
            a.id AS alarm_id, a.source_system_id, a.external_alarm_id, a.alarm_type, a.probable_cause, a.specific_problem,
            a.incident_id, a.planned_outage_indicator,
            s.id AS site_id, s.code AS site_code, s.kind AS site_kind, s.operator_code, s.commune_code, s.priority
       FROM pending p
       JOIN alarm_events e ON e.id = p.id
       JOIN alarms a ON a.id = e.alarm_id
       JOIN sites s ON s.id = a.site_id
      ORDER BY e.id`,
    [limit],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    state: row.event_state,
    perceivedSeverity: row.event_severity,
    occurredAt: new Date(row.occurred_at),
    alarm: {
      id: row.alarm_id,
      sourceSystemId: row.source_system_id,
      externalAlarmId: row.external_alarm_id,
      alarmType: row.alarm_type,
      probableCause: row.probable_cause,
      specificProblem: row.specific_problem,
      incidentId: row.incident_id,
      plannedOutage: row.planned_outage_indicator,
    },
    site: { id: row.site_id, code: row.site_code, kind: row.site_kind, operatorCode: row.operator_code, communeCode: row.commune_code, priority: row.priority },
  }));
}

export async function markProcessed(em: EntityManager, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await em.query(`UPDATE alarm_events SET processed_at = now() WHERE id = ANY($1::bigint[])`, [eventIds]);
}

export async function loadAlarmRules(em: EntityManager): Promise<AlarmRule[]> {
  const rules = await em.getRepository(AlarmRuleEntity).find({ order: { position: 'ASC' } });
  return rules.map(({ id, position, probableCause, specificProblemPattern, alarmType, category, severity, resolveOnClear }) => ({
    id,
    position,
    probableCause,
    specificProblemPattern,
    alarmType,
    category,
    severity,
    resolveOnClear,
  }));
}

/** An alarm-made incident of a site, the latest of its category: open, or resolved and perhaps to reopen. */
export interface SiteFault {
  id: string;
  siteId: string;
  category: IncidentCategory;
  status: IncidentStatus;
  resolvedAt: Date | null;
  flapping: boolean;
}

/** The latest alarm-made incident per (site, category) at these sites, open or resolved within `reopenSeconds`. */
export async function loadSiteFaults(em: EntityManager, siteIds: readonly string[], reopenSeconds: number): Promise<SiteFault[]> {
  if (siteIds.length === 0) return [];
  const rows: { id: string; site_id: string; category: IncidentCategory; status: IncidentStatus; resolved_at: Date | null; flapping: boolean }[] = await em.query(
    `SELECT DISTINCT ON (site_id, category) id, site_id, category, status, resolved_at, flapping
       FROM incidents
      WHERE site_id = ANY($1::uuid[]) AND origin = 'alarm'
        AND (status NOT IN ('resolved', 'closed') OR (status = 'resolved' AND resolved_at > now() - make_interval(secs => $2)))
      ORDER BY site_id, category, reported_at DESC`,
    [siteIds, reopenSeconds],
  );
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    category: row.category,
    status: row.status,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    flapping: row.flapping,
  }));
}
