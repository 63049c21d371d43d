import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ScopeFilter } from '@netduty/domain';

/**
 * How one table answers the three questions of a `ScopeFilter` (see `ScopedRow` in domain), in SQL over
 * the query's alias. `assignedTo` is null for a table whose rows are assigned to nobody.
 */
interface ScopedTableColumns {
  operatorIs(alias: string, operatorParam: string): string;
  touchesCommunes(alias: string, communesParam: string): string;
  assignedTo: ((alias: string, responderParam: string) => string) | null;
}

/** Each scoped table's mapping, written once. */
const SCOPED_TABLES = {
  incident: {
    operatorIs: (a, p) => `${a}.operator_code = :${p}`,
    touchesCommunes: (a, p) => `${a}.commune_code IN (:...${p})`,
    assignedTo: (a, p) => `EXISTS (SELECT 1 FROM incident_responders scope_assignment WHERE scope_assignment.incident_id = ${a}.id AND scope_assignment.responder_id = :${p})`,
  },
  site: {
    operatorIs: (a, p) => `${a}.operator_code = :${p}`,
    touchesCommunes: (a, p) => `${a}.commune_code IN (:...${p})`,
    assignedTo: null,
  },
  cluster: {
    operatorIs: (a, p) => `${a}.operator_code = :${p}`,
    touchesCommunes: (a, p) => `EXISTS (SELECT 1 FROM cluster_communes scope_served WHERE scope_served.cluster_id = ${a}.id AND scope_served.commune_code IN (:...${p}))`,
    assignedTo: null,
  },
  responder: {
    operatorIs: (a, p) => `EXISTS (SELECT 1 FROM clusters scope_cluster WHERE scope_cluster.id = ${a}.cluster_id AND scope_cluster.operator_code = :${p})`,
    touchesCommunes: (a, p) => `EXISTS (SELECT 1 FROM cluster_communes scope_served WHERE scope_served.cluster_id = ${a}.cluster_id AND scope_served.commune_code IN (:...${p}))`,
    assignedTo: (a, p) => `${a}.id = :${p}`,
  },
} as const satisfies Record<string, ScopedTableColumns>;

export type ScopedTable = keyof typeof SCOPED_TABLES;

/**
 * Restricts a query over a scoped table to what the filter lets through; `alias` defaults to the
 * query's main alias. The one place where scope becomes SQL.
 */
export function applyScopeFilter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, table: ScopedTable, filter: ScopeFilter, alias = query.alias): SelectQueryBuilder<T> {
  const columns: ScopedTableColumns = SCOPED_TABLES[table];
  switch (filter.kind) {
    case 'all':
      return query;
    case 'operator':
      query.andWhere(columns.operatorIs(alias, 'scopeOperator'), { scopeOperator: filter.operatorCode });
      if (filter.communeCodes) {
        if (filter.communeCodes.length === 0) return query.andWhere('FALSE');
        query.andWhere(columns.touchesCommunes(alias, 'scopeCommunes'), { scopeCommunes: filter.communeCodes });
      }
      return query;
    case 'assignee':
      return query.andWhere(columns.assignedTo ? columns.assignedTo(alias, 'scopeResponder') : 'FALSE', { scopeResponder: filter.responderId });
  }
}
