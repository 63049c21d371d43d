import type { IncidentStatus } from '@netduty/contracts';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { fetchIncidentPage } from '../../incidents/api/incidents.api';
import { fetchBoundaries, fetchMapSites, fetchNetworkSafety, mapKeys } from '../api/map.api';
import { MAP_REFETCH_INTERVAL } from './use-map-live-refresh';

export function useMapSites() {
  return useQuery({ queryKey: mapKeys.sites, queryFn: ({ signal }) => fetchMapSites(signal), refetchInterval: MAP_REFETCH_INTERVAL });
}

/**
 * The network-safety figures, for the impacted communes. Optional: while the endpoint is missing or
 * refuses, the map shows its sites without the highlight (no retries, no error toast).
 */
export function useNetworkSafety() {
  return useQuery({
    queryKey: mapKeys.networkSafety,
    queryFn: ({ signal }) => fetchNetworkSafety(signal),
    refetchInterval: MAP_REFETCH_INTERVAL,
    retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status < 500),
  });
}

/** The boundaries never change while the console runs. */
export function useBoundaries() {
  return useQuery({ queryKey: mapKeys.boundaries, queryFn: ({ signal }) => fetchBoundaries(signal), staleTime: Infinity, gcTime: Infinity });
}

/** Open as the map counts them (the site-state rule's: not resolved or closed). */
const OPEN_STATUSES = ['reported', 'acknowledged', 'in_progress', 'reopened'] as const satisfies readonly Exclude<IncidentStatus, 'resolved' | 'closed'>[];
const SITE_INCIDENTS_SHOWN = 50;

/** A site's open incidents for its panel, from the board's own list endpoint (the caller's scope applies). */
export function useSiteOpenIncidents(siteId: string) {
  return useQuery({
    queryKey: mapKeys.siteIncidents(siteId),
    queryFn: ({ signal }) => fetchIncidentPage({ site: [siteId], status: [...OPEN_STATUSES], sort: 'urgency', limit: SITE_INCIDENTS_SHOWN }, undefined, signal),
    refetchInterval: MAP_REFETCH_INTERVAL,
  });
}
