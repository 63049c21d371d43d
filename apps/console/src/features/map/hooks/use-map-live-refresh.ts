import { useConsoleAnalyticsPulse } from '../../dashboard/hooks/use-analytics-pulse';
import { mapKeys } from '../api/map.api';

/**
 * The map's queries refetch on the batched `analytics.changed` pulse of the console's socket (at most
 * once every 2 s, however many incidents move); this slow poll is only the fallback for a socket that
 * is down.
 */
export const MAP_REFETCH_INTERVAL: number | false = 60_000;

/** Keeps the map's queries live (sites, coverage, the open site's incidents); the map page calls it once. */
export function useMapLiveRefresh(): void {
  // Not `mapKeys.all`: the boundaries never change and are not fetched again.
  useConsoleAnalyticsPulse(mapKeys.sites);
  useConsoleAnalyticsPulse(mapKeys.networkSafety);
  useConsoleAnalyticsPulse(SITE_INCIDENTS);
}

const SITE_INCIDENTS = ['map', 'site-incidents'] as const;
