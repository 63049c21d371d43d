import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import {
  INCIDENT_EXPORT_MAX_ROWS,
  INCIDENT_PAGE_DEFAULT_LIMIT,
  INCIDENT_PAGE_MAX_LIMIT,
  SEVERITIES,
  type IncidentCounts,
  type IncidentDto,
  type IncidentListQuery,
  type IncidentPage,
  type IncidentStatus,
  type Severity,
} from '@netduty/contracts';
import { foldForSearch, scopeFilterOf, type IncidentScope } from '@netduty/domain';
import {
  applyScopeFilter,
  boardBreachedRankSql,
  boardClockRankSql,
  boardDueSql,
  boardP0RankSql,
  boardSeverityRankSql,
  IncidentEntity,
  likeContaining,
  openIncidentSql,
  type OperatorEntity,
  type ResponderEntity,
  type SiteEntity,
} from '@netduty/persistence';
import { InvalidInputError } from '@netduty/platform-errors';
import { decodeIncidentCursor, encodeIncidentCursor, type IncidentCursor } from './incident-cursor';
import { toIncidentDto } from './incident-mapper';

const PAGE_ROWS_SQL = `
  SELECT i.id, i.reference, i.category, i.severity, i.priority, i.status, i.description, i.reporter_name, i.reported_by, i.reporter_phone, i.reported_at,
         i.acknowledged_at, i.resolved_at, i.closed_at, i.ack_starts_at, i.ack_due_at, i.restore_starts_at, i.restore_due_at,
         i.escalation_level, i.updated_at, i.origin, i.parent_incident_id, i.correlation_kind, i.correlation_key, i.flapping,
         s.id AS site_id, s.code AS site_code, s.name AS site_name, s.kind AS site_kind, s.priority AS site_priority, s.latitude, s.longitude, s.state AS site_state, s.down_kind AS site_down_kind,
         o.code AS operator_code, o.name AS operator_name, o.kind AS operator_kind,
         c.code AS commune_code, c.name AS commune_name, c.division_type, c.former_district,
         r.id AS responder_id, r.name AS responder_name, r.phone AS responder_phone, r.active AS responder_active, r.cluster_id AS responder_cluster_id, cl.name AS cluster_name
  FROM incidents i
  JOIN sites s ON s.id = i.site_id
  JOIN operators o ON o.code = s.operator_code
  JOIN communes c ON c.code = s.commune_code
  LEFT JOIN incident_responders ir ON ir.incident_id = i.id
  LEFT JOIN responders r ON r.id = ir.responder_id
  LEFT JOIN clusters cl ON cl.id = r.cluster_id
  WHERE i.id = ANY($1::uuid[])`;

interface PageRow {
  id: string;
  reference: string;
  category: IncidentEntity['category'];
  severity: Severity;
  priority: IncidentEntity['priority'];
  status: IncidentStatus;
  description: string;
  reporter_name: string;
  reported_by: string | null;
  reporter_phone: string | null;
  reported_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  ack_starts_at: Date;
  ack_due_at: Date;
  restore_starts_at: Date;
  restore_due_at: Date;
  escalation_level: number;
  updated_at: Date;
  origin: IncidentEntity['origin'];
  parent_incident_id: string | null;
  correlation_kind: IncidentEntity['correlationKind'];
  correlation_key: string | null;
  flapping: boolean;
  site_id: string;
  site_code: string;
  site_name: string;
  site_kind: SiteEntity['kind'];
  site_priority: SiteEntity['priority'];
  latitude: number;
  longitude: number;
  site_state: SiteEntity['state'];
  site_down_kind: SiteEntity['downKind'];
  operator_code: OperatorEntity['code'];
  operator_name: string;
  operator_kind: OperatorEntity['kind'];
  commune_code: string;
  commune_name: string;
  division_type: string;
  former_district: string | null;
  responder_id: string | null;
  responder_name: string | null;
  responder_phone: string | null;
  responder_cluster_id: string | null;
  responder_active: boolean | null;
  cluster_name: string | null;
}

