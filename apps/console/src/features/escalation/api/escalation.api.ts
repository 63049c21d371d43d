import type {
  ChainStatusDto,
  DeEscalationRequest,
  EscalationPolicyDefinition,
  EscalationPolicyDto,
  ManualEscalationRequest,
  OnDutyGroupDto,
} from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from '../../incidents/api/incidents.api';

export const escalationKeys = {
  /** Under the incident's detail key: every live event that refetches the detail refetches the chain too. */
  chain: (incidentId: string) => [...incidentKeys.detail(incidentId), 'chain'] as const,
  policies: ['escalation-policies'] as const,
  onDutyGroups: ['on-duty-groups'] as const,
};

export function fetchChainStatus(incidentId: string, signal?: AbortSignal): Promise<ChainStatusDto> {
  return apiRequest<ChainStatusDto>(`/incidents/${encodeURIComponent(incidentId)}/chain`, { signal });
}

export function escalateNow(incidentId: string, request: ManualEscalationRequest): Promise<ChainStatusDto> {
  return apiRequest<ChainStatusDto>(`/incidents/${encodeURIComponent(incidentId)}/escalate`, { method: 'POST', body: request });
}

export function deEscalate(incidentId: string, request: DeEscalationRequest): Promise<ChainStatusDto> {
  return apiRequest<ChainStatusDto>(`/incidents/${encodeURIComponent(incidentId)}/de-escalate`, { method: 'POST', body: request });
}

export function fetchEscalationPolicies(signal?: AbortSignal): Promise<EscalationPolicyDto[]> {
  return apiRequest<EscalationPolicyDto[]>('/escalation-policies', { signal });
}

export function createEscalationPolicy(definition: EscalationPolicyDefinition): Promise<EscalationPolicyDto> {
  return apiRequest<EscalationPolicyDto>('/escalation-policies', { method: 'POST', body: definition });
}

export function replaceEscalationPolicy(id: string, definition: EscalationPolicyDefinition): Promise<EscalationPolicyDto> {
  return apiRequest<EscalationPolicyDto>(`/escalation-policies/${encodeURIComponent(id)}`, { method: 'PUT', body: definition });
}

export function fetchOnDutyGroups(signal?: AbortSignal): Promise<OnDutyGroupDto[]> {
  return apiRequest<OnDutyGroupDto[]>('/on-duty-groups', { signal });
}
