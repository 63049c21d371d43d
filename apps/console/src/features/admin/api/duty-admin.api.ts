import type { CreateSiteRequest, PriorityTier, Severity, SiteSummaryDto, SlaPolicyDto, UpdateSlaPolicyRequest } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

/** GET /sites answers at most this many. */
export const SITE_LIST_LIMIT = 50;

export const dutyAdminKeys = {
  slaPolicies: ['sla-policies'] as const,
  sites: (q: string) => ['admin', 'sites', q] as const,
};

export function fetchSlaPolicies(signal?: AbortSignal): Promise<SlaPolicyDto[]> {
  return apiRequest<SlaPolicyDto[]>('/sla-policies', { signal });
}

export function updateSlaPolicy(severity: Severity, priority: PriorityTier, request: UpdateSlaPolicyRequest): Promise<SlaPolicyDto> {
  return apiRequest<SlaPolicyDto>(`/sla-policies/${severity}/${priority}`, { method: 'PUT', body: request });
}

export function fetchSiteList(q: string, signal?: AbortSignal): Promise<SiteSummaryDto[]> {
  return apiRequest<SiteSummaryDto[]>('/sites', { query: { q: q || undefined, limit: SITE_LIST_LIMIT }, signal });
}

export function createSite(request: CreateSiteRequest): Promise<SiteSummaryDto> {
  return apiRequest<SiteSummaryDto>('/sites', { method: 'POST', body: request });
}

export function updateSite(id: string, change: Partial<CreateSiteRequest>): Promise<SiteSummaryDto> {
  return apiRequest<SiteSummaryDto>(`/sites/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}
