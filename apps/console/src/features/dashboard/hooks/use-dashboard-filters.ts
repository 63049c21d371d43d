import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseDashboardFilters, writeDashboardFilters, type DashboardFilters } from '../lib/dashboard-filters';

export function useDashboardFilters(): [DashboardFilters, (filters: DashboardFilters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseDashboardFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    // replace: filter tweaks should not flood the back button.
    (next: DashboardFilters) => setSearchParams((current) => writeDashboardFilters(current, next), { replace: true }),
    [setSearchParams],
  );
  return [filters, setFilters];
}
