import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { referenceKeys, searchSites } from '../api/reference.api';

export const SITE_SEARCH_DEBOUNCE_MS = 250;

/** Remote site search for the report form, debounced so typing does not fire a request per key. */
export function useSiteSearch(term: string, enabled: boolean) {
  const debouncedTerm = useDebouncedValue(term.trim(), SITE_SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: referenceKeys.sites(debouncedTerm),
    queryFn: ({ signal }) => searchSites(debouncedTerm, signal),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return { ...query, settling: debouncedTerm !== term.trim() };
}
