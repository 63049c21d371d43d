import type { IsoInstant } from './dto';
import type { IncidentCategory, OperatorCode, PriorityTier, Severity, SiteDownKind, SiteKind, SiteState } from './enums';

/**
 * The leadership's figures (dashboard, wall screen, map, the department's other systems). Every figure
 * is computed in SQL over the caller's scope; the filters narrow it further.
 */
export interface AnalyticsFilter {
  /** Start of the period (inclusive), ISO 8601 with an offset. Trends default to the last 24 h. */
  from?: IsoInstant;
  /** End of the period (exclusive); defaults to now. */
  to?: IsoInstant;
  operatorCode?: OperatorCode;
  communeCode?: string;
  severity?: Severity;
}

/** Sites of one group (an operator, a kind, a commune) by state. */
export interface SiteStateTally {
  key: string;
  /** The operator's, the commune's name; the kind itself for kinds. */
  label: string;
  total: number;
  inService: number;
  degraded: number;
  down: number;
  /** Down sites by how they are down. */
  onBattery: number;
  onGenerator: number;
  offAir: number;
}

export interface PrioritySiteDto {
  id: string;
  code: string;
  name: string;
  operatorCode: OperatorCode;
  kind: SiteKind;
  communeCode: string;
  communeName: string;
  priority: PriorityTier;
  state: SiteState;
  downKind: SiteDownKind | null;
  stateSince: IsoInstant | null;
  /** Whether an event period that runs now lists it among its P0 sites. */
  eventP0: boolean;
}

export interface CommuneRefDto {
  code: string;
  name: string;
  formerDistrict: string | null;
}

/**
 * Communes whose mobile coverage is lost. A commune counts when it has at least one BTS; it has lost an
 * operator when every BTS of that operator there is down, and lost all service when every BTS of every
 * operator there is down.
 */
export interface CoverageImpactDto {
  /** Communes with at least one BTS (in scope). */
  communesWithBts: number;
  /** Of them, those where at least one BTS is not down. */
  communesWithSignal: number;
  /** communesWithSignal / communesWithBts × 100, one decimal; 100 when there are none. */
  percentWithSignal: number;
  /** Per operator: the communes where that operator has BTS and all of them are down. */
  byOperator: { operatorCode: OperatorCode; operatorName: string; communesWithBts: number; communes: CommuneRefDto[] }[];
  /** Communes where no operator has service. */
  withoutAnyService: CommuneRefDto[];
  /**
   * People affected, from commune population. NetDuty ships no population figures (the reference data
   * has none), so this is null and `populationNote` says so.
   */
  peopleAffected: number | null;
  populationNote: 'population_not_shipped';
}

/**
 * What one incident and the children filed under it (a mass-outage parent) cost in coverage now: of the
 * communes of their sites (those the caller may see), the ones where that operator has no BTS left in
 * service, and the ones with no BTS of any operator in service (CoverageImpactDto's rule).
 */
export interface IncidentCoverageImpactDto {
  incidentId: string;
  /** The communes of the incident's and its children's sites. */
  communes: CommuneRefDto[];
  byOperator: { operatorCode: OperatorCode; operatorName: string; communes: CommuneRefDto[] }[];
  withoutAnyService: CommuneRefDto[];
}

export interface EventPeriodStatusDto {
  id: string;
  name: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  /** running: now within it; upcoming: the next one to start. */
  status: 'running' | 'upcoming';
  p0Sites: number;
  p0Down: number;
}

/** GET /analytics/network-safety: the picture now. */
export interface NetworkSafetyDto {
  at: IsoInstant;
  sites: SiteStateTally;
  byOperator: SiteStateTally[];
  byKind: SiteStateTally[];
  /** Communes ordered by sites down, most first. */
  byCommune: SiteStateTally[];
  /** P0 sites (their tier is P0 or a running event period lists them), down first. */
  p0Sites: PrioritySiteDto[];
  openBySeverity: Record<Severity, number>;
  openTotal: number;
  /** Open incidents past their acknowledge deadline (not acknowledged) and past their restore deadline (not resolved). */
  breachedNow: { acknowledge: number; restore: number };
  eventPeriods: EventPeriodStatusDto[];
  coverage: CoverageImpactDto;
}

export const TREND_BUCKETS = ['hour', 'day'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface TrendPointDto {
  /** Start of the bucket. */
  at: IsoInstant;
  opened: number;
  resolved: number;
}

export const KPI_DIMENSIONS = ['operator', 'severity', 'cluster'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** Mean times of the incidents reported in the period, in seconds; null where none was acknowledged / restored. */
export interface ResponseTimesDto {
  dimension: KpiDimension;
  key: string;
  label: string;
  incidents: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
}

/**
 * Deadlines kept, of the incidents reported in the period whose outcome is known: acknowledged, or past
 * the deadline unacknowledged (likewise restored). Percent with one decimal; null when none is known.
 */
export interface SlaComplianceDto {
  incidents: number;
  acknowledgeDecided: number;
  acknowledgedInTime: number;
  acknowledgePercent: number | null;
  restoreDecided: number;
  restoredInTime: number;
  restorePercent: number | null;
}

export interface RecurringSiteDto {
  siteId: string;
  code: string;
  name: string;
  operatorCode: OperatorCode;
  communeName: string;
  incidents: number;
}

export interface RecurringCauseDto {
  category: IncidentCategory;
  incidents: number;
}

/** GET /analytics/trends: the period's flow and how the on-duty group kept its deadlines. */
export interface TrendsDto {
  from: IsoInstant;
  to: IsoInstant;
  bucket: TrendBucket;
  series: TrendPointDto[];
  responseTimes: ResponseTimesDto[];
  sla: SlaComplianceDto;
  recurringSites: RecurringSiteDto[];
  recurringCauses: RecurringCauseDto[];
}

/** At most this many buckets in one trend series (7 days by the hour is 168). */
export const ANALYTICS_LIMITS = { maxBuckets: 24 * 62, recurringTop: 10 } as const;

/** A site as the map plots it: small, so 8,000 of them load at once. */
export interface MapSiteDto {
  id: string;
  code: string;
  name: string;
  operatorCode: OperatorCode;
  kind: SiteKind;
  communeCode: string;
  priority: PriorityTier;
  latitude: number;
  longitude: number;
  state: SiteState;
  downKind: SiteDownKind | null;
  openIncidents: number;
}
