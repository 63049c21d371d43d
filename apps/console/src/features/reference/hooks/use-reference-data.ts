import { useQuery } from '@tanstack/react-query';
import { fetchCommunes, fetchOperators, referenceKeys } from '../api/reference.api';

/** Reference lists change only with a redeploy of the seed data: cache them for the session. */
const REFERENCE_STALE_MS = 60 * 60 * 1000;

export function useOperators() {
  return useQuery({
    queryKey: referenceKeys.operators,
    queryFn: ({ signal }) => fetchOperators(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCommunes() {
  return useQuery({
    queryKey: referenceKeys.communes,
    queryFn: ({ signal }) => fetchCommunes(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}
