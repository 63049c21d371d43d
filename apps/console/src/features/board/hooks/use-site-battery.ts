import { useMemo } from 'react';
import { useBatteryCountdown } from '../../generators/hooks/use-battery';

/** What a board row or a map popup shows of a site on batteries. */
export interface SiteBattery {
  minutesLeft: number;
  offAirAt: string | null;
}

const NO_BATTERIES: ReadonlyMap<string, SiteBattery> = new Map();

/**
 * The sites counting down on batteries, by site id (or code), from GET /battery/countdown (polled, and refreshed
 * after incident frames, throttled: see refreshBatteryCountdownSoon). Sites not counting down are absent.
 */
export function useSiteBatteries(enabled = true, by: 'id' | 'code' = 'id'): ReadonlyMap<string, SiteBattery> {
  const countdown = useBatteryCountdown(enabled);
  return useMemo(() => {
    const entries = countdown.data?.entries;
    if (!entries) return NO_BATTERIES;
    const bySite = new Map<string, SiteBattery>();
    for (const entry of entries) {
      if (entry.minutesLeft === null) continue;
      const key = by === 'id' ? entry.site.id : entry.site.code;
      const known = bySite.get(key);
      if (!known || entry.minutesLeft < known.minutesLeft) bySite.set(key, { minutesLeft: entry.minutesLeft, offAirAt: entry.offAirAt });
    }
    return bySite;
  }, [countdown.data, by]);
}
