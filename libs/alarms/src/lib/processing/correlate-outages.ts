import type { EntityManager } from 'typeorm';
import type { IncidentCategory, OperatorCode, PriorityTier, UpstreamKind } from '@netduty/contracts';
import { correlate, openIncident, parentTitle, type CorrelationPolicy, type OpenParent, type SiteDownObservation } from '@netduty/domain';
import { managerOf, type IncidentRepositories } from '@netduty/incidents';
import { noteUpdated, resolveBySystem, type AppliedChanges } from './applied-changes';

/** Power faults point at a feeder; loss of signal at a route or an aggregation node. */
const POWER_CATEGORIES: readonly IncidentCategory[] = ['mains_failure', 'low_battery', 'generator'];
const SIGNAL_CATEGORIES: readonly IncidentCategory[] = ['fibre_cut', 'microwave_transmission'];

/** What a parent incident is filed as: the category of the cause it suspects. */
const PARENT_CATEGORY: Readonly<Record<UpstreamKind, IncidentCategory>> = {
  power_feeder: 'mains_failure',
  transmission_route: 'fibre_cut',
  aggregation_node: 'equipment',
};

const TIER_ORDER: readonly PriorityTier[] = ['P0', 'P1', 'P2'];
/** Children named on the parent's timeline line; the rest are counted. */
const CHILDREN_NAMED = 100;
const CORRELATION_ACTOR = 'netduty-correlation';

interface CandidateRow {
  id: string;
  reference: string;
  category: IncidentCategory;
  operator_code: OperatorCode;
  site_id: string;
  site_code: string;
  commune_code: string;
  priority: PriorityTier;
  power_feeder: string | null;
  transmission_route: string | null;
  aggregation_node: string | null;
  first_alarm_at: Date;
  parent_incident_id: string | null;
}

interface SiteCandidate {
  observation: SiteDownObservation;
  operatorCode: OperatorCode;
  communeCode: string;
  priority: PriorityTier;
  /** Every open alarm-made incident of the site without a parent: the cause's and its consequences'. */
  incidents: { id: string; reference: string }[];
}

/**
 * Open alarm-made power and signal incidents without a parent, at sites with an upstream, grouped by site.
 * The site's incidents already under a parent still date its alarms: a site whose mains failure joined the
 * feeder's parent and whose links drop when its batteries run flat is down for power, and its loss of
 * signal joins the same parent rather than suggesting a fibre cut. A flapping site is its own fault (a
 * rectifier, a loose connector), not a sign of its upstream: it stays out.
 */
