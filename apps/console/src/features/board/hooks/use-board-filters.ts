import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseBoardFilters, writeBoardFilters, type BoardFilters } from '../lib/board-filters';

export function useBoardFilters(): [BoardFilters, (filters: BoardFilters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseBoardFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    // replace: filter tweaks should not flood the back button.
    (next: BoardFilters) => setSearchParams((current) => writeBoardFilters(current, next), { replace: true }),
    [setSearchParams],
  );
  return [filters, setFilters];
}
