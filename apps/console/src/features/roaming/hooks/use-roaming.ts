import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchRoamingProposals, issueRoamingRequest, roamingKeys } from '../api/roaming.api';

/** Proposals follow site state: read again every 30 s, and after every request issued. */
const POLL_MS = 30_000;

export function useRoamingProposals() {
  return useQuery({
    queryKey: roamingKeys.proposals,
    queryFn: ({ signal }) => fetchRoamingProposals(signal),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useIssueRoamingRequest() {
  const client = useQueryClient();
  return useMutation({ mutationFn: issueRoamingRequest, onSettled: () => client.invalidateQueries({ queryKey: roamingKeys.all }) });
}
