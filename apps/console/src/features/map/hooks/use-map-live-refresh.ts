/**
 * THE place where the map's live updates plug in. Until the console's `analytics.changed` hook is
 * committed (the api sends the batched pulse, see socket-events.ts; the dashboard's
 * `useConsoleAnalyticsPulse` is being written for it), the map's queries poll every 30 s. When it
 * lands: call `useConsoleAnalyticsPulse(mapKeys.all)` in `useMapLiveRefresh` and set
 * `MAP_REFETCH_INTERVAL` to `false`, so the pulse refetches the sites, the coverage and the open
 * site's incidents and the polling stops — nothing else in the map changes.
 */
export const MAP_REFETCH_INTERVAL: number | false = 30_000;

/** Keeps the map's queries live; the map page calls it once. */
export function useMapLiveRefresh(): void {
  // Polling (MAP_REFETCH_INTERVAL) until the analytics pulse plugs in here.
}