/** The fields `toIncidentDto` reads, from one joined row (responders are added per row). */
function pageRowToEntity(row: PageRow): IncidentEntity {
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    severity: row.severity,
    priority: row.priority,
    status: row.status,
    description: row.description,
    reporterName: row.reporter_name,
    reportedBy: row.reported_by,
    reporterPhone: row.reporter_phone,
    reportedAt: row.reported_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    ackStartsAt: row.ack_starts_at,
    ackDueAt: row.ack_due_at,
    restoreStartsAt: row.restore_starts_at,
    restoreDueAt: row.restore_due_at,
    escalationLevel: row.escalation_level,
    updatedAt: row.updated_at,
    origin: row.origin,
    parentIncidentId: row.parent_incident_id,
    correlationKind: row.correlation_kind,
    correlationKey: row.correlation_key,
    flapping: row.flapping,
    responders: [],
    site: {
      id: row.site_id,
      code: row.site_code,
      name: row.site_name,
      kind: row.site_kind,
      priority: row.site_priority,
      latitude: row.latitude,
      longitude: row.longitude,
      state: row.site_state,
      downKind: row.site_down_kind,
      operator: { code: row.operator_code, name: row.operator_name, kind: row.operator_kind },
      commune: { code: row.commune_code, name: row.commune_name, divisionType: row.division_type, formerDistrict: row.former_district },
    },
  } as unknown as IncidentEntity;
}
const OPEN_STATUSES = ['reported', 'acknowledged', 'in_progress', 'resolved', 'reopened'] as const satisfies readonly Exclude<IncidentStatus, 'closed'>[];
const SEARCH_WORDS_MAX = 8;
/** Rows per keyset page of a walk (an export): fewer round trips than the list's pages, still one page in memory. */
const WALK_BATCH_ROWS = 1_000;

interface PageKeyRow {
  id: string;
  due_at?: string;
  breached_rank?: number;
  clock_rank?: number;
  p0_rank?: number;
  severity_rank?: number;
  reported_at?: string;
}

/**
 * The incident lists: the board (open incidents, urgency order) and the history (any status, newest
 * first), paged with a keyset cursor so a page costs the same on the first screen and the hundredth,
 * and the board header's counts. Every query goes through `applyScopeFilter`, like every other incident query.
 */
