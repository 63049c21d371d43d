import type { CommuneDto, OperatorDto, SiteSummaryDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const referenceKeys = {
  operators: ['reference', 'operators'] as const,
  communes: ['reference', 'communes'] as const,
  sites: (q: string) => ['reference', 'sites', q] as const,
};

export function fetchOperators(signal?: AbortSignal): Promise<OperatorDto[]> {
  return apiRequest<OperatorDto[]>('/operators', { signal });
}

export function fetchCommunes(signal?: AbortSignal): Promise<CommuneDto[]> {
  return apiRequest<CommuneDto[]>('/communes', { signal });
}

export const SITE_SEARCH_LIMIT = 20;

/** Server-side search over site code, name and commune; diacritics are optional ("dong kinh"). */
export function searchSites(q: string, signal?: AbortSignal): Promise<SiteSummaryDto[]> {
  return apiRequest<SiteSummaryDto[]>('/sites', { query: { q: q || undefined, limit: SITE_SEARCH_LIMIT }, signal });
}
