import type { IssueRoamingRequest, RoamingProposalsDto, RoamingRequestDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const roamingKeys = {
  all: ['roaming'] as const,
  proposals: ['roaming', 'proposals'] as const,
};

export function fetchRoamingProposals(signal?: AbortSignal): Promise<RoamingProposalsDto> {
  return apiRequest<RoamingProposalsDto>('/roaming/proposals', { signal });
}

export function issueRoamingRequest(request: IssueRoamingRequest): Promise<RoamingRequestDto> {
  return apiRequest<RoamingRequestDto>('/roaming/requests', { method: 'POST', body: request });
}
