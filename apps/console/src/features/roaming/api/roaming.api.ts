import type { DismissRoamingProposal, IssueRoamingRequest, RoamingProposalsDto, RoamingRequestDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const roamingKeys = {
  all: ['roaming'] as const,
  proposals: ['roaming', 'proposals'] as const,
  /** The live requests (issued or in effect), newest first. */
  requests: ['roaming', 'requests', 'live'] as const,
};

export function fetchRoamingProposals(signal?: AbortSignal): Promise<RoamingProposalsDto> {
  return apiRequest<RoamingProposalsDto>('/roaming/proposals', { signal });
}

export function fetchLiveRoamingRequests(signal?: AbortSignal): Promise<RoamingRequestDto[]> {
  return apiRequest<RoamingRequestDto[]>('/roaming/requests', { signal });
}

export function issueRoamingRequest(request: IssueRoamingRequest): Promise<RoamingRequestDto> {
  return apiRequest<RoamingRequestDto>('/roaming/requests', { method: 'POST', body: request });
}

/** The host operator confirmed roaming is on. */
export function markRoamingInEffect(id: string): Promise<RoamingRequestDto> {
  return apiRequest<RoamingRequestDto>(`/roaming/requests/${encodeURIComponent(id)}/in-effect`, { method: 'POST', body: {} });
}

/** Roaming switched off, or no longer needed. */
export function endRoamingRequest(id: string): Promise<RoamingRequestDto> {
  return apiRequest<RoamingRequestDto>(`/roaming/requests/${encodeURIComponent(id)}/end`, { method: 'POST', body: {} });
}

export function dismissRoamingProposal(dismissal: DismissRoamingProposal): Promise<RoamingRequestDto> {
  return apiRequest<RoamingRequestDto>('/roaming/dismissals', { method: 'POST', body: dismissal });
}
