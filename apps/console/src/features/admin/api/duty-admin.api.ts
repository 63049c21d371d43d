import type { CreateSiteRequest, PriorityTier, Severity, SiteDependenciesImportDto, SiteDetailDto, SlaPolicyDto, UpdateSlaPolicyRequest } from '@netduty/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';

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

export function fetchSiteList(q: string, signal?: AbortSignal): Promise<SiteDetailDto[]> {
  return apiRequest<SiteDetailDto[]>('/sites', { query: { q: q || undefined, limit: SITE_LIST_LIMIT }, signal });
}

export function createSite(request: CreateSiteRequest): Promise<SiteDetailDto> {
  return apiRequest<SiteDetailDto>('/sites', { method: 'POST', body: request });
}

export function updateSite(id: string, change: Partial<CreateSiteRequest>): Promise<SiteDetailDto> {
  return apiRequest<SiteDetailDto>(`/sites/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}

/** Every site's upstreams and battery profile, as the CSV file the import reads. */
export function downloadSiteDependencies(): Promise<Blob> {
  return apiDownload('/sites/dependencies/export', { accept: 'text/csv' });
}

/** Imports a dependencies file, all or nothing. Sent as text/csv whatever type the browser gave the file (Windows says Excel's). */
export function importSiteDependencies(file: Blob): Promise<SiteDependenciesImportDto> {
  return apiRequest<SiteDependenciesImportDto>('/sites/dependencies/import', { method: 'POST', body: new Blob([file], { type: 'text/csv' }) });
}
