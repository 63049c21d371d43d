import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CommuneRefDto,
  CoverageImpactDto,
  IncidentCoverageImpactDto,
  EventPeriodStatusDto,
  NetworkSafetyDto,
  OperatorCode,
  PrioritySiteDto,
  PriorityTier,
  Severity,
  SiteDownKind,
  SiteKind,
  SiteState,
  SiteStateTally,
} from '@netduty/contracts';
import { SEVERITIES } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, IncidentEntity } from '@netduty/persistence';
import { NotFoundError } from '@netduty/platform-errors';
import { AnalyticsSources, percentOf, withSource, type AnalyticsCriteria } from './analytics-sources';

interface TallyRow {
  operator_code: string | null;
  operator_name: string | null;
  kind: string | null;
  commune_code: string | null;
  commune_name: string | null;
  total: number;
  in_service: number;
  degraded: number;
  down: number;
  on_battery: number;
  on_generator: number;
  off_air: number;
}

interface P0Row {
  id: string;
  code: string;
  name: string;
  operator_code: OperatorCode;
  kind: SiteKind;
  commune_code: string;
  commune_name: string;
  priority: PriorityTier;
  state: SiteState;
  down_kind: SiteDownKind | null;
  state_since: Date | null;
  event_p0: boolean;
}

interface CoverageRow {
  kind: 'operator' | 'none';
  operator_code: OperatorCode | null;
  code: string;
  name: string;
  former_district: string | null;
}

const TALLY_COLUMNS = `count(*)::int AS total,
  count(*) FILTER (WHERE x.state = 'in_service')::int AS in_service,
  count(*) FILTER (WHERE x.state = 'degraded')::int AS degraded,
  count(*) FILTER (WHERE x.state = 'down')::int AS down,
  count(*) FILTER (WHERE x.down_kind = 'on_battery')::int AS on_battery,
  count(*) FILTER (WHERE x.down_kind = 'on_generator')::int AS on_generator,
  count(*) FILTER (WHERE x.down_kind = 'off_air')::int AS off_air`;

const SITE_COLUMNS = 's.id AS id, s.code AS code, s.name AS name, s.operator_code AS operator_code, s.kind AS kind, s.commune_code AS commune_code, s.priority AS priority, s.state AS state, s.down_kind AS down_kind, s.state_since AS state_since';

/**
 * The network-safety picture now: every figure one SQL statement over the caller's scope and filters
 * (sites by state; P0 sites; open incidents and breaches; the event periods; coverage impact).
 */
