import type { EventPeriodDefinition, EventPeriodDto, PriorityTier } from '@netduty/contracts';
import { PRIORITY_TIERS } from '@netduty/contracts';
import { dayjs, DISPLAY_TIME_ZONE } from '../../../lib/date-time';

/** The wall clock of an <input type="datetime-local">, read as the province's time. */
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm';

/** "2026-12-10T07:30" in Asia/Ho_Chi_Minh → "2026-12-10T00:30:00.000Z"; '' when not a time. */
export function wallClockToIso(wallClock: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wallClock)) return '';
  const value = dayjs.tz(wallClock, WALL_CLOCK, DISPLAY_TIME_ZONE);
  return value.isValid() ? value.toISOString() : '';
}

/** An instant as the province's wall clock for a datetime-local input. */
export function isoToWallClock(iso: string): string {
  const value = dayjs(iso);
  return value.isValid() ? value.tz(DISPLAY_TIME_ZONE).format(WALL_CLOCK) : '';
}

export interface TierOverrideValues {
  enabled: boolean;
  acknowledgeMinutes: number;
  restoreMinutes: number;
}

export interface EventPeriodValues {
  name: string;
  startsAt: string;
  endsAt: string;
  p0SiteIds: string[];
  slaFactor: number | null;
  overrides: Record<PriorityTier, TierOverrideValues>;
  p0LeadershipLevel: number | null;
  reportIntervalMinutes: number;
}

const NO_OVERRIDE: TierOverrideValues = { enabled: false, acknowledgeMinutes: 5, restoreMinutes: 120 };

export function eventPeriodValues(period: EventPeriodDto | null): EventPeriodValues {
  const overrides = {} as Record<PriorityTier, TierOverrideValues>;
  for (const tier of PRIORITY_TIERS) {
    const override = period?.slaOverrides[tier];
    overrides[tier] = override
      ? { enabled: true, acknowledgeMinutes: override.acknowledgeSeconds / 60, restoreMinutes: override.restoreSeconds / 60 }
      : { ...NO_OVERRIDE };
  }
  if (!period) return { name: '', startsAt: '', endsAt: '', p0SiteIds: [], slaFactor: 0.5, overrides, p0LeadershipLevel: 1, reportIntervalMinutes: 60 };
  return {
    name: period.name,
    startsAt: isoToWallClock(period.startsAt),
    endsAt: isoToWallClock(period.endsAt),
    p0SiteIds: [...period.p0SiteIds],
    slaFactor: period.slaFactor,
    overrides,
    p0LeadershipLevel: period.p0LeadershipLevel,
    reportIntervalMinutes: period.reportIntervalMinutes,
  };
}

export function eventPeriodDefinition(values: EventPeriodValues): EventPeriodDefinition {
  const slaOverrides: EventPeriodDefinition['slaOverrides'] = {};
  for (const tier of PRIORITY_TIERS) {
    const override = values.overrides[tier];
    if (override.enabled) {
      slaOverrides[tier] = { acknowledgeSeconds: Math.round(override.acknowledgeMinutes * 60), restoreSeconds: Math.round(override.restoreMinutes * 60) };
    }
  }
  return {
    name: values.name.trim(),
    startsAt: wallClockToIso(values.startsAt),
    endsAt: wallClockToIso(values.endsAt),
    p0SiteIds: values.p0SiteIds,
    slaFactor: values.slaFactor ?? null,
    slaOverrides,
    p0LeadershipLevel: values.p0LeadershipLevel ?? null,
    reportIntervalMinutes: values.reportIntervalMinutes,
  };
}

export type EventFormPath =
  | ['name' | 'startsAt' | 'endsAt' | 'slaFactor' | 'p0LeadershipLevel' | 'reportIntervalMinutes' | 'p0SiteIds']
  | ['overrides', PriorityTier, 'acknowledgeMinutes' | 'restoreMinutes'];

const DIRECT_FIELDS = ['name', 'startsAt', 'endsAt', 'slaFactor', 'p0LeadershipLevel', 'reportIntervalMinutes'] as const;

function isDirectField(field: string): field is (typeof DIRECT_FIELDS)[number] {
  return (DIRECT_FIELDS as readonly string[]).includes(field);
}

/**
 * Where the editor shows a problem named by the api or eventPeriodProblems: `slaOverrides.P0.restoreSeconds`
 * on that tier's restore minutes, `p0SiteIds[3]` on the site list; null for a field the editor lacks.
 */
export function eventProblemPath(field: string): EventFormPath | null {
  if (isDirectField(field)) return [field];
  if (field === 'p0SiteIds' || field.startsWith('p0SiteIds[')) return ['p0SiteIds'];
  const override = /^slaOverrides\.(P0|P1|P2)\.(acknowledgeSeconds|restoreSeconds)$/.exec(field);
  const tier = PRIORITY_TIERS.find((candidate) => candidate === override?.[1]);
  if (override && tier) return ['overrides', tier, override[2] === 'acknowledgeSeconds' ? 'acknowledgeMinutes' : 'restoreMinutes'];
  return null;
}
