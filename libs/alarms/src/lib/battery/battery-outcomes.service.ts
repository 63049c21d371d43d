import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BatteryOutcomeDto, BatteryOutcomesDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, SiteEntity } from '@netduty/persistence';
import { BATTERY_SITE_COLUMNS, BATTERY_SITE_JOINS, toBatterySiteSummary, type BatterySiteRow } from './battery-site-row';

interface OutcomeRow extends BatterySiteRow {
  incident_id: string;
  mains_lost_at: Date;
  estimated_off_air_at: Date;
  computed_at: Date;
  actual_off_air_at: Date;
}

export interface BatteryOutcomesPeriod {
  /** Off-air changes from (inclusive) … to (exclusive). */
  from: Date;
  to: Date;
}

/**
 * How good the estimates were: each site that went off air while an estimate of its runtime existed,
 * with when it was expected to and when it did. The estimate is the first one kept for that loss of
 * mains (battery_estimates); "went off air" is the site's first change to off air (site_state_changes)
 * after the estimate was made, provided the outage had not ended in between (no change out of 'down').
 * A site already off air when first estimated is not judged: nothing was expected of it.
 */
@Injectable()
export class BatteryOutcomesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async outcomes(scope: IncidentScope, period: BatteryOutcomesPeriod): Promise<BatteryOutcomesDto> {
    const visible = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').select('site.id', 'id'), 'site', scopeFilterOf(scope));
    const [visibleSql, parameters] = visible.getQueryAndParameters();
    const at = (index: number) => `$${parameters.length + index}`;
    const rows: OutcomeRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (e.site_id, off.id)
              ${BATTERY_SITE_COLUMNS},
              e.incident_id, e.mains_lost_at, e.estimated_off_air_at, e.computed_at, off.changed_at AS actual_off_air_at
         FROM battery_estimates e
         CROSS JOIN LATERAL (
           SELECT c.id, c.changed_at FROM site_state_changes c
            WHERE c.site_id = e.site_id AND c.down_kind = 'off_air' AND c.changed_at >= e.computed_at
              AND NOT EXISTS (
                SELECT 1 FROM site_state_changes back
                 WHERE back.site_id = e.site_id AND back.state <> 'down' AND back.changed_at >= e.computed_at AND back.changed_at < c.changed_at)
            ORDER BY c.changed_at, c.id
            LIMIT 1
         ) off
         JOIN sites s ON s.id = e.site_id
         ${BATTERY_SITE_JOINS}
        WHERE off.changed_at >= ${at(1)} AND off.changed_at < ${at(2)}
          -- The loss came before the off-air change, so before the period's end (battery_estimates_mains_lost_at).
          AND e.mains_lost_at < ${at(2)}
          AND e.site_id IN (${visibleSql})
        ORDER BY e.site_id, off.id, e.computed_at`,
      [...parameters, period.from, period.to],
    );
    const outcomes = rows.map(toOutcome).sort((a, b) => b.minutesEarly - a.minutesEarly || (a.site.code < b.site.code ? -1 : a.site.code > b.site.code ? 1 : 0));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      outcomes,
      early: outcomes.filter((outcome) => outcome.early).length,
      late: outcomes.filter((outcome) => !outcome.early).length,
    };
  }
}

function toOutcome(row: OutcomeRow): BatteryOutcomeDto {
  const earlyMs = row.estimated_off_air_at.getTime() - row.actual_off_air_at.getTime();
  return {
    site: toBatterySiteSummary(row),
    incidentId: row.incident_id,
    mainsLostAt: row.mains_lost_at.toISOString(),
    estimatedOffAirAt: row.estimated_off_air_at.toISOString(),
    estimatedAt: row.computed_at.toISOString(),
    actualOffAirAt: row.actual_off_air_at.toISOString(),
    // Whole minutes toward zero, so neither side is overstated.
    minutesEarly: Math.trunc(earlyMs / 60_000),
    early: earlyMs > 0,
  };
}
