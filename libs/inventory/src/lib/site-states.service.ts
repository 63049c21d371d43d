import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OperatorCode, SiteDownKind, SiteKind, SiteState, SiteStateSummaryDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, SiteEntity } from '@netduty/persistence';

interface CountRow {
  operator_code: OperatorCode;
  kind: SiteKind;
  state: SiteState;
  down_kind: SiteDownKind | null;
  sites: number;
}

/**
 * The network's state by operator, kind and state. The state itself is the database's (derived from the
 * open incidents in their own transaction); this only counts it, now from the sites, or at a past instant
 * from each site's last change before it (a site with none was in service, if it existed then).
 */
@Injectable()
export class SiteStatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(at: Date | null, scope: IncidentScope): Promise<SiteStateSummaryDto> {
    const visible = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').select('site.id', 'id'), 'site', scopeFilterOf(scope));
    const [visibleSql, parameters] = visible.getQueryAndParameters();
    const instant = at ?? new Date();
    const atParameter = `$${parameters.length + 1}`;
    const rows: CountRow[] = await this.dataSource.query(
      at === null
        ? `SELECT s.operator_code, s.kind, s.state, s.down_kind, count(*)::int AS sites
             FROM sites s WHERE s.id IN (${visibleSql})
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`
        : `SELECT s.operator_code, s.kind, coalesce(last.state, 'in_service') AS state, last.down_kind, count(*)::int AS sites
             FROM sites s
             LEFT JOIN LATERAL (
               SELECT h.state, h.down_kind FROM site_state_changes h
                WHERE h.site_id = s.id AND h.changed_at <= ${atParameter}
                ORDER BY h.changed_at DESC, h.id DESC LIMIT 1
             ) last ON true
            WHERE s.id IN (${visibleSql}) AND s.created_at <= ${atParameter}
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      at === null ? parameters : [...parameters, instant],
    );
    const counts = rows.map((row) => ({ operatorCode: row.operator_code, kind: row.kind, state: row.state, downKind: row.down_kind, sites: row.sites }));
    return { at: instant.toISOString(), total: counts.reduce((sum, row) => sum + row.sites, 0), counts };
  }
}
