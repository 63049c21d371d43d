import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { analyticsKeys, fetchNetworkSafety, fetchTrends, type SafetyQuery, type TrendsQuery } from '../api/analytics.api';

/**
 * The figures refetch on every analytics pulse (see use-analytics-pulse.ts); the minute's poll only
 * matters while the live connection is down. A new filter keeps the previous figures on screen until
 * its own arrive, so the tiles never blank.
 */
const FALLBACK_POLL_MS = 60_000;

export function useNetworkSafety(query: SafetyQuery) {
  return useQuery({
    queryKey: analyticsKeys.networkSafety(query),
    queryFn: ({ signal }) => fetchNetworkSafety(query, signal),
    refetchInterval: FALLBACK_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useTrends(query: TrendsQuery) {
  return useQuery({
    queryKey: analyticsKeys.trends(query),
    queryFn: ({ signal }) => fetchTrends(query, signal),
    refetchInterval: FALLBACK_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
