import type { BatteryProfileDto, IncidentCategory, PriorityTier, SiteKind } from '@netduty/contracts';
import { PRIORITY_TIERS } from '@netduty/contracts';
import { DEFAULT_BATTERY_PROFILES, type PowerEvents } from '@netduty/domain';

/** The incidents that put a site on its batteries or its generator: their sites are the countdown's candidates. */
export const POWER_INCIDENT_CATEGORIES = ['mains_failure', 'low_battery', 'generator'] as const satisfies readonly IncidentCategory[];
export type PowerIncidentCategory = (typeof POWER_INCIDENT_CATEGORIES)[number];

/**
 * An alarm's specific problem that says the site runs on its batteries ("System on batteries", "On
 * battery"), the default rules' own pattern for it; "Battery high temperature" and the like do not count.
 */
export const ON_BATTERIES_PATTERN = '%on batter%';

/** The site's own bank where the inventory records it, its kind's typical bank for what it does not. */
export function batteryProfileOf(kind: SiteKind, capacityAh: number | null, loadWatts: number | null): BatteryProfileDto {
  const typical = DEFAULT_BATTERY_PROFILES[kind];
  return {
    capacityAh: capacityAh ?? typical.capacityAh,
    loadWatts: loadWatts ?? typical.loadWatts,
    nominalVoltage: typical.nominalVoltage,
    fromInventory: capacityAh !== null && loadWatts !== null,
  };
}

/** The highest of the tiers (P0 over P1 over P2): a site's own and its open incidents' (an event period raises them). */
export function highestTier(tiers: readonly PriorityTier[]): PriorityTier {
  return PRIORITY_TIERS.find((tier) => tiers.includes(tier)) ?? 'P2';
}

/**
 * When the loss of mains was first seen — the mains alarm, "system on batteries" or, alone, DC low
 * voltage, whichever came first: the moment batteryRuntime counts from, and the key an estimate is kept under.
 */
export function lossSeenAt(events: Pick<PowerEvents, 'mainsLostAt' | 'onBatteriesAt' | 'dcLowVoltageAt'>): Date | null {
  const times = [events.mainsLostAt, events.onBatteriesAt, events.dcLowVoltageAt].filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/**
 * "Generator on": the generator alarm, or the dispatched team reporting the generator running, whichever
 * came first — an NMS without a generator alarm still stops the countdown once the team says so.
 */
export function generatorOnAt(alarmedAt: Date | null, dispatchRunningAt: Date | null): Date | null {
  if (alarmedAt === null) return dispatchRunningAt;
  if (dispatchRunningAt === null) return alarmedAt;
  return alarmedAt.getTime() <= dispatchRunningAt.getTime() ? alarmedAt : dispatchRunningAt;
}
