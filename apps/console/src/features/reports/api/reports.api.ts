import type { GenerateReportRequest, Language, Page, ReportKind, SituationReportDto, SituationReportSummaryDto } from '@netduty/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';
import type { IncidentReportRequest } from '../lib/incident-reports';

export const reportKeys = {
  all: ['reports'] as const,
  list: (kind: ReportKind | null, page: number) => ['reports', 'list', kind ?? 'all', page] as const,
  one: (id: string) => ['reports', 'one', id] as const,
};

export const REPORTS_PAGE_SIZE = 20;

export function fetchReports(kind: ReportKind | null, page: number, signal?: AbortSignal): Promise<Page<SituationReportSummaryDto>> {
  return apiRequest<Page<SituationReportSummaryDto>>('/situation-reports', { signal, query: { page, pageSize: REPORTS_PAGE_SIZE, ...(kind ? { kind } : {}) } });
}

export function fetchReport(id: string, signal?: AbortSignal): Promise<SituationReportDto> {
  return apiRequest<SituationReportDto>(`/situation-reports/${encodeURIComponent(id)}`, { signal });
}

export function generateReport(request: GenerateReportRequest): Promise<SituationReportDto> {
  return apiRequest<SituationReportDto>('/situation-reports', { method: 'POST', body: request });
}

/** A flash report or a cyber-incident form on one incident (POST /incidents/:id/flash-report | cyber-reports). */
export function generateIncidentReport({ incidentId, request }: { incidentId: string; request: IncidentReportRequest }): Promise<SituationReportDto> {
  return apiRequest<SituationReportDto>(`/incidents/${encodeURIComponent(incidentId)}/${request.path}`, { method: 'POST', body: request.body });
}

export function saveRemarks({ id, remarks }: { id: string; remarks: string }): Promise<SituationReportDto> {
  return apiRequest<SituationReportDto>(`/situation-reports/${encodeURIComponent(id)}`, { method: 'PATCH', body: { remarks } });
}

export function signOffReport(id: string): Promise<SituationReportDto> {
  return apiRequest<SituationReportDto>(`/situation-reports/${encodeURIComponent(id)}/sign-off`, { method: 'POST' });
}

/** The rendered file (the server renders; the console never loads pdfmake or exceljs). */
export function downloadReport(id: string, format: 'pdf' | 'xlsx', language?: Language): Promise<Blob> {
  const accept = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return apiDownload(`/situation-reports/${encodeURIComponent(id)}/${format}`, { accept, query: language ? { language } : {} });
}