async function loadCandidates(em: EntityManager): Promise<Map<string, SiteCandidate>> {
  const incidents: (Omit<CandidateRow, 'first_alarm_at'> & { reported_at: Date })[] = await em.query(
    `SELECT i.id, i.reference, i.category, i.operator_code, s.id AS site_id, s.code AS site_code, s.commune_code, s.priority,
            s.power_feeder, s.transmission_route, s.aggregation_node, i.reported_at, i.parent_incident_id
       FROM incidents i JOIN sites s ON s.id = i.site_id
      WHERE i.origin = 'alarm' AND i.status NOT IN ('resolved', 'closed') AND NOT i.flapping
        AND i.category = ANY($1::text[])
        AND (s.power_feeder IS NOT NULL OR s.transmission_route IS NOT NULL OR s.aggregation_node IS NOT NULL)`,
    [[...POWER_CATEGORIES, ...SIGNAL_CATEGORIES]],
  );
  if (incidents.length === 0) return new Map();
  // Each incident's first alarm, in one grouped statement of its own. As a subquery per candidate row it
  // cost 5 s in a storm: the alarms table grows from nothing in seconds, its statistics still say empty,
  // and the planner scanned the whole table once per candidate; grouped, it is one pass at worst.
  const firstAlarms: { incident_id: string; at: Date }[] = await em.query(
    `SELECT incident_id, min(alarm_raised_time) AS at FROM alarms WHERE incident_id = ANY($1::uuid[]) GROUP BY incident_id`,
    [incidents.map((incident) => incident.id)],
  );
  const firstAlarmOf = new Map(firstAlarms.map((row) => [row.incident_id, new Date(row.at)]));
  const rows: CandidateRow[] = incidents
    .map(({ reported_at, ...incident }) => ({ ...incident, first_alarm_at: firstAlarmOf.get(incident.id) ?? new Date(reported_at) }))
    .sort((a, b) => a.first_alarm_at.getTime() - b.first_alarm_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sites = new Map<string, SiteCandidate & { powerIncident?: string; signalIncident?: string }>();
  for (const row of rows) {
    const at = new Date(row.first_alarm_at);
    const site =
      sites.get(row.site_id) ??
      ({
        observation: {
          siteId: row.site_id,
          incidentId: row.id,
          siteCode: row.site_code,
          powerFeeder: row.power_feeder,
          transmissionRoute: row.transmission_route,
          aggregationNode: row.aggregation_node,
          firstPowerAlarmAt: null,
          firstSignalAlarmAt: null,
        },
        operatorCode: row.operator_code,
        communeCode: row.commune_code,
        priority: row.priority,
        incidents: [],
      } satisfies SiteCandidate);
    const observation = site.observation;
    const unparented = row.parent_incident_id === null;
    if (unparented) site.incidents.push({ id: row.id, reference: row.reference });
    if (POWER_CATEGORIES.includes(row.category)) {
      if (!observation.firstPowerAlarmAt || at < observation.firstPowerAlarmAt) observation.firstPowerAlarmAt = at;
      if (unparented) site.powerIncident ??= row.id;
    }
    if (SIGNAL_CATEGORIES.includes(row.category)) {
      if (!observation.firstSignalAlarmAt || at < observation.firstSignalAlarmAt) observation.firstSignalAlarmAt = at;
      if (unparented) site.signalIncident ??= row.id;
    }
    sites.set(row.site_id, site);
  }
  // The observation names an unparented incident of the cause the domain will read off it (power when it
  // came first); a site whose every incident already has a parent has nothing left to correlate.
  for (const [siteId, site] of sites) {
    if (site.incidents.length === 0) {
      sites.delete(siteId);
      continue;
    }
    const { firstPowerAlarmAt: power, firstSignalAlarmAt: signal } = site.observation;
    const powerFirst = power !== null && (signal === null || power <= signal);
    site.observation.incidentId = (powerFirst ? (site.powerIncident ?? site.signalIncident) : (site.signalIncident ?? site.powerIncident)) as string;
  }
  return sites;
}

async function loadOpenParents(em: EntityManager): Promise<(OpenParent & { operatorCode: OperatorCode })[]> {
  const rows: { id: string; operator_code: OperatorCode; correlation_kind: UpstreamKind; correlation_key: string }[] = await em.query(
    `SELECT id, operator_code, correlation_kind, correlation_key FROM incidents
      WHERE correlation_kind IS NOT NULL AND status NOT IN ('resolved', 'closed')`,
  );
  return rows.map((row) => ({ incidentId: row.id, operatorCode: row.operator_code, kind: row.correlation_kind, key: row.correlation_key }));
}

/**
 * Mass-outage correlation, after a batch: for each operator, sites down within the window that share an
 * upstream get one parent incident ("suspected mains failure on feeder X"); later sites of an open parent
 * join it. A child's escalation is held while it has a parent (the escalation chain checks), so the
 * parent escalates once for all of them.
 */
export async function correlateOutages(repositories: IncidentRepositories, policy: CorrelationPolicy, now: Date, changes: AppliedChanges): Promise<void> {
  const em = managerOf(repositories.transaction);
  const candidates = await loadCandidates(em);
  if (candidates.size === 0) return;
  const parents = await loadOpenParents(em);
  const byIncident = new Map([...candidates.values()].map((site) => [site.observation.incidentId, site]));

  for (const operatorCode of new Set([...candidates.values()].map((site) => site.operatorCode))) {
    const observations = [...candidates.values()].filter((site) => site.operatorCode === operatorCode).map((site) => site.observation);
    const decisions = correlate(observations, parents.filter((parent) => parent.operatorCode === operatorCode), now, policy);
    for (const decision of decisions) {
      const children = decision.childIncidentIds.map((id) => byIncident.get(id)).filter((site): site is SiteCandidate => site !== undefined);
      if (children.length === 0) continue;
      const parent =
        decision.type === 'attach'
          ? await parentReference(em, decision.parentIncidentId)
          : await openParent(repositories, decision.kind, decision.key, children, now, changes);
      const kind = decision.type === 'attach' ? parent.kind : decision.kind;
      const key = decision.type === 'attach' ? parent.key : decision.key;
      const linked = children.flatMap((site) => site.incidents.map((incident) => ({ ...incident, siteCode: site.observation.siteCode })));
      await em.query(`UPDATE incidents SET parent_incident_id = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])`, [
        parent.id,
        linked.map((child) => child.id),
      ]);
      const parentLine = { type: 'correlated' as const, data: { kind, key, parent: { id: parent.id, reference: parent.reference } } };
      await repositories.timeline.appendEach(linked.map((child) => ({ incidentId: child.id, actor: CORRELATION_ACTOR, event: parentLine })));
      for (const child of linked) noteUpdated(changes, child.id);
      await repositories.timeline.append(parent.id, CORRELATION_ACTOR, {
        type: 'correlated',
        data: { kind, key, children: linked.slice(0, CHILDREN_NAMED), childCount: linked.length },
      });
      noteUpdated(changes, parent.id);
    }
  }
}

async function parentReference(em: EntityManager, id: string): Promise<{ id: string; reference: string; kind: UpstreamKind; key: string }> {
  const [row] = (await em.query(`SELECT id, reference, correlation_kind, correlation_key FROM incidents WHERE id = $1`, [id])) as {
    id: string;
    reference: string;
    correlation_kind: UpstreamKind;
    correlation_key: string;
  }[];
  if (!row) throw new Error(`parent incident ${id} vanished within its transaction`);
  return { id: row.id, reference: row.reference, kind: row.correlation_kind, key: row.correlation_key };
}

/** Files the parent at the first site that went down, at the best tier among its children. */
async function openParent(
  repositories: IncidentRepositories,
  kind: UpstreamKind,
  key: string,
  children: readonly SiteCandidate[],
  now: Date,
  changes: AppliedChanges,
): Promise<{ id: string; reference: string; kind: UpstreamKind; key: string }> {
  const first = [...children].sort((a, b) => firstAlarm(a) - firstAlarm(b))[0] as SiteCandidate;
  const tier = TIER_ORDER.find((candidate) => children.some((child) => child.priority === candidate)) ?? 'P2';
  const site = { id: first.observation.siteId, operatorCode: first.operatorCode, communeCode: first.communeCode, priority: tier };
  const category = PARENT_CATEGORY[kind];
  const { priority, window } = await repositories.slaPolicies.termsFor('critical', site, now);
  const opened = openIncident({ now, window, category, severity: 'critical' });
  const id = await repositories.incidents.insert({
    site: { ...site, priority },
    category,
    severity: 'critical',
    description: `${parentTitle(kind, key, 'vi')} — ${children.length} trạm / ${parentTitle(kind, key, 'en')} — ${children.length} sites`,
    reporterName: CORRELATION_ACTOR,
    reportedBy: null,
    reporterPhone: null,
    reportedAt: now,
    acknowledge: opened.acknowledge,
    restore: opened.restore,
    idempotency: null,
    origin: 'correlation',
    correlation: { kind, key },
  });
  for (const line of opened.events) await repositories.timeline.append(id, CORRELATION_ACTOR, line);
  await repositories.audit.record({ action: 'incident.report', entityType: 'incident', entityId: id, after: { id, origin: 'correlation', kind, key, children: children.length } });
  changes.created.set(id, opened.deadlines);
  const record = await repositories.incidents.load(id);
  return { id, reference: record?.reference ?? id, kind, key };
}

function firstAlarm(site: SiteCandidate): number {
  const times = [site.observation.firstPowerAlarmAt, site.observation.firstSignalAlarmAt].filter((at): at is Date => at !== null);
  return Math.min(...times.map((at) => at.getTime()));
}

/**
 * Parents whose every child is resolved resolve too (the feeder is back when its last site is); a
 * parent whose child just resolved is updated on the consoles either way.
 */
export async function resolveFinishedParents(repositories: IncidentRepositories, now: Date, changes: AppliedChanges): Promise<void> {
  const em = managerOf(repositories.transaction);
  const touched: { parent_incident_id: string }[] =
    changes.resolvedIds.size === 0
      ? []
      : await em.query(`SELECT DISTINCT parent_incident_id FROM incidents WHERE id = ANY($1::uuid[]) AND parent_incident_id IS NOT NULL`, [[...changes.resolvedIds]]);
  for (const { parent_incident_id: parentId } of touched) {
    const [open] = (await em.query(
      `SELECT count(*)::int AS open FROM incidents WHERE parent_incident_id = $1 AND status NOT IN ('resolved', 'closed')`,
      [parentId],
    )) as { open: number }[];
    noteUpdated(changes, parentId);
    if ((open?.open ?? 1) > 0) continue;
    const parent = await repositories.incidents.lockForUpdate(parentId, { kind: 'all' });
    if (parent && parent.status !== 'resolved' && parent.status !== 'closed') {
      await resolveBySystem(repositories, changes, parent, CORRELATION_ACTOR, 'every correlated site is restored', now);
    }
  }
}
