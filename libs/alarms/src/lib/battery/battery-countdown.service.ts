import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BatteryCountdownDto, BatteryCountdownEntryDto, BatteryRuntimeBasis, GeneratorDispatchStatus, PriorityTier } from '@netduty/contracts';
import { batteryRuntime, dispatchOrder, scopeFilterOf, type IncidentScope, type PowerEvents } from '@netduty/domain';
import { applyScopeFilter, SiteEntity } from '@netduty/persistence';
import { BATTERY_SITE_COLUMNS, BATTERY_SITE_JOINS, toBatterySiteSummary, type BatterySiteRow } from './battery-site-row';
import { toGeneratorDispatchDto } from './generator-dispatch-mapper';
import { batteryProfileOf, generatorOnAt, highestTier, lossSeenAt, ON_BATTERIES_PATTERN, POWER_INCIDENT_CATEGORIES, type PowerIncidentCategory } from './power-outage';

interface PowerSiteRow extends BatterySiteRow {
  battery_capacity_ah: number | null;
  load_watts: number | null;
  incident_priorities: PriorityTier[];
  mains_incident_id: string | null;
  mains_lost_at: Date | null;
  on_batteries_at: Date | null;
  low_battery_incident_id: string | null;
  dc_low_voltage_at: Date | null;
  generator_incident_id: string | null;
  generator_alarm_at: Date | null;
  communes_losing_service: number;
  dispatch_id: string | null;
  dispatch_incident_id: string | null;
  dispatch_team: string | null;
  dispatch_note: string | null;
  dispatch_status: GeneratorDispatchStatus | null;
  dispatch_assigned_at: Date | null;
  dispatch_departed_at: Date | null;
  dispatch_arrived_at: Date | null;
  dispatch_running_at: Date | null;
  dispatch_stopped_at: Date | null;
  dispatch_created_by: string | null;
  dispatch_created_by_name: string | null;
}

/** An estimate worth keeping for the judgement: a site counting down, under the moment its loss was first seen. */
interface EstimateToKeep {
  siteId: string;
  incidentId: string;
  mainsLostAt: Date;
  offAirAt: Date;
}

/**
 * The sites on batteries (chạy ắc quy), in the order generator teams should go out in. Every site in the
 * caller's scope with an open mains failure, low battery or generator incident (any origin; parents left
 * out, as the site-state rule does) is a candidate; its power events are the first active alarm of each
 * of those incidents (the incident's report time when it has none), its battery bank its own or its
 * kind's, and the runtime and the order are libs/domain's batteryRuntime and dispatchOrder. One query
 * reads every candidate with its site, its operator's coverage in the commune and its open dispatch.
 *
 * The first estimate of each loss of mains is kept (battery_estimates), so that once the site goes off
 * air the estimate can be judged (BatteryOutcomesService).
 */
@Injectable()
export class BatteryCountdownService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countdown(scope: IncidentScope, now = new Date()): Promise<BatteryCountdownDto> {
    const rows = await this.candidates(scope);
    const entries = new Map<string, Omit<BatteryCountdownEntryDto, 'rank'>>();
    const estimates: EstimateToKeep[] = [];

    for (const row of rows) {
      const { category, incidentId } = powerIncidentOf(row);
      const profile = batteryProfileOf(row.site_kind, row.battery_capacity_ah, row.load_watts);
      const events: PowerEvents = {
        mainsLostAt: row.mains_lost_at,
        onBatteriesAt: row.on_batteries_at,
        dcLowVoltageAt: row.dc_low_voltage_at,
        generatorOnAt: generatorOnAt(row.generator_alarm_at, row.dispatch_status === 'running' ? row.dispatch_running_at : null),
        // Only open incidents are read: mains is not back for any candidate.
        mainsRestoredAt: null,
      };
      const runtime = batteryRuntime(profile, events, now);
      const basis: BatteryRuntimeBasis = runtime.basis;
      const lostAt = lossSeenAt(events);
      if (runtime.offAirAt !== null && lostAt !== null) estimates.push({ siteId: row.site_id, incidentId, mainsLostAt: lostAt, offAirAt: runtime.offAirAt });
      entries.set(row.site_id, {
        site: toBatterySiteSummary(row),
        priority: highestTier([row.site_priority, ...row.incident_priorities]),
        incidentId,
        category,
        events: {
          mainsLostAt: events.mainsLostAt?.toISOString() ?? null,
          onBatteriesAt: events.onBatteriesAt?.toISOString() ?? null,
          dcLowVoltageAt: events.dcLowVoltageAt?.toISOString() ?? null,
          generatorOnAt: events.generatorOnAt?.toISOString() ?? null,
        },
        minutesLeft: runtime.minutesLeft,
        offAirAt: runtime.offAirAt?.toISOString() ?? null,
        basis,
        profile,
        communesLosingService: row.communes_losing_service,
        dispatch: dispatchOf(row),
      });
    }