@Injectable()
export class IncidentListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: IncidentListQuery, scope: IncidentScope): Promise<IncidentPage> {
    return this.pageOf(query, scope, Math.min(query.limit ?? INCIDENT_PAGE_DEFAULT_LIMIT, INCIDENT_PAGE_MAX_LIMIT));
  }

  /**
   * Every incident `query`'s filters match in the caller's scope, in the list's order (its `limit` and
   * `cursor` ignored), as keyset pages of WALK_BATCH_ROWS, for an export. More than `maxRows` matching
   * is refused before the first page (400, `query` too_many_items {max, matching}), never cut short.
   */
  async *walk(query: IncidentListQuery, scope: IncidentScope, maxRows = INCIDENT_EXPORT_MAX_ROWS): AsyncGenerator<IncidentDto[]> {
    const filters: IncidentListQuery = { ...query, limit: undefined, cursor: undefined };
    const matching = await this.filtered(filters, scope).getCount();
    if (matching > maxRows) throw new InvalidInputError([{ field: 'query', code: 'too_many_items', params: { max: maxRows, matching } }]);
    // Rows reported meanwhile may join the walk; the cap still holds.
    let remaining = maxRows;
    let cursor: string | undefined;
    while (remaining > 0) {
      const page = await this.pageOf({ ...filters, cursor }, scope, Math.min(WALK_BATCH_ROWS, remaining));
      if (page.items.length > 0) yield page.items;
      remaining -= page.items.length;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  private async pageOf(query: IncidentListQuery, scope: IncidentScope, limit: number): Promise<IncidentPage> {
    const sort = query.sort ?? 'urgency';
    const after = query.cursor === undefined ? null : decodeIncidentCursor(query.cursor, sort);

    // First the page's ids in order, straight off the index; then the rows with their relations.
    const keys = this.filtered(query, scope).select('incident.id', 'id');
    // Breached is as of the first page's instant, carried in the cursor, so every page of one walk agrees.
    const asOf = after?.sort === 'urgency' ? after.asOf : new Date().toISOString();
    if (sort === 'urgency') {
      keys
        .addSelect(boardBreachedRankSql('incident'), 'breached_rank')
        .addSelect(boardClockRankSql('incident'), 'clock_rank')
        .addSelect(boardP0RankSql('incident'), 'p0_rank')
        .addSelect(boardSeverityRankSql('incident'), 'severity_rank')
        .addSelect(`${boardDueSql('incident')}::text`, 'due_at')
        .orderBy(boardBreachedRankSql('incident'), 'ASC')
        .addOrderBy(boardClockRankSql('incident'), 'ASC')
        .addOrderBy(boardP0RankSql('incident'), 'ASC')
        .addOrderBy(boardSeverityRankSql('incident'), 'ASC')
        .addOrderBy(boardDueSql('incident'), 'ASC')
        .addOrderBy('incident.id', 'ASC')
        .setParameter('asOf', asOf);
    } else {
      keys.addSelect('incident.reported_at::text', 'reported_at').orderBy('incident.reported_at', 'DESC').addOrderBy('incident.id', 'DESC');
    }
    if (after) applyKeyset(keys, after);
    const rows = await keys.limit(limit + 1).getRawMany<PageKeyRow>();
    const pageRows = rows.slice(0, limit);

    const byId = await this.loadWithRelations(pageRows.map((row) => row.id));
    const items = pageRows.flatMap((row) => {
      const incident = byId.get(row.id);
      return incident ? [toIncidentDto(incident)] : [];
    });
    const last = pageRows[pageRows.length - 1];
    const nextCursor = rows.length > limit && last ? encodeIncidentCursor(cursorOf(last, sort, asOf)) : null;
    return { items, nextCursor, limit };
  }

  /** One pass over the caller's open incidents (the board's partial index), every figure a FILTER. */
  async counts(scope: IncidentScope): Promise<IncidentCounts> {
    const at = new Date();
    const query = this.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .select('count(*)::int', 'open')
      .addSelect(`count(*) FILTER (WHERE ${boardDueSql('incident')} <= :at)::int`, 'breached')
      .addSelect(`count(*) FILTER (WHERE incident.escalation_level > 0)::int`, 'escalated')
      .addSelect(`count(*) FILTER (WHERE incident.priority = 'P0')::int`, 'p0')
      .where(openIncidentSql('incident'))
      .setParameter('at', at);
    for (const status of OPEN_STATUSES) query.addSelect(`count(*) FILTER (WHERE incident.status = '${status}')::int`, `status_${status}`);
    for (const severity of SEVERITIES) query.addSelect(`count(*) FILTER (WHERE incident.severity = '${severity}')::int`, `severity_${severity}`);
    applyScopeFilter(query, 'incident', scopeFilterOf(scope));
    const row = (await query.getRawOne<Record<string, number>>()) ?? {};
    const figure = (name: string) => row[name] ?? 0;
    const byStatus = Object.fromEntries(OPEN_STATUSES.map((status) => [status, figure(`status_${status}`)])) as IncidentCounts['byStatus'];
    const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, figure(`severity_${severity}`)])) as Record<Severity, number>;
    return {
      open: figure('open'),
      breached: figure('breached'),
      unacknowledged: byStatus.reported,
      escalated: figure('escalated'),
      p0: figure('p0'),
      byStatus,
      bySeverity,
      at: at.toISOString(),
    };
  }

  /**
   * The page's rows with their site, operator, commune and responders in one plain query: TypeORM's
   * relation hydration cost more than the query itself for a page of 50 (see bench/incident-list.mjs).
   */
  private async loadWithRelations(ids: string[]): Promise<Map<string, IncidentEntity>> {
    const incidents = new Map<string, IncidentEntity>();
    if (ids.length === 0) return incidents;
    const rows: PageRow[] = await this.dataSource.query(PAGE_ROWS_SQL, [ids]);
    for (const row of rows) {
      let incident = incidents.get(row.id);
      if (!incident) {
        incident = pageRowToEntity(row);
        incidents.set(row.id, incident);
      }
      if (row.responder_id) {
        incident.responders.push({
          id: row.responder_id,
          name: row.responder_name ?? '',
          phone: row.responder_phone ?? '',
          active: row.responder_active ?? true,
          clusterId: row.responder_cluster_id ?? '',
          cluster: { name: row.cluster_name ?? '' },
        } as ResponderEntity);
      }
    }
    return incidents;
  }

  private filtered(query: IncidentListQuery, scope: IncidentScope): SelectQueryBuilder<IncidentEntity> {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      throw new InvalidInputError([{ field: 'to', code: 'before_other_field', params: { field: 'from' } }]);
    }
    const builder = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident');
    applyScopeFilter(builder, 'incident', scopeFilterOf(scope));
    if (query.open !== false) builder.andWhere(openIncidentSql('incident'));
    if (query.status?.length) builder.andWhere('incident.status IN (:...status)', { status: query.status });
    if (query.topLevel === true) {
      // Top level: no parent the caller would see on the same board. A responder assigned to a child,
      // or a commune-scoped cluster whose commune is not the parent's, sees the child at the top.
      const parent = applyScopeFilter(
        builder
          .subQuery()
          .select('1')
          .from(IncidentEntity, 'parent_incident')
          .where('parent_incident.id = incident.parent_incident_id')
          .andWhere(openIncidentSql('parent_incident')),
        'incident',
        scopeFilterOf(scope),
        'parent_incident',
      );
      builder.andWhere(`NOT EXISTS ${parent.getQuery()}`).setParameters(parent.getParameters());
    }
    if (query.parent) builder.andWhere('incident.parentIncidentId = :parent', { parent: query.parent });
    if (query.severity?.length) builder.andWhere('incident.severity IN (:...severity)', { severity: query.severity });
    if (query.priority?.length) builder.andWhere('incident.priority IN (:...priority)', { priority: query.priority });
    if (query.category?.length) builder.andWhere('incident.category IN (:...category)', { category: query.category });
    if (query.operator?.length) builder.andWhere('incident.operatorCode IN (:...operator)', { operator: query.operator });
    if (query.commune?.length) builder.andWhere('incident.communeCode IN (:...commune)', { commune: query.commune });
    if (query.site?.length) builder.andWhere('incident.siteId IN (:...site)', { site: query.site });
    if (query.from) builder.andWhere('incident.reportedAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('incident.reportedAt < :to', { to: query.to });
    const text = query.q?.trim() ?? '';
    if (text) applySearch(builder, text);
    return builder;
  }
}

