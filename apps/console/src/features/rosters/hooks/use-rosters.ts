import type { OnDutyGroupDto } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acknowledgeHandover,
  addOverride,
  addSwap,
  createHandover,
  fetchHandovers,
  fetchOnDutyGroups,
  fetchOnDutyNow,
  fetchRosterCandidates,
  fetchShifts,
  removeAdjustment,
  replaceRoster,
  rosterKeys,
} from '../api/rosters.api';

const MINUTE = 60_000;

/** Who is on duty now: refreshed every minute, so a shift change shows without a reload. */
export function useOnDutyNow() {
  return useQuery({ queryKey: rosterKeys.now, queryFn: ({ signal }) => fetchOnDutyNow(signal), refetchInterval: MINUTE });
}

export function useOnDutyGroups() {
  return useQuery({ queryKey: rosterKeys.groups, queryFn: ({ signal }) => fetchOnDutyGroups(signal), staleTime: MINUTE });
}

export function useShifts(groupId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: rosterKeys.shifts(groupId ?? '', from, to),
    queryFn: ({ signal }) => fetchShifts(groupId ?? '', from, to, signal),
    enabled: groupId !== null,
  });
}

export function useHandovers(groupId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: rosterKeys.handovers(groupId ?? ''),
    queryFn: ({ signal }) => fetchHandovers(groupId ?? '', signal),
    enabled: groupId !== null && enabled,
    retry: false,
  });
}

/** Who an adjustment may put on a shift (roster.adjust only). */
export function useRosterCandidates(groupId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: rosterKeys.candidates(groupId ?? ''),
    queryFn: ({ signal }) => fetchRosterCandidates(groupId ?? '', signal),
    enabled: groupId !== null && enabled,
    staleTime: 5 * MINUTE,
  });
}

/** Any change of a roster changes every view of it: the groups, the shifts and who is on duty now. */
function useRosterChange<V>(change: (variables: V) => Promise<OnDutyGroupDto>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterKeys.all }) });
}

export const useReplaceRoster = () => useRosterChange(replaceRoster);
export const useAddOverride = () => useRosterChange(addOverride);
export const useAddSwap = () => useRosterChange(addSwap);
export const useRemoveAdjustment = () => useRosterChange(removeAdjustment);

export function useCreateHandover(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notes: string) => createHandover(groupId, notes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterKeys.handovers(groupId) }),
  });
}

export function useAcknowledgeHandover(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handoverId: string) => acknowledgeHandover(handoverId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterKeys.handovers(groupId) }),
  });
}
