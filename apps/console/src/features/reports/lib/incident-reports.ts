import {
  REPORT_KINDS,
  type CyberReportRequest,
  type FlashReportRequest,
  type IncidentCategory,
  type Language,
  type ReportKind,
  type SituationReportSummaryDto,
} from '@netduty/contracts';

/** The reports one files on one incident: the flash report, and the cyber-incident forms (QĐ 05/2017/QĐ-TTg). */
export type IncidentReportKind = Extract<ReportKind, 'flash' | 'cyber_initial' | 'cyber_progress'>;

/** What the duty officer writes on a cyber form (the api trims and stores it in the report's snapshot). */
export interface CyberFormValues {
  beyondCapability: boolean;
  summary: string;
  measuresTaken: string;
  requests: string;
}

export const EMPTY_CYBER_FORM: CyberFormValues = { beyondCapability: false, summary: '', measuresTaken: '', requests: '' };

/** POST /incidents/:id/<path> with its body. */
export type IncidentReportRequest = { path: 'flash-report'; body: FlashReportRequest } | { path: 'cyber-reports'; body: CyberReportRequest };

/** Why the api refused a report in a way the dialog explains itself (409 with a reason). */
export type IncidentReportRefusal = 'initial_report_missing' | 'not_a_cyber_incident';

/**
 * Which reports an incident takes, as the api allows them: a flash report on any incident the officer
 * sees (the api sets no severity or priority floor), the two cyber forms only on a cyber-security one.
 */
export function incidentReportKinds(category: IncidentCategory): IncidentReportKind[] {
  return category === 'cyber_security' ? ['flash', 'cyber_initial', 'cyber_progress'] : ['flash'];
}

/** The api's request for a kind; empty texts are left out (the api stores them as empty). */
export function incidentReportRequest(kind: IncidentReportKind, language: Language, values: CyberFormValues = EMPTY_CYBER_FORM): IncidentReportRequest {
  if (kind === 'flash') return { path: 'flash-report', body: { language } };
  const body: CyberReportRequest = { stage: kind === 'cyber_initial' ? 'initial' : 'progress', language, beyondCapability: values.beyondCapability };
  const summary = values.summary.trim();
  const measuresTaken = values.measuresTaken.trim();
  const requests = values.requests.trim();
  if (summary) body.summary = summary;
  if (measuresTaken) body.measuresTaken = measuresTaken;
  if (requests) body.requests = requests;
  return { path: 'cyber-reports', body };
}

/** The refusals the dialog words (a progress report before the initial one; a category that is not cyber). */
export function incidentReportRefusal(body: { code: string; details?: Record<string, unknown> | undefined }): IncidentReportRefusal | null {
  if (body.code !== 'conflict') return null;
  const reason = body.details?.['reason'];
  return reason === 'initial_report_missing' || reason === 'not_a_cyber_incident' ? reason : null;
}

/** /reports filtered on the report's kind, with the report open. */
export function reportInListPath(report: Pick<SituationReportSummaryDto, 'id' | 'kind'>): string {
  return `/reports?${new URLSearchParams({ kind: report.kind, open: report.id }).toString()}`;
}

/** What /reports reads from its address: a kind to filter on and a report to open (unknown values ignored). */
export function reportsPageParams(search: URLSearchParams): { kind: ReportKind | null; open: string | null } {
  const kind = search.get('kind');
  const open = search.get('open');
  return {
    kind: kind !== null && (REPORT_KINDS as readonly string[]).includes(kind) ? (kind as ReportKind) : null,
    open: open !== null && /^[0-9a-f-]{36}$/i.test(open) ? open : null,
  };
}
