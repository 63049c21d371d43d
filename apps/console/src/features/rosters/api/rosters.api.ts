import type { AddShiftOverrideRequest, AddShiftSwapRequest, DutyPersonDto, OnDutyGroupDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { OnDutyNowDto, ShiftHandoverDto, StaffedShiftDto } from '@netduty/contracts';

export const rosterKeys = {
  all: ['rosters'] as const,
  now: ['rosters', 'now'] as const,
  groups: ['rosters', 'groups'] as const,
  shifts: (groupId: string, from: string, to: string) => ['rosters', 'shifts', groupId, from, to] as const,
  handovers: (groupId: string) => ['rosters', 'handovers', groupId] as const,
  candidates: (groupId: string) => ['rosters', 'candidates', groupId] as const,
};

export function fetchOnDutyNow(signal?: AbortSignal): Promise<OnDutyNowDto> {
  return apiRequest<OnDutyNowDto>('/on-duty/now', { signal });
}

export function fetchOnDutyGroups(signal?: AbortSignal): Promise<OnDutyGroupDto[]> {
  return apiRequest<OnDutyGroupDto[]>('/on-duty-groups', { signal });
}

export function fetchShifts(groupId: string, from: string, to: string, signal?: AbortSignal): Promise<StaffedShiftDto[]> {
  const query = new URLSearchParams({ from, to }).toString();
  return apiRequest<StaffedShiftDto[]>(`/on-duty-groups/${encodeURIComponent(groupId)}/shifts?${query}`, { signal });
}

export function replaceRoster(group: OnDutyGroupDto): Promise<OnDutyGroupDto> {
  const { id, ...roster } = group;
  return apiRequest<OnDutyGroupDto>(`/on-duty-groups/${encodeURIComponent(id)}`, { method: 'PUT', body: roster });
}

export function fetchRosterCandidates(groupId: string, signal?: AbortSignal): Promise<DutyPersonDto[]> {
  return apiRequest<DutyPersonDto[]>(`/on-duty-groups/${encodeURIComponent(groupId)}/candidates`, { signal });
}

export function addOverride({ groupId, override }: { groupId: string; override: AddShiftOverrideRequest }): Promise<OnDutyGroupDto> {
  return apiRequest<OnDutyGroupDto>(`/on-duty-groups/${encodeURIComponent(groupId)}/overrides`, { method: 'POST', body: override });
}

export function addSwap({ groupId, swap }: { groupId: string; swap: AddShiftSwapRequest }): Promise<OnDutyGroupDto> {
  return apiRequest<OnDutyGroupDto>(`/on-duty-groups/${encodeURIComponent(groupId)}/swaps`, { method: 'POST', body: swap });
}

/** Takes an override or a swap off the roster. */
export function removeAdjustment({ groupId, list, id }: { groupId: string; list: 'overrides' | 'swaps'; id: string }): Promise<OnDutyGroupDto> {
  return apiRequest<OnDutyGroupDto>(`/on-duty-groups/${encodeURIComponent(groupId)}/${list}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchHandovers(groupId: string, signal?: AbortSignal): Promise<ShiftHandoverDto[]> {
  return apiRequest<ShiftHandoverDto[]>(`/on-duty-groups/${encodeURIComponent(groupId)}/handovers`, { signal });
}

export function createHandover(groupId: string, notes: string): Promise<ShiftHandoverDto> {
  return apiRequest<ShiftHandoverDto>(`/on-duty-groups/${encodeURIComponent(groupId)}/handovers`, { method: 'POST', body: { notes } });
}

export function acknowledgeHandover(handoverId: string): Promise<ShiftHandoverDto> {
  return apiRequest<ShiftHandoverDto>(`/handovers/${encodeURIComponent(handoverId)}/acknowledge`, { method: 'POST' });
}