    await this.keepFirstEstimates(estimates);
    const order = dispatchOrder(
      [...entries].map(([siteId, entry]) => ({ siteId, minutesLeft: entry.minutesLeft, priority: entry.priority, communesLosingService: entry.communesLosingService })),
    );
    return {
      computedAt: now.toISOString(),
      entries: order.flatMap((siteId, index) => {
        const entry = entries.get(siteId);
        return entry ? [{ rank: index + 1, ...entry }] : [];
      }),
    };
  }

  private async candidates(scope: IncidentScope): Promise<PowerSiteRow[]> {
    const visible = applyScopeFilter(this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').select('site.id', 'id'), 'site', scopeFilterOf(scope));
    const [visibleSql, parameters] = visible.getQueryAndParameters();
    const at = (index: number) => `$${parameters.length + index}`;
    return this.dataSource.query(
      `SELECT ${BATTERY_SITE_COLUMNS}, s.battery_capacity_ah, s.load_watts,
              power.incident_priorities, power.mains_incident_id, power.mains_lost_at, power.on_batteries_at,
              power.low_battery_incident_id, power.dc_low_voltage_at, power.generator_incident_id, power.generator_alarm_at,
              -- The commune loses this operator's coverage when no other of its BTS there is in service.
              CASE WHEN s.kind = 'bts' AND NOT EXISTS (
                     SELECT 1 FROM sites peer
                      WHERE peer.operator_code = s.operator_code AND peer.commune_code = s.commune_code AND peer.kind = 'bts'
                        AND peer.id <> s.id AND peer.state <> 'down')
                   THEN 1 ELSE 0 END AS communes_losing_service,
              d.id AS dispatch_id, d.incident_id AS dispatch_incident_id, d.team AS dispatch_team, d.note AS dispatch_note,
              d.status AS dispatch_status, d.assigned_at AS dispatch_assigned_at, d.departed_at AS dispatch_departed_at,
              d.arrived_at AS dispatch_arrived_at, d.running_at AS dispatch_running_at, d.stopped_at AS dispatch_stopped_at,
              d.created_by AS dispatch_created_by, u.display_name AS dispatch_created_by_name
         FROM (
           SELECT i.site_id,
                  array_agg(i.priority) AS incident_priorities,
                  (array_agg(i.id ORDER BY coalesce(live.raised_at, i.reported_at), i.id) FILTER (WHERE i.category = 'mains_failure'))[1] AS mains_incident_id,
                  min(coalesce(live.raised_at, i.reported_at)) FILTER (WHERE i.category = 'mains_failure') AS mains_lost_at,
                  min(live.on_batteries_at) AS on_batteries_at,
                  (array_agg(i.id ORDER BY coalesce(live.raised_at, i.reported_at), i.id) FILTER (WHERE i.category = 'low_battery'))[1] AS low_battery_incident_id,
                  min(coalesce(live.raised_at, i.reported_at)) FILTER (WHERE i.category = 'low_battery') AS dc_low_voltage_at,
                  (array_agg(i.id ORDER BY coalesce(live.raised_at, i.reported_at), i.id) FILTER (WHERE i.category = 'generator'))[1] AS generator_incident_id,
                  min(coalesce(live.raised_at, i.reported_at)) FILTER (WHERE i.category = 'generator') AS generator_alarm_at
             FROM incidents i
             -- The incident's active alarms (alarms_incident index): the first raised, and the first saying "on batteries".
             LEFT JOIN LATERAL (
               SELECT min(a.alarm_raised_time) AS raised_at,
                      min(a.alarm_raised_time) FILTER (WHERE a.specific_problem ILIKE ${at(2)}) AS on_batteries_at
                 FROM alarms a
                WHERE a.incident_id = i.id AND a.state <> 'cleared' AND a.perceived_severity <> 'cleared'
             ) live ON true
            WHERE i.category = ANY(${at(1)}::text[])
              AND i.status NOT IN ('resolved', 'closed')
              AND i.correlation_kind IS NULL
              AND i.site_id IN (${visibleSql})
            GROUP BY i.site_id
         ) power
         JOIN sites s ON s.id = power.site_id
         ${BATTERY_SITE_JOINS}
         LEFT JOIN generator_dispatches d ON d.site_id = s.id AND d.status <> 'stopped'
         LEFT JOIN users u ON u.id = d.created_by`,
      [...parameters, [...POWER_INCIDENT_CATEGORIES], ON_BATTERIES_PATTERN],
    );
  }

  /** The first estimate of each loss of mains, in one statement; a later run finds it there and leaves it. */
  private async keepFirstEstimates(estimates: readonly EstimateToKeep[]): Promise<void> {
    if (estimates.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO battery_estimates (site_id, incident_id, mains_lost_at, estimated_off_air_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT (site_id, mains_lost_at) DO NOTHING`,
      [estimates.map((estimate) => estimate.siteId), estimates.map((estimate) => estimate.incidentId), estimates.map((estimate) => estimate.mainsLostAt), estimates.map((estimate) => estimate.offAirAt)],
    );
  }
}

/** The incident the estimate is about: the mains failure, else the low battery, else the generator. */
function powerIncidentOf(row: PowerSiteRow): { category: PowerIncidentCategory; incidentId: string } {
  if (row.mains_incident_id !== null) return { category: 'mains_failure', incidentId: row.mains_incident_id };
  if (row.low_battery_incident_id !== null) return { category: 'low_battery', incidentId: row.low_battery_incident_id };
  if (row.generator_incident_id !== null) return { category: 'generator', incidentId: row.generator_incident_id };
  // The query groups open power incidents, so one of the three is there.
  throw new Error(`site ${row.site_id} was read as a candidate without a power incident`);
}

function dispatchOf(row: PowerSiteRow): BatteryCountdownEntryDto['dispatch'] {
  if (row.dispatch_id === null || row.dispatch_status === null || row.dispatch_assigned_at === null || row.dispatch_team === null || row.dispatch_created_by === null) return null;
  return toGeneratorDispatchDto(
    {
      id: row.dispatch_id,
      siteId: row.site_id,
      incidentId: row.dispatch_incident_id,
      team: row.dispatch_team,
      note: row.dispatch_note,
      status: row.dispatch_status,
      assignedAt: row.dispatch_assigned_at,
      departedAt: row.dispatch_departed_at,
      arrivedAt: row.dispatch_arrived_at,
      runningAt: row.dispatch_running_at,
      stoppedAt: row.dispatch_stopped_at,
      createdBy: row.dispatch_created_by,
    },
    row.dispatch_created_by_name ?? '',
  );
}
