import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncidentStatus, MapSiteDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, SiteEntity } from '@netduty/persistence';

/**
 * Open as the site-state rule counts it (netduty_site_state: not resolved or closed), so a site's
 * colour and its count of open incidents never disagree.
 */
const MAP_OPEN_INCIDENT_STATUSES = ['reported', 'acknowledged', 'in_progress', 'reopened'] as const satisfies readonly Exclude<IncidentStatus, 'resolved' | 'closed'>[];

/** Each MapSiteDto field and the column it comes from, in the DTO's order. */
const MAP_SITE_FIELDS = {
  id: 's.id',
  code: 's.code',
  name: 's.name',
  operatorCode: 's.operator_code',
  kind: 's.kind',
  communeCode: 's.commune_code',
  priority: 's.priority',
  latitude: 's.latitude',
  longitude: 's.longitude',
  state: 's.state',
  downKind: 's.down_kind',
  openIncidents: 'coalesce(open.incidents, 0)::int',
} as const satisfies Record<keyof MapSiteDto, string>;

const MAP_SITE_OBJECT = `json_build_object(${Object.entries(MAP_SITE_FIELDS)
  .map(([field, column]) => `'${field}', ${column}`)
  .join(', ')})`;

/**
 * Every site the caller may see, as the map plots it. One query: the open incidents are counted once
 * per site by a grouped join (incidents_site index), never a query per site, so 8,000 sites answer in
 * one round trip.
 */
@Injectable()
export class SiteMapService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The map's sites as the JSON text of a MapSiteDto[], built by PostgreSQL (json_agg): 8,000 sites are
   * one text value to pass on, not 8,000 rows for the api to parse into objects and serialise again.
   */
  async sitesJson(scope: IncidentScope): Promise<string> {
    const visible = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').select('site.id', 'id'), 'site', scopeFilterOf(scope));
    const [visibleSql, parameters] = visible.getQueryAndParameters();
    const openParameter = `$${parameters.length + 1}`;
    const [row]: { body: string }[] = await this.dataSource.query(
      `SELECT coalesce(json_agg(${MAP_SITE_OBJECT} ORDER BY s.code), '[]')::text AS body
         FROM sites s
         LEFT JOIN (
           SELECT i.site_id, count(*) AS incidents FROM incidents i WHERE i.status = ANY(${openParameter}::text[]) GROUP BY i.site_id
         ) open ON open.site_id = s.id
        WHERE s.id IN (${visibleSql})`,
      [...parameters, [...MAP_OPEN_INCIDENT_STATUSES]],
    );
    return row.body;
  }
}