@Injectable()
export class NetworkSafetyService {
  private readonly sources: AnalyticsSources;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sources = new AnalyticsSources(dataSource);
  }

  async now(scope: IncidentScope, criteria: AnalyticsCriteria, at = new Date()): Promise<NetworkSafetyDto> {
    const [tallies, p0Sites, incidents, eventPeriods, coverage] = await Promise.all([
      this.tallies(scope, criteria),
      this.p0Sites(scope, criteria, at),
      this.openIncidents(scope, criteria, at),
      this.eventPeriods(scope, criteria, at),
      this.coverage(scope, criteria),
    ]);
    return { at: at.toISOString(), ...tallies, p0Sites, ...incidents, eventPeriods, coverage };
  }

  private async tallies(scope: IncidentScope, criteria: AnalyticsCriteria): Promise<Pick<NetworkSafetyDto, 'sites' | 'byOperator' | 'byKind' | 'byCommune'>> {
    const source = this.sources.sites(scope, criteria, SITE_COLUMNS);
    const rows: TallyRow[] = await this.dataSource.query(
      `SELECT x.operator_code, o.name AS operator_name, x.kind, x.commune_code, c.name AS commune_name, ${TALLY_COLUMNS}
         FROM (${source.sql}) x
         JOIN operators o ON o.code = x.operator_code
         JOIN communes c ON c.code = x.commune_code
        GROUP BY GROUPING SETS ((), (x.operator_code, o.name), (x.kind), (x.commune_code, c.name))`,
      source.parameters,
    );
    const tally = (row: TallyRow, key: string, label: string): SiteStateTally => ({
      key,
      label,
      total: row.total,
      inService: row.in_service,
      degraded: row.degraded,
      down: row.down,
      onBattery: row.on_battery,
      onGenerator: row.on_generator,
      offAir: row.off_air,
    });
    const empty: TallyRow = { operator_code: null, operator_name: null, kind: null, commune_code: null, commune_name: null, total: 0, in_service: 0, degraded: 0, down: 0, on_battery: 0, on_generator: 0, off_air: 0 };
    const total = rows.find((row) => row.operator_code === null && row.kind === null && row.commune_code === null) ?? empty;
    const byOperator = rows.filter((row) => row.operator_code !== null).map((row) => tally(row, row.operator_code as string, row.operator_name as string));
    const byKind = rows.filter((row) => row.kind !== null).map((row) => tally(row, row.kind as string, row.kind as string));
    const byCommune = rows.filter((row) => row.commune_code !== null).map((row) => tally(row, row.commune_code as string, row.commune_name as string));
    byOperator.sort((a, b) => a.key.localeCompare(b.key));
    byKind.sort((a, b) => a.key.localeCompare(b.key));
    byCommune.sort((a, b) => b.down - a.down || b.degraded - a.degraded || a.label.localeCompare(b.label, 'vi'));
    return { sites: tally(total, 'all', 'all'), byOperator, byKind, byCommune };
  }

  /** Sites of tier P0, and those a running event period lists as P0; down first, then degraded. */
  private async p0Sites(scope: IncidentScope, criteria: AnalyticsCriteria, at: Date): Promise<PrioritySiteDto[]> {
    const source = this.sources.sites(scope, criteria, SITE_COLUMNS);
    const query = withSource(source, [at], (p) => `
      WITH running AS (
        SELECT DISTINCT unnest(e.p0_site_ids) AS site_id FROM event_periods e
         WHERE e.starts_at <= ${p(1)} AND e.ends_at > ${p(1)}
      )
      SELECT x.*, c.name AS commune_name, (r.site_id IS NOT NULL) AS event_p0
        FROM (${source.sql}) x
        JOIN communes c ON c.code = x.commune_code
        LEFT JOIN running r ON r.site_id = x.id
       WHERE x.priority = 'P0' OR r.site_id IS NOT NULL
       ORDER BY CASE x.state WHEN 'down' THEN 0 WHEN 'degraded' THEN 1 ELSE 2 END, x.state_since NULLS LAST, x.code`);
    const rows: P0Row[] = await this.dataSource.query(query.sql, query.parameters);
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      operatorCode: row.operator_code,
      kind: row.kind,
      communeCode: row.commune_code,
      communeName: row.commune_name,
      priority: row.priority,
      state: row.state,
      downKind: row.down_kind,
      stateSince: row.state_since ? new Date(row.state_since).toISOString() : null,
      eventP0: row.event_p0,
    }));
  }

  /** Open incidents by severity, and those past a deadline they still run against. */
  private async openIncidents(scope: IncidentScope, criteria: AnalyticsCriteria, at: Date): Promise<Pick<NetworkSafetyDto, 'openBySeverity' | 'openTotal' | 'breachedNow'>> {
    const source = this.sources.incidents(scope, criteria, 'i.severity AS severity, i.status AS status, i.ack_due_at AS ack_due_at, i.restore_due_at AS restore_due_at', (query) =>
      query.andWhere(`i.status NOT IN ('resolved', 'closed')`),
    );
    const query = withSource(source, [at], (p) => `
      SELECT x.severity, count(*)::int AS open,
             count(*) FILTER (WHERE x.status = 'reported' AND x.ack_due_at <= ${p(1)})::int AS ack_breached,
             count(*) FILTER (WHERE x.restore_due_at <= ${p(1)})::int AS restore_breached
        FROM (${source.sql}) x GROUP BY x.severity`);
    const rows: { severity: Severity; open: number; ack_breached: number; restore_breached: number }[] = await this.dataSource.query(query.sql, query.parameters);
    const openBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, rows.find((row) => row.severity === severity)?.open ?? 0])) as Record<Severity, number>;
    return {
      openBySeverity,
      openTotal: rows.reduce((sum, row) => sum + row.open, 0),
      breachedNow: {
        acknowledge: rows.reduce((sum, row) => sum + row.ack_breached, 0),
        restore: rows.reduce((sum, row) => sum + row.restore_breached, 0),
      },
    };
  }

  /** The periods running now and the next one to start, with their P0 sites (in scope) down. */
  private async eventPeriods(scope: IncidentScope, criteria: AnalyticsCriteria, at: Date): Promise<EventPeriodStatusDto[]> {
    const source = this.sources.sites(scope, criteria, 's.id AS id, s.state AS state');
    const query = withSource(source, [at], (p) => `
      WITH shown AS (
        (SELECT e.* FROM event_periods e WHERE e.starts_at <= ${p(1)} AND e.ends_at > ${p(1)})
        UNION ALL
        (SELECT e.* FROM event_periods e WHERE e.starts_at > ${p(1)} ORDER BY e.starts_at LIMIT 1)
      )
      SELECT e.id, e.name, e.starts_at, e.ends_at, (e.starts_at <= ${p(1)}) AS running,
             count(x.id)::int AS p0_sites, count(x.id) FILTER (WHERE x.state = 'down')::int AS p0_down
        FROM shown e
        LEFT JOIN (${source.sql}) x ON x.id = ANY (e.p0_site_ids)
       GROUP BY e.id, e.name, e.starts_at, e.ends_at
       ORDER BY e.starts_at`);
    const rows: { id: string; name: string; starts_at: Date; ends_at: Date; running: boolean; p0_sites: number; p0_down: number }[] = await this.dataSource.query(query.sql, query.parameters);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      status: row.running ? 'running' : 'upcoming',
      p0Sites: row.p0_sites,
      p0Down: row.p0_down,
    }));
  }

  /**
   * Communes that lost an operator's mobile coverage (every BTS of that operator there down) and those
   * that lost all of it (every BTS of every operator there down), among communes with BTS in scope.
   */
  async coverage(scope: IncidentScope, criteria: AnalyticsCriteria): Promise<CoverageImpactDto> {
    const source = this.sources.sites(scope, criteria, 's.operator_code AS operator_code, s.commune_code AS commune_code, s.state AS state', (query) => query.andWhere(`s.kind = 'bts'`));
    const perOperator = `SELECT x.commune_code, x.operator_code, bool_and(x.state = 'down') AS all_down FROM (${source.sql}) x GROUP BY 1, 2`;
    const [rows, totals]: [CoverageRow[], { operator_code: OperatorCode | null; operator_name: string | null; communes: number; with_signal: number }[]] = await Promise.all([
      this.dataSource.query(
        `WITH per_operator AS (${perOperator}),
              per_commune AS (SELECT commune_code, bool_and(all_down) AS all_down FROM per_operator GROUP BY 1)
         SELECT 'operator' AS kind, p.operator_code, c.code, c.name, c.former_district FROM per_operator p JOIN communes c ON c.code = p.commune_code WHERE p.all_down
         UNION ALL
         SELECT 'none' AS kind, NULL, c.code, c.name, c.former_district FROM per_commune p JOIN communes c ON c.code = p.commune_code WHERE p.all_down
         ORDER BY 1, 2, 4`,
        source.parameters,
      ),
      this.dataSource.query(
        `WITH per_operator AS (${perOperator})
         SELECT p.operator_code, o.name AS operator_name, count(*)::int AS communes, count(*) FILTER (WHERE NOT p.all_down)::int AS with_signal
           FROM per_operator p JOIN operators o ON o.code = p.operator_code GROUP BY 1, 2
         UNION ALL
         SELECT NULL, NULL, count(*)::int, count(*) FILTER (WHERE NOT q.all_down)::int
           FROM (SELECT commune_code, bool_and(all_down) AS all_down FROM per_operator GROUP BY 1) q
          ORDER BY 1 NULLS FIRST`,
        source.parameters,
      ),
    ]);
    const commune = (row: CoverageRow): CommuneRefDto => ({ code: row.code, name: row.name, formerDistrict: row.former_district });
    const overall = totals.find((row) => row.operator_code === null) ?? { communes: 0, with_signal: 0 };
    return {
      communesWithBts: overall.communes,
      communesWithSignal: overall.with_signal,
      percentWithSignal: percentOf(overall.with_signal, overall.communes) ?? 100,
      byOperator: totals
        .filter((row) => row.operator_code !== null)
        .map((row) => ({
          operatorCode: row.operator_code as OperatorCode,
          operatorName: row.operator_name as string,
          communesWithBts: row.communes,
          communes: rows.filter((candidate) => candidate.kind === 'operator' && candidate.operator_code === row.operator_code).map(commune),
        })),
      withoutAnyService: rows.filter((row) => row.kind === 'none').map(commune),
      peopleAffected: null,
      populationNote: 'population_not_shipped',
    };
  }

  /**
   * The coverage an incident and its children (a mass-outage parent's) cost now: the province's coverage
   * impact in the caller's scope, narrowed to the communes of their sites. A missing or unseen incident is
   * not found.
   */
  async coverageOfIncident(scope: IncidentScope, incidentId: string): Promise<IncidentCoverageImpactDto> {
    const query = this.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .select('incident.id', 'id')
      .addSelect('incident.communeCode', 'commune_code')
      .addSelect('incident.parentIncidentId', 'parent_incident_id')
      .where('(incident.id = :incidentId OR incident.parentIncidentId = :incidentId)', { incidentId });
    applyScopeFilter(query, 'incident', scopeFilterOf(scope));
    const rows: { id: string; commune_code: string; parent_incident_id: string | null }[] = await query.getRawMany();
    if (!rows.some((row) => row.id === incidentId)) throw new NotFoundError('incident', incidentId);
    const codes = new Set(rows.map((row) => row.commune_code));
    const [coverage, communes]: [CoverageImpactDto, { code: string; name: string; former_district: string | null }[]] = await Promise.all([
      this.coverage(scope, {}),
      this.dataSource.query(`SELECT code, name, former_district FROM communes WHERE code = ANY($1::text[]) ORDER BY name`, [[...codes]]),
    ]);
    const inIncident = (commune: CommuneRefDto) => codes.has(commune.code);
    return {
      incidentId,
      communes: communes.map((row) => ({ code: row.code, name: row.name, formerDistrict: row.former_district })),
      byOperator: coverage.byOperator
        .map((operator) => ({ operatorCode: operator.operatorCode, operatorName: operator.operatorName, communes: operator.communes.filter(inIncident) }))
        .filter((operator) => operator.communes.length > 0),
      withoutAnyService: coverage.withoutAnyService.filter(inIncident),
    };
  }
}
