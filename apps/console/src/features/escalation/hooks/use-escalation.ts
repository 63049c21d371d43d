import type { ChainStatusDto, EscalationPolicyDefinition, EscalationPolicyDto } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { incidentKeys } from '../../incidents/api/incidents.api';
import {
  createEscalationPolicy,
  deEscalate,
  escalateNow,
  escalationKeys,
  fetchChainStatus,
  fetchEscalationPolicies,
  fetchOnDutyGroups,
  replaceEscalationPolicy,
} from '../api/escalation.api';

/**
 * Where the incident's chain stands. Refetched with the detail (socket 'incident.updated' and
 * 'incident.escalated' invalidate the detail key this one lives under, and so does every reconnect).
 */
export function useChainStatus(incidentId: string) {
  return useQuery({ queryKey: escalationKeys.chain(incidentId), queryFn: ({ signal }) => fetchChainStatus(incidentId, signal) });
}

export function useEscalationPolicies(enabled = true) {
  return useQuery({ queryKey: escalationKeys.policies, queryFn: ({ signal }) => fetchEscalationPolicies(signal), staleTime: 60_000, enabled });
}

export function useOnDutyGroups(enabled = true) {
  return useQuery({ queryKey: escalationKeys.onDutyGroups, queryFn: ({ signal }) => fetchOnDutyGroups(signal), staleTime: 60_000, enabled });
}

export type ChainChange = { direction: 'escalate' | 'de-escalate'; targetLevel: number; reason: string };

/** Escalate now / de-escalate: the answer is the chain's new status; the detail (steps, timeline) is refetched. */
export function useChangeChain(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ direction, targetLevel, reason }: ChainChange) =>
      direction === 'escalate' ? escalateNow(incidentId, { targetLevel, reason }) : deEscalate(incidentId, { targetLevel, reason }),
    onSuccess: (status: ChainStatusDto) => {
      queryClient.setQueryData(escalationKeys.chain(incidentId), status);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
    },
  });
}

export function useSaveEscalationPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, definition }: { id: string | null; definition: EscalationPolicyDefinition }) =>
      id === null ? createEscalationPolicy(definition) : replaceEscalationPolicy(id, definition),
    onSuccess: (saved: EscalationPolicyDto) => {
      queryClient.setQueryData<EscalationPolicyDto[]>(escalationKeys.policies, (list) =>
        list ? (list.some((policy) => policy.id === saved.id) ? list.map((policy) => (policy.id === saved.id ? saved : policy)) : [...list, saved]) : list,
      );
      void queryClient.invalidateQueries({ queryKey: escalationKeys.policies });
    },
  });
}
