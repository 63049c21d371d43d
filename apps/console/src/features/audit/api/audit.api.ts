import type { AuditEntryDto, AuditQuery, Page } from '@netduty/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';

export const auditKeys = {
  all: ['audit'] as const,
  page: (query: AuditQuery) => [...auditKeys.all, query] as const,
};

function asParams(query: AuditQuery) {
  return { ...query };
}

export function fetchAuditPage(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntryDto>> {
  return apiRequest<Page<AuditEntryDto>>('/audit', { query: asParams(query), signal });
}

/** The filtered trail as CSV, fetched with the access token (a plain link could not send it). */
export function downloadAuditCsv(query: Omit<AuditQuery, 'page' | 'pageSize'>): Promise<Blob> {
  return apiDownload('/audit/export.csv', { query: asParams(query), accept: 'text/csv' });
}
