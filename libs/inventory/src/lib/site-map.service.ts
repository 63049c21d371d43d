import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncidentStatus, MapSiteDto, OperatorCode, PriorityTier, SiteDownKind, SiteKind, SiteState } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, SiteEntity } from '@netduty/persistence';

/**
 * Open as the site-state rule counts it (netduty_site_state: not resolved or closed), so a site's
 * colour and its count of open incidents never disagree.
 */
const MAP_OPEN_INCIDENT_STATUSES = ['reported', 'acknowledged', 'in_progress', 'reopened'] as const satisfies readonly Exclude<IncidentStatus, 'resolved' | 'closed'>[];

interface MapSiteRow {
  id: string;
  code: string;
  name: string;
  operator_code: OperatorCode;
  kind: SiteKind;
  commune_code: string;
  priority: PriorityTier;
  latitude: number;
  longitude: number;
  state: SiteState;
  down_kind: SiteDownKind | null;
  open_incidents: number;
}

/**
 * Every site the caller may see, as the map plots it. One query: the open incidents are counted once
 * per site by a grouped join (incidents_site index), never a query per site, so 8,000 sites answer in
 * one round trip.
 */
@Injectable()
export class SiteMapService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sites(scope: IncidentScope): Promise<MapSiteDto[]> {
    const visible = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').select('site.id', 'id'), 'site', scopeFilterOf(scope));
    const [visibleSql, parameters] = visible.getQueryAndParameters();
    const openParameter = `$${parameters.length + 1}`;
    const rows: MapSiteRow[] = await this.dataSource.query(
      `SELECT s.id, s.code, s.name, s.operator_code, s.kind, s.commune_code, s.priority, s.latitude, s.longitude, s.state, s.down_kind,
              coalesce(open.incidents, 0)::int AS open_incidents
         FROM sites s
         LEFT JOIN (
           SELECT i.site_id, count(*) AS incidents FROM incidents i WHERE i.status = ANY(${openParameter}::text[]) GROUP BY i.site_id
         ) open ON open.site_id = s.id
        WHERE s.id IN (${visibleSql})
        ORDER BY s.code`,
      [...parameters, [...MAP_OPEN_INCIDENT_STATUSES]],
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      operatorCode: row.operator_code,
      kind: row.kind,
      communeCode: row.commune_code,
      priority: row.priority,
      latitude: row.latitude,
      longitude: row.longitude,
      state: row.state,
      downKind: row.down_kind,
      openIncidents: row.open_incidents,
    }));
  }
}
