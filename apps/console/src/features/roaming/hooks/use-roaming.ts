import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoamingRequestStep } from '@netduty/domain';
import {
  dismissRoamingProposal,
  endRoamingRequest,
  fetchLiveRoamingRequests,
  fetchRoamingProposals,
  issueRoamingRequest,
  markRoamingInEffect,
  roamingKeys,
} from '../api/roaming.api';

/** Proposals and requests follow site state and other duty officers: read again every 30 s, and after every step taken here. */
const POLL_MS = 30_000;

export function useRoamingProposals() {
  return useQuery({
    queryKey: roamingKeys.proposals,
    queryFn: ({ signal }) => fetchRoamingProposals(signal),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useLiveRoamingRequests() {
  return useQuery({
    queryKey: roamingKeys.requests,
    queryFn: ({ signal }) => fetchLiveRoamingRequests(signal),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });
}

export function useIssueRoamingRequest() {
  const client = useQueryClient();
  return useMutation({ mutationFn: issueRoamingRequest, onSettled: () => client.invalidateQueries({ queryKey: roamingKeys.all }) });
}

export function useRoamingRequestStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: RoamingRequestStep }) => (step === 'in_effect' ? markRoamingInEffect(id) : endRoamingRequest(id)),
    onSettled: () => client.invalidateQueries({ queryKey: roamingKeys.all }),
  });
}

export function useDismissRoamingProposal() {
  const client = useQueryClient();
  return useMutation({ mutationFn: dismissRoamingProposal, onSettled: () => client.invalidateQueries({ queryKey: roamingKeys.all }) });
}
