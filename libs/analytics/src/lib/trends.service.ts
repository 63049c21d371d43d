import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncidentCategory, KpiDimension, OperatorCode, RecurringSiteDto, ResponseTimesDto, SlaComplianceDto, TrendPointDto, TrendsDto } from '@netduty/contracts';
import { ANALYTICS_LIMITS } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';
import { ANALYTICS_TIME_ZONE, AnalyticsSources, percentOf, withSource, type AnalyticsCriteria, type AnalyticsPeriod } from './analytics-sources';

const REPORTED_IN_PERIOD = 'i.reported_at >= :periodFrom AND i.reported_at < :periodTo';

/**
 * How the period went: incidents opened and restored per bucket, mean times to acknowledge and to
 * restore by operator, severity and cluster, deadlines kept, and what recurs. Every figure is one SQL
 * aggregate over the incidents reported in the period (opened and restored: those that happened in it).
 */
@Injectable()
export class TrendsService {
  private readonly sources: AnalyticsSources;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sources = new AnalyticsSources(dataSource);
  }

  async trends(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod, at = new Date()): Promise<TrendsDto> {
    const [series, responseTimes, sla, recurringSites, recurringCauses] = await Promise.all([
      this.series(scope, criteria, period),
      this.responseTimes(scope, criteria, period),
      this.sla(scope, criteria, period, at),
      this.recurringSites(scope, criteria, period),
      this.recurringCauses(scope, criteria, period),
    ]);
    return { from: period.from.toISOString(), to: period.to.toISOString(), bucket: period.bucket, series, responseTimes, sla, recurringSites, recurringCauses };
  }

  private reportedInPeriod(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod, columns: string) {
    return this.sources.incidents(scope, criteria, columns, (query) => query.andWhere(REPORTED_IN_PERIOD, { periodFrom: period.from, periodTo: period.to }));
  }

  /** Every bucket of the period, empty ones included, in the province's clock. */
  private async series(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod): Promise<TrendPointDto[]> {
    const opened = this.reportedInPeriod(scope, criteria, period, 'i.reported_at AS at');
    const resolved = this.sources.incidents(scope, criteria, 'i.resolved_at AS at', (query) =>
      query.andWhere('i.resolved_at >= :periodFrom AND i.resolved_at < :periodTo', { periodFrom: period.from, periodTo: period.to }),
    );
    const shifted = resolved.sql.replace(/\$(\d+)/g, (_match, index: string) => `$${Number(index) + opened.parameters.length}`);
    const both = { sql: '', parameters: [...opened.parameters, ...resolved.parameters] };
    const query = withSource(both, [period.bucket, ANALYTICS_TIME_ZONE, period.from, period.to], (p) => `
      WITH buckets AS (
        SELECT generate_series(date_trunc(${p(1)}, ${p(3)}::timestamptz, ${p(2)}), ${p(4)}::timestamptz - interval '1 microsecond', ('1 ' || ${p(1)})::interval) AS at
      ),
      events AS (
        SELECT date_trunc(${p(1)}, o.at, ${p(2)}) AS at, 1 AS opened, 0 AS resolved FROM (${opened.sql}) o
        UNION ALL
        SELECT date_trunc(${p(1)}, r.at, ${p(2)}), 0, 1 FROM (${shifted}) r
      )
      SELECT b.at, coalesce(sum(e.opened), 0)::int AS opened, coalesce(sum(e.resolved), 0)::int AS resolved
        FROM buckets b LEFT JOIN events e ON e.at = b.at
       GROUP BY b.at ORDER BY b.at
       LIMIT ${ANALYTICS_LIMITS.maxBuckets + 1}`);
    const rows: { at: Date; opened: number; resolved: number }[] = await this.dataSource.query(query.sql, query.parameters);
    return rows.map((row) => ({ at: new Date(row.at).toISOString(), opened: row.opened, resolved: row.resolved }));
  }

  /** Mean times from the report to acknowledgement and to restoration, by operator, severity and cluster. */
  private async responseTimes(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod): Promise<ResponseTimesDto[]> {
    const source = this.reportedInPeriod(
      scope,
      criteria,
      period,
      'i.id AS id, i.operator_code AS operator_code, i.commune_code AS commune_code, i.severity AS severity, i.reported_at AS reported_at, i.acknowledged_at AS acknowledged_at, i.resolved_at AS resolved_at',
    );
    const measures = `count(*)::int AS incidents,
      avg(extract(epoch FROM x.acknowledged_at - x.reported_at)) AS mtta,
      avg(extract(epoch FROM x.resolved_at - x.reported_at)) AS mttr`;
    const rows: { dimension: KpiDimension; key: string; label: string; incidents: number; mtta: string | null; mttr: string | null }[] = await this.dataSource.query(
      `WITH x AS (${source.sql})
       SELECT 'operator' AS dimension, x.operator_code AS key, o.name AS label, ${measures}
         FROM x JOIN operators o ON o.code = x.operator_code GROUP BY x.operator_code, o.name
       UNION ALL
       SELECT 'severity', x.severity, x.severity, ${measures} FROM x GROUP BY x.severity
       UNION ALL
       SELECT 'cluster', cl.id::text, cl.name, ${measures}
         FROM x
         JOIN cluster_communes cc ON cc.commune_code = x.commune_code
         JOIN clusters cl ON cl.id = cc.cluster_id AND cl.operator_code = x.operator_code
        GROUP BY cl.id, cl.name
       ORDER BY 1, 2`,
      source.parameters,
    );
    const seconds = (value: string | null) => (value === null ? null : Math.round(Number(value)));
    return rows.map((row) => ({ dimension: row.dimension, key: row.key, label: row.label, incidents: row.incidents, mttaSeconds: seconds(row.mtta), mttrSeconds: seconds(row.mttr) }));
  }

  /**
   * Of the incidents reported in the period, those whose outcome is known (acknowledged, or still not
   * acknowledged past the deadline; likewise restored) and, of those, the ones that kept the deadline.
   */
  private async sla(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod, at: Date): Promise<SlaComplianceDto> {
    const source = this.reportedInPeriod(scope, criteria, period, 'i.acknowledged_at AS acknowledged_at, i.ack_due_at AS ack_due_at, i.resolved_at AS resolved_at, i.restore_due_at AS restore_due_at');
    const query = withSource(source, [at], (p) => `
      SELECT count(*)::int AS incidents,
             count(*) FILTER (WHERE x.acknowledged_at IS NOT NULL OR x.ack_due_at <= ${p(1)})::int AS ack_decided,
             count(*) FILTER (WHERE x.acknowledged_at <= x.ack_due_at)::int AS ack_in_time,
             count(*) FILTER (WHERE x.resolved_at IS NOT NULL OR x.restore_due_at <= ${p(1)})::int AS restore_decided,
             count(*) FILTER (WHERE x.resolved_at <= x.restore_due_at)::int AS restore_in_time
        FROM (${source.sql}) x`);
    const [row] = (await this.dataSource.query(query.sql, query.parameters)) as { incidents: number; ack_decided: number; ack_in_time: number; restore_decided: number; restore_in_time: number }[];
    const figures = row ?? { incidents: 0, ack_decided: 0, ack_in_time: 0, restore_decided: 0, restore_in_time: 0 };
    return {
      incidents: figures.incidents,
      acknowledgeDecided: figures.ack_decided,
      acknowledgedInTime: figures.ack_in_time,
      acknowledgePercent: percentOf(figures.ack_in_time, figures.ack_decided),
      restoreDecided: figures.restore_decided,
      restoredInTime: figures.restore_in_time,
      restorePercent: percentOf(figures.restore_in_time, figures.restore_decided),
    };
  }

  /** The sites with more than one incident in the period, most first. */
  private async recurringSites(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod): Promise<RecurringSiteDto[]> {
    const source = this.reportedInPeriod(scope, criteria, period, 'i.site_id AS site_id');
    const rows: { site_id: string; code: string; name: string; operator_code: OperatorCode; commune_name: string; incidents: number }[] = await this.dataSource.query(
      `SELECT t.site_id, s.code, s.name, s.operator_code, c.name AS commune_name, t.incidents
         FROM (SELECT x.site_id, count(*)::int AS incidents FROM (${source.sql}) x GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT ${ANALYTICS_LIMITS.recurringTop}) t
         JOIN sites s ON s.id = t.site_id JOIN communes c ON c.code = s.commune_code
        ORDER BY t.incidents DESC, s.code`,
      source.parameters,
    );
    return rows.map((row) => ({ siteId: row.site_id, code: row.code, name: row.name, operatorCode: row.operator_code, communeName: row.commune_name, incidents: row.incidents }));
  }

  private async recurringCauses(scope: IncidentScope, criteria: AnalyticsCriteria, period: AnalyticsPeriod): Promise<{ category: IncidentCategory; incidents: number }[]> {
    const source = this.reportedInPeriod(scope, criteria, period, 'i.category AS category');
    const rows: { category: IncidentCategory; incidents: number }[] = await this.dataSource.query(
      `SELECT x.category, count(*)::int AS incidents FROM (${source.sql}) x GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${ANALYTICS_LIMITS.recurringTop}`,
      source.parameters,
    );
    return rows;
  }
}
