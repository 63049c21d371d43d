import type { IsoInstant } from './dto';
import type { PriorityTier } from './enums';

/**
 * An event period (the congress): from its start to its end, its P0 sites, tighter SLAs, leadership added
 * to the chain of P0 incidents and more frequent situation reports. The rules are in libs/domain
 * (event-period/).
 */

export interface EventSlaOverride {
  acknowledgeSeconds: number;
  restoreSeconds: number;
}

export interface EventPeriodDefinition {
  name: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  /** Sites treated as P0 while the period runs (the venue, the Party Committee and People's Committee offices, hotels, the press centre). */
  p0SiteIds: string[];
  /** Multiplies every SLA window of a tier without an override (0 < factor ≤ 1); null: no factor. */
  slaFactor: number | null;
  /** Fixed windows per tier; they win over the factor. A window is never looser than the base policy's. */
  slaOverrides: Partial<Record<PriorityTier, EventSlaOverride>>;
  /** Department leadership joins this level (1-based) of every P0 chain; null: not added. */
  p0LeadershipLevel: number | null;
  /** Minutes between situation reports to leadership during the period. */
  reportIntervalMinutes: number;
}

export interface EventPeriodDto extends EventPeriodDefinition {
  id: string;
  /** Whether the period runs now (server time). */
  active: boolean;
  updatedAt: IsoInstant;
}

export const EVENT_PERIOD_LIMITS = {
  maxNameLength: 160,
  maxP0Sites: 500,
  /** A factor below this would make windows of seconds. */
  minSlaFactor: 0.1,
  minReportIntervalMinutes: 5,
  maxReportIntervalMinutes: 24 * 60,
  /** Congress arrangements run for weeks, not years. */
  maxDurationDays: 120,
} as const;
