import type { CreateSiteRequest, PriorityTier, Severity, SiteDetailDto, SlaPolicyDto } from '@netduty/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { referenceKeys } from '../../reference/api/reference.api';
import { createSite, dutyAdminKeys, fetchSiteList, fetchSlaPolicies, importSiteDependencies, updateSite, updateSlaPolicy } from '../api/duty-admin.api';

export function useSlaPolicies() {
  return useQuery({ queryKey: dutyAdminKeys.slaPolicies, queryFn: ({ signal }) => fetchSlaPolicies(signal) });
}

export function useUpdateSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ severity, priority, acknowledgeSeconds, restoreSeconds }: { severity: Severity; priority: PriorityTier; acknowledgeSeconds: number; restoreSeconds: number }) =>
      updateSlaPolicy(severity, priority, { acknowledgeSeconds, restoreSeconds }),
    onSuccess: (saved: SlaPolicyDto) => {
      queryClient.setQueryData<SlaPolicyDto[]>(dutyAdminKeys.slaPolicies, (list) =>
        list?.map((policy) => (policy.severity === saved.severity && policy.priority === saved.priority ? saved : policy)),
      );
    },
  });
}

/** The site list under a search box (the api answers the first 50 by rank). */
export function useSiteList(term: string) {
  const q = useDebouncedValue(term.trim(), 250);
  return useQuery({ queryKey: dutyAdminKeys.sites(q), queryFn: ({ signal }) => fetchSiteList(q, signal), placeholderData: keepPreviousData });
}

export function useSaveSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; request: CreateSiteRequest } | { id: string; request: Partial<CreateSiteRequest> }): Promise<SiteDetailDto> =>
      input.id === null ? createSite(input.request) : updateSite(input.id, input.request),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'sites'] });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.sites('').slice(0, 2) });
    },
  });
}

/** Imports a site dependencies file (all or nothing); the lists show the new values after. */
export function useImportSiteDependencies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => importSiteDependencies(file),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'sites'] });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.sites('').slice(0, 2) });
    },
  });
}
