import type { PriorityTier, SiteKind } from '@netduty/contracts';

/** A site's battery bank and the load it carries once mains is lost. */
export interface BatteryProfile {
  capacityAh: number;
  loadWatts: number;
  nominalVoltage: number;
}

/**
 * Typical banks per kind of site, used until the inventory records the site's own. A postal point has no
 * battery bank: it closes with the mains, so it gets no estimate.
 */
export const DEFAULT_BATTERY_PROFILES: Readonly<Record<SiteKind, Readonly<BatteryProfile>>> = {
  bts: { capacityAh: 200, loadWatts: 1200, nominalVoltage: 48 },
  broadband_node: { capacityAh: 100, loadWatts: 400, nominalVoltage: 48 },
  transmission_node: { capacityAh: 150, loadWatts: 600, nominalVoltage: 48 },
  postal_point: { capacityAh: 0, loadWatts: 0, nominalVoltage: 48 },
};

/** The power-cabinet alarms of the current outage, each the first of its kind (null when not seen). */
export interface PowerEvents {
  mainsLostAt: Date | null;
  onBatteriesAt: Date | null;
  dcLowVoltageAt: Date | null;
  generatorOnAt: Date | null;
  mainsRestoredAt: Date | null;
}

export interface BatteryRuntime {
  /** Whole minutes until the site goes off air, rounded down; 0 once past; null when it is not counting down. */
  minutesLeft: number | null;
  offAirAt: Date | null;
  basis: 'capacity' | 'dc_low_voltage' | 'generator' | 'mains';
}

/** Lead-acid banks are not run below about 20 % charge: 80 % of the nameplate energy is usable. */
export const DEPTH_OF_DISCHARGE = 0.8;
/** Rectifiers raise DC low voltage with about 15 % of the usable energy left. */
export const DC_LOW_VOLTAGE_REMAINING = 0.15;

/** Hours a full bank carries the load, or null when the profile cannot carry it at all. */
function runtimeHours(profile: BatteryProfile): number | null {
  const energyWattHours = profile.capacityAh * profile.nominalVoltage * DEPTH_OF_DISCHARGE;
  if (!(energyWattHours > 0) || !(profile.loadWatts > 0)) return null;
  return energyWattHours / profile.loadWatts;
}

function earliest(dates: readonly (Date | null)[]): Date | null {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/**
 * How long a site has before it goes off air. The model: the bank discharges at a steady load from the
 * moment mains was lost (the mains alarm or 'system on batteries', whichever came first), so it lasts
 * capacity × voltage × depth of discharge / load hours. A DC low voltage alarm is the battery speaking for
 * itself: from that moment about 15 % of the full runtime remains, and that replaces the model's figure
 * whether it is sooner (an aged bank) or later (a lighter load). A running generator or restored mains
 * stops the countdown.
 */
export function batteryRuntime(profile: BatteryProfile, events: PowerEvents, now: Date): BatteryRuntime {
  const lostAt = earliest([events.mainsLostAt, events.onBatteriesAt]);
  const lossSeen = earliest([lostAt, events.dcLowVoltageAt]);
  if (lossSeen === null) return { minutesLeft: null, offAirAt: null, basis: 'mains' };
  if (events.mainsRestoredAt !== null && events.mainsRestoredAt.getTime() >= lossSeen.getTime()) return { minutesLeft: null, offAirAt: null, basis: 'mains' };
  if (events.generatorOnAt !== null) return { minutesLeft: null, offAirAt: null, basis: 'generator' };
  const hours = runtimeHours(profile);
  if (hours === null) return { minutesLeft: null, offAirAt: null, basis: events.dcLowVoltageAt === null ? 'capacity' : 'dc_low_voltage' };
  const fullRuntime = hours * 3600 * 1000;
  // Without a DC low voltage alarm, the loss seen first is the mains loss itself.
  const dcLowVoltageAt = events.dcLowVoltageAt;
  const offAirAt =
    dcLowVoltageAt !== null ? new Date(dcLowVoltageAt.getTime() + DC_LOW_VOLTAGE_REMAINING * fullRuntime) : new Date(lossSeen.getTime() + fullRuntime);
  const minutesLeft = Math.max(0, Math.floor((offAirAt.getTime() - now.getTime()) / 60000));
  return { minutesLeft, offAirAt, basis: events.dcLowVoltageAt === null ? 'capacity' : 'dc_low_voltage' };
}

export interface DispatchCandidate {
  siteId: string;
  minutesLeft: number | null;
  priority: PriorityTier;
  communesLosingService: number;
}

const PRIORITY_WEIGHT: Readonly<Record<PriorityTier, number>> = { P0: 4, P1: 2, P2: 1 };
const PRIORITY_RANK: Readonly<Record<PriorityTier, number>> = { P0: 0, P1: 1, P2: 2 };

/**
 * The order generators and responders go out in: the site that goes dark first leads, with time bought
 * by importance — a P0 site's minutes count a quarter, a P1's half, and each commune that would lose
 * service divides further: key = minutesLeft / weight / (1 + communes). Sites not counting down (on a
 * generator, on mains, or with no estimate) come last. Ties go to the higher tier (two sites already off
 * air both have key 0), then to the site id, so the order is stable.
 */
export function dispatchOrder(candidates: readonly DispatchCandidate[]): string[] {
  const keyOf = (candidate: DispatchCandidate): number => {
    if (candidate.minutesLeft === null || Number.isNaN(candidate.minutesLeft)) return Number.POSITIVE_INFINITY;
    const communes = Math.max(0, candidate.communesLosingService);
    return Math.max(0, candidate.minutesLeft) / PRIORITY_WEIGHT[candidate.priority] / (1 + communes);
  };
  return [...candidates]
    .map((candidate) => ({ candidate, key: keyOf(candidate) }))
    .sort(
      (a, b) =>
        (a.key === b.key ? 0 : a.key < b.key ? -1 : 1) ||
        PRIORITY_RANK[a.candidate.priority] - PRIORITY_RANK[b.candidate.priority] ||
        (a.candidate.siteId < b.candidate.siteId ? -1 : a.candidate.siteId > b.candidate.siteId ? 1 : 0),
    )
    .map(({ candidate }) => candidate.siteId);
}
