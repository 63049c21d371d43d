import type { EntityManager } from 'typeorm';
import type { DeadlineKind, IncidentSnapshotDto, ReportTimelineRowDto, TimelineEventType } from '@netduty/contracts';
import { NotFoundError } from '@netduty/platform-errors';
import { INCIDENT_ROW_COLUMNS, INCIDENT_ROW_JOINS, toIncidentRow, type IncidentRowRaw } from './situation-snapshot';

const TIMELINE_ROWS = 200;
const DETAIL_MAX = 300;

/** The short text of one timeline line: what its data carries that a reader needs. */
export function timelineDetail(type: TimelineEventType, data: Record<string, unknown>): string {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  let detail: string;
  switch (type) {
    case 'commented':
      detail = text(data['text']);
      break;
    case 'assigned': {
      const responders = Array.isArray(data['responders']) ? (data['responders'] as { name?: unknown }[]).map((responder) => text(responder.name)).filter(Boolean) : [];
      detail = [responders.join(', '), text(data['note'])].filter(Boolean).join(' — ');
      break;
    }
    case 'escalated':
      detail = [`${text(data['kind'])} L${typeof data['level'] === 'number' ? data['level'] : '?'}`, text(data['reason'])].filter(Boolean).join(' — ');
      break;
    case 'assignment_accepted':
    case 'responder_en_route':
    case 'responder_on_site':
      detail = text((data['responder'] as { name?: unknown } | undefined)?.name);
      break;
    case 'reported':
    case 'acknowledged':
    case 'resolved':
    case 'closed':
    case 'reopened':
      detail = text(data['note']);
      break;
    case 'alarm_raised':
      detail = [text(data['specificProblem']) || text(data['probableCause']), text(data['sourceSystemId'])].filter(Boolean).join(' — ');
      break;
    case 'alarm_cleared':
      detail = text(data['sourceSystemId']);
      break;
    case 'correlated':
      detail = [text(data['kind']), text(data['key']), text((data['parent'] as { reference?: unknown } | undefined)?.reference)].filter(Boolean).join(' — ');
      break;
    case 'flapping':
      detail = '';
      break;
  }
  return detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX - 1)}…` : detail;
}

/** One incident's facts, timeline, responders, escalations and impact, as they are at `now` (the caller's transaction). */
export async function collectIncidentSnapshot(em: EntityManager, incidentId: string, now: Date): Promise<IncidentSnapshotDto> {
  const [row] = (await em.query(
    `SELECT ${INCIDENT_ROW_COLUMNS}, i.description, i.reporter_name, i.reporter_phone, i.closed_at, i.site_id, i.commune_code,
            s.kind AS site_kind, s.state AS site_state, s.down_kind AS site_down_kind, c.former_district
       FROM incidents i ${INCIDENT_ROW_JOINS} WHERE i.id = $1`,
    [incidentId],
  )) as (IncidentRowRaw & {
    description: string;
    reporter_name: string;
    reporter_phone: string | null;
    closed_at: Date | null;
    site_id: string;
    commune_code: string;
    site_kind: string;
    site_state: string;
    site_down_kind: string | null;
    former_district: string | null;
  })[];
  if (!row) throw new NotFoundError('incident', incidentId);

  const timeline = (await em.query(`SELECT type, actor, at, data FROM incident_events WHERE incident_id = $1 ORDER BY at, id LIMIT ${TIMELINE_ROWS}`, [incidentId])) as {
    type: TimelineEventType;
    actor: string;
    at: Date;
    data: Record<string, unknown>;
  }[];
  const responders = (await em.query(
    `SELECT r.name, r.phone, cl.name AS cluster_name, ir.assigned_at, ir.accepted_at, ir.on_site_at
       FROM incident_responders ir JOIN responders r ON r.id = ir.responder_id LEFT JOIN clusters cl ON cl.id = r.cluster_id
      WHERE ir.incident_id = $1 ORDER BY ir.assigned_at, r.name`,
    [incidentId],
  )) as { name: string; phone: string | null; cluster_name: string | null; assigned_at: Date; accepted_at: Date | null; on_site_at: Date | null }[];
  const escalations = (await em.query(`SELECT kind, level, manual, fired_at FROM escalations WHERE incident_id = $1 ORDER BY fired_at, level`, [incidentId])) as {
    kind: DeadlineKind;
    level: number;
    manual: boolean;
    fired_at: Date;
  }[];
  const [impact] = (await em.query(
    `SELECT (SELECT count(*) FROM incidents o WHERE o.site_id = $2 AND o.id <> $1 AND o.status NOT IN ('resolved', 'closed')) AS other_open,
            (SELECT count(*) FROM sites d WHERE d.commune_code = $3 AND d.state = 'down') AS down_in_commune,
            EXISTS (SELECT 1 FROM event_periods p WHERE p.starts_at <= $4 AND p.ends_at > $4 AND $2 = ANY (p.p0_site_ids)) AS event_p0`,
    [incidentId, row.site_id, row.commune_code, now],
  )) as { other_open: string; down_in_commune: string; event_p0: boolean }[];

  const base = toIncidentRow(row, now);
  const endOfOutage = row.resolved_at ?? now;
  return {
    incident: {
      ...base,
      description: row.description,
      reporterName: row.reporter_name,
      reporterPhone: row.reporter_phone,
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
      resolvedAt: row.resolved_at?.toISOString() ?? null,
      closedAt: row.closed_at?.toISOString() ?? null,
      siteKind: row.site_kind,
      siteState: row.site_state,
      siteDownKind: row.site_down_kind,
      formerDistrict: row.former_district,
    },
    timeline: timeline.map((line): ReportTimelineRowDto => ({ at: new Date(line.at).toISOString(), type: line.type, actor: line.actor, detail: timelineDetail(line.type, line.data ?? {}) })),
    responders: responders.map((responder) => ({
      name: responder.name,
      phone: responder.phone,
      clusterName: responder.cluster_name,
      assignedAt: new Date(responder.assigned_at).toISOString(),
      acceptedAt: responder.accepted_at ? new Date(responder.accepted_at).toISOString() : null,
      onSiteAt: responder.on_site_at ? new Date(responder.on_site_at).toISOString() : null,
    })),
    escalations: escalations.map((escalation) => ({
      incidentId,
      reference: row.reference,
      siteCode: row.site_code,
      kind: escalation.kind,
      level: Number(escalation.level),
      manual: escalation.manual,
      firedAt: new Date(escalation.fired_at).toISOString(),
    })),
    impact: {
      otherOpenAtSite: Number(impact?.other_open ?? 0),
      sitesDownInCommune: Number(impact?.down_in_commune ?? 0),
      eventP0: impact?.event_p0 ?? false,
      minutesOpen: Math.max(0, Math.floor((endOfOutage.getTime() - row.reported_at.getTime()) / 60_000)),
    },
  };
}
