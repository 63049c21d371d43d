import type { IncidentListQuery } from '@netduty/contracts';
import { useQuery } from '@tanstack/react-query';
import { fetchCandidateResponders, fetchIncident, fetchIncidents, incidentKeys } from '../api/incidents.api';

/**
 * The board's list. Socket events keep it current, and every (re)connect invalidates it; the slow
 * poll is only a safety net for events lost while the socket looked healthy.
 */
export function useIncidentList(query: IncidentListQuery) {
  return useQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => fetchIncidents(query, signal),
    refetchInterval: 5 * 60_000,
  });
}

export function useIncidentDetail(id: string | undefined) {
  return useQuery({
    queryKey: incidentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchIncident(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function useCandidateResponders(id: string, enabled: boolean) {
  return useQuery({
    queryKey: incidentKeys.candidates(id),
    queryFn: ({ signal }) => fetchCandidateResponders(id, signal),
    enabled,
    staleTime: 60_000,
  });
}
