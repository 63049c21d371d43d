import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import {
  INCIDENT_PAGE_DEFAULT_LIMIT,
  INCIDENT_PAGE_MAX_LIMIT,
  SEVERITIES,
  type IncidentCounts,
  type IncidentListQuery,
  type IncidentPage,
  type IncidentStatus,
  type Severity,
} from '@netduty/contracts';
import { foldForSearch, type IncidentScope } from '@netduty/domain';
import {
  boardDueSql,
  boardSeverityRankSql,
  IncidentEntity,
  likeContaining,
  openIncidentSql,
} from '@netduty/persistence';
import { InvalidInputError } from '../errors/application-errors';
import { decodeIncidentCursor, encodeIncidentCursor, type IncidentCursor } from './incident-cursor';
import { toIncidentDto } from './incident-mapper';
import { applyScope } from './incident.service';

const LIST_RELATIONS = { site: { operator: true, commune: true }, responders: { cluster: true } } as const;
const OPEN_STATUSES = ['reported', 'acknowledged', 'in_progress', 'resolved', 'reopened'] as const satisfies readonly Exclude<IncidentStatus, 'closed'>[];
const SEARCH_WORDS_MAX = 8;

interface PageKeyRow {
  id: string;
  due_at?: string;
  severity_rank?: number;
  reported_at?: string;
}

/**
 * The incident lists: the board (open incidents, urgency order) and the history (any status, newest
 * first), paged with a keyset cursor so a page costs the same on the first screen and the hundredth,
 * and the board header's counts. Every query goes through `applyScope`, like every other incident query.
 */
@Injectable()
export class IncidentListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: IncidentListQuery, scope: IncidentScope): Promise<IncidentPage> {
    const sort = query.sort ?? 'urgency';
    const limit = Math.min(query.limit ?? INCIDENT_PAGE_DEFAULT_LIMIT, INCIDENT_PAGE_MAX_LIMIT);
    const after = query.cursor === undefined ? null : decodeIncidentCursor(query.cursor, sort);

    // First the page's ids in order, straight off the index; then the rows with their relations.
    const keys = this.filtered(query, scope).select('incident.id', 'id');
    if (sort === 'urgency') {
      keys
        .addSelect(`${boardDueSql('incident')}::text`, 'due_at')
        .addSelect(boardSeverityRankSql('incident'), 'severity_rank')
        .orderBy(boardDueSql('incident'), 'ASC')
        .addOrderBy(boardSeverityRankSql('incident'), 'ASC')
        .addOrderBy('incident.id', 'ASC');
    } else {
      keys.addSelect('incident.reported_at::text', 'reported_at').orderBy('incident.reported_at', 'DESC').addOrderBy('incident.id', 'DESC');
    }
    if (after) applyKeyset(keys, after);
    const rows = await keys.limit(limit + 1).getRawMany<PageKeyRow>();
    const pageRows = rows.slice(0, limit);

    const entities = pageRows.length
      ? await this.dataSource.getRepository(IncidentEntity).find({ where: { id: In(pageRows.map((row) => row.id)) }, relations: LIST_RELATIONS })
      : [];
    const byId = new Map(entities.map((incident) => [incident.id, incident]));
    const items = pageRows.flatMap((row) => {
      const incident = byId.get(row.id);
      return incident ? [toIncidentDto(incident)] : [];
    });
    const last = pageRows[pageRows.length - 1];
    const nextCursor = rows.length > limit && last ? encodeIncidentCursor(cursorOf(last, sort)) : null;
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
    applyScope(query, scope);
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

  private filtered(query: IncidentListQuery, scope: IncidentScope): SelectQueryBuilder<IncidentEntity> {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      throw new InvalidInputError([{ field: 'to', code: 'before_other_field', params: { field: 'from' } }]);
    }
    const builder = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident');
    applyScope(builder, scope);
    if (query.open !== false) builder.andWhere(openIncidentSql('incident'));
    if (query.status?.length) builder.andWhere('incident.status IN (:...status)', { status: query.status });
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
      `(${boardDueSql('incident')}, ${boardSeverityRankSql('incident')}, incident.id) > (:afterDue::timestamptz, :afterRank::int, :afterId::uuid)`,
      { afterDue: after.dueAt, afterRank: after.severityRank, afterId: after.id },
    );
  } else {
    builder.andWhere('(incident.reported_at, incident.id) < (:afterReported::timestamptz, :afterId::uuid)', {
      afterReported: after.reportedAt,
      afterId: after.id,
    });
  }
}

function cursorOf(row: PageKeyRow, sort: 'urgency' | 'recent'): IncidentCursor {
  return sort === 'urgency'
    ? { sort, dueAt: row.due_at ?? 'infinity', severityRank: Number(row.severity_rank), id: row.id }
    : { sort, reportedAt: row.reported_at ?? '', id: row.id };
}