/**
 * The reference (any part of SC-000123), or every folded word in the site's search text (its code,
 * name, commune and former district), so "dong kinh" finds Đông Kinh.
 */
function applySearch(builder: SelectQueryBuilder<IncidentEntity>, text: string): void {
  const words = foldForSearch(text).split(' ').filter(Boolean).slice(0, SEARCH_WORDS_MAX);
  builder.andWhere(
    new Brackets((where) => {
      where.where('incident.reference ILIKE :searchReference', { searchReference: likeContaining(text) });
      if (words.length === 0) return;
      const siteMatch = words.map((_, index) => `search_site.search_text LIKE :searchWord${index}`).join(' AND ');
      const parameters = Object.fromEntries(words.map((word, index) => [`searchWord${index}`, likeContaining(word)]));
      where.orWhere(`EXISTS (SELECT 1 FROM sites search_site WHERE search_site.id = incident.site_id AND ${siteMatch})`, parameters);
    }),
  );
}

/** Strictly after the cursor's row, as a row comparison PostgreSQL answers from the index. */
function applyKeyset(builder: SelectQueryBuilder<IncidentEntity>, after: IncidentCursor): void {
  if (after.sort === 'urgency') {
    builder.andWhere(
      `(${boardBreachedRankSql('incident')}, ${boardClockRankSql('incident')}, ${boardP0RankSql('incident')}, ${boardSeverityRankSql('incident')}, ${boardDueSql('incident')}, incident.id)` +
        ` > (:afterBreached::int, :afterClock::int, :afterP0::int, :afterRank::int, :afterDue::timestamptz, :afterId::uuid)`,
      {
        afterBreached: after.breachedRank,
        afterClock: after.clockRank,
        afterP0: after.p0Rank,
        afterRank: after.severityRank,
        afterDue: after.dueAt,
        afterId: after.id,
      },
    );
  } else {
    builder.andWhere('(incident.reported_at, incident.id) < (:afterReported::timestamptz, :afterId::uuid)', {
      afterReported: after.reportedAt,
      afterId: after.id,
    });
  }
}

function cursorOf(row: PageKeyRow, sort: 'urgency' | 'recent', asOf: string): IncidentCursor {
  return sort === 'urgency'
    ? {
        sort,
        asOf,
        breachedRank: Number(row.breached_rank),
        clockRank: Number(row.clock_rank),
        p0Rank: Number(row.p0_rank),
        severityRank: Number(row.severity_rank),
        dueAt: row.due_at ?? 'infinity',
        id: row.id,
      }
    : { sort, reportedAt: row.reported_at ?? '', id: row.id };
}
