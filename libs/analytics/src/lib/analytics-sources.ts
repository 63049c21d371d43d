import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { OperatorCode, Severity, TrendBucket } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, IncidentEntity, SiteEntity } from '@netduty/persistence';

/** The filters every figure takes, validated by the api. */
export interface AnalyticsCriteria {
  operatorCode?: OperatorCode;
  communeCode?: string;
  severity?: Severity;
}

export interface AnalyticsPeriod {
  from: Date;
  to: Date;
  bucket: TrendBucket;
}

/** Buckets are local days and hours (the province's clock; an hour is the same in UTC+7). */
export const ANALYTICS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A parameterised SQL fragment to wrap in an aggregate: `FROM (${sql}) alias`. */
export interface SqlSource {
  sql: string;
  parameters: unknown[];
}

/**
 * The rows a figure may count, written once per table: the caller's scope (the one scope rule) and the
 * filters. Aggregates wrap the source as a derived table, which Postgres flattens into a plain scan, so
 * the scope and filters reach the indexes.
 */
export class AnalyticsSources {
  constructor(private readonly dataSource: DataSource) {}

  incidents(scope: IncidentScope, criteria: AnalyticsCriteria, columns: string, where?: (query: SelectQueryBuilder<IncidentEntity>) => void): SqlSource {
    const query = applyScopeFilter(this.dataSource.getRepository(IncidentEntity).createQueryBuilder('i').select(columns), 'incident', scopeFilterOf(scope));
    if (criteria.operatorCode) query.andWhere('i.operator_code = :operatorCode', { operatorCode: criteria.operatorCode });
    if (criteria.communeCode) query.andWhere('i.commune_code = :communeCode', { communeCode: criteria.communeCode });
    if (criteria.severity) query.andWhere('i.severity = :severity', { severity: criteria.severity });
    where?.(query);
    return toSource(query);
  }

  /** Sites take the operator and commune filters; severity belongs to incidents. */
  sites(scope: IncidentScope, criteria: AnalyticsCriteria, columns: string, where?: (query: SelectQueryBuilder<SiteEntity>) => void): SqlSource {
    const query = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('s').select(columns), 'site', scopeFilterOf(scope));
    if (criteria.operatorCode) query.andWhere('s.operator_code = :operatorCode', { operatorCode: criteria.operatorCode });
    if (criteria.communeCode) query.andWhere('s.commune_code = :communeCode', { communeCode: criteria.communeCode });
    where?.(query);
    return toSource(query);
  }
}

function toSource(query: SelectQueryBuilder<object>): SqlSource {
  const [sql, parameters] = query.getQueryAndParameters();
  return { sql, parameters };
}

/**
 * Runs `build(source)` with the source's placeholders first; `extra` values follow, named `$n` by the
 * `at(i)` the builder is given (1-based among the extras).
 */
export function withSource(source: SqlSource, extra: unknown[], build: (at: (index: number) => string) => string): { sql: string; parameters: unknown[] } {
  const offset = source.parameters.length;
  return { sql: build((index) => `$${offset + index}`), parameters: [...source.parameters, ...extra] };
}

/** One decimal, or null when nothing is known. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
