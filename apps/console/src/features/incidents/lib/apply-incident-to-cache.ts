import type { IncidentDetailDto, IncidentDto, IncidentListQuery, IncidentPage } from '@netduty/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { incidentKeys } from '../api/incidents.api';
import { refreshBatteryCountdownSoon } from './refresh-battery-countdown';
import { applyIncidentToPages, isStale } from './incident-cache';

/**
 * Applies a fresh incident to every cached view of it, so the change shows without a reload:
 * each paged list (respecting that list's filters and order), the board's counts (refetched: they
 * cover rows no console holds), and the detail, whose timeline is then refetched because events and
 * action responses carry the incident but not its new timeline entries.
 */
export function applyIncidentToCache(queryClient: QueryClient, incident: IncidentDto): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: incidentKeys.lists() })) {
    const listQuery = (query.queryKey[2] ?? {}) as IncidentListQuery;
    queryClient.setQueryData<InfiniteData<IncidentPage, string | undefined>>(query.queryKey, (data) =>
      data ? applyIncidentToPages(data, incident, listQuery) : data,
    );
  }
  void queryClient.invalidateQueries({ queryKey: incidentKeys.counts() });
  if (incident.parentIncidentId) void queryClient.invalidateQueries({ queryKey: incidentKeys.children(incident.parentIncidentId) });
  refreshBatteryCountdownSoon(queryClient);

  const detailKey = incidentKeys.detail(incident.id);
  queryClient.setQueryData<IncidentDetailDto>(detailKey, (detail) =>
    detail && !isStale(incident, detail) ? { ...detail, ...incident } : detail,
  );
  void queryClient.invalidateQueries({ queryKey: detailKey });
}
