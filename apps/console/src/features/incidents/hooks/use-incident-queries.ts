import type { IncidentListQuery } from '@netduty/contracts';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { CHILDREN_PAGE_LIMIT, fetchCandidateResponders, fetchIncident, fetchIncidentCounts, fetchIncidentPage, incidentKeys } from '../api/incidents.api';

/**
 * A list of incidents (the board, the history), fetched a page at a time as it is scrolled. Socket
 * events keep the loaded pages current, and every (re)connect invalidates them; the slow poll is only
 * a safety net for events lost while the socket looked healthy.
 */
export function useIncidentPages(query: IncidentListQuery) {
  return useInfiniteQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchIncidentPage(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 5 * 60_000,
  });
}

/** The board header's figures; refetched after live updates and every half minute (breaches come with time). */
export function useIncidentCounts() {
  return useQuery({
    queryKey: incidentKeys.counts(),
    queryFn: ({ signal }) => fetchIncidentCounts(signal),
    refetchInterval: 30_000,
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

/** The open children of each expanded parent, by parent id (a parent's list is refetched when a child of it changes). */
export function useIncidentChildren(parentIds: readonly string[]) {
  return useQueries({
    queries: parentIds.map((parentId) => ({
      queryKey: incidentKeys.children(parentId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchIncidentPage({ open: true, parent: parentId, limit: CHILDREN_PAGE_LIMIT }, undefined, signal),
    })),
  });
}
