import { useQuery } from '@tanstack/react-query';
import { fetchCommunes, fetchOperators, referenceKeys } from '../api/reference.api';

/** Reference lists change rarely (an administrator renames an operator, edits a cluster): cache them for an hour. */
const REFERENCE_STALE_MS = 60 * 60 * 1000;

export function useOperators(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.operators,
    queryFn: ({ signal }) => fetchOperators(signal),
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

export function useCommunes() {
  return useQuery({
    queryKey: referenceKeys.communes,
    queryFn: ({ signal }) => fetchCommunes(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}
