import type {
  ActorNoteRequest,
  AssignRespondersRequest,
  CandidateResponderDto,
  CommentRequest,
  IncidentAction,
  IncidentDetailDto,
  IncidentCounts,
  IncidentDto,
  IncidentExportFormat,
  IncidentListQuery,
  IncidentPage,
  Language,
  ReportIncidentRequest,
} from '@netduty/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';

export const incidentKeys = {
  all: ['incidents'] as const,
  lists: () => [...incidentKeys.all, 'list'] as const,
  list: (query: IncidentListQuery) => [...incidentKeys.lists(), query] as const,
  counts: () => [...incidentKeys.all, 'counts'] as const,
  details: () => [...incidentKeys.all, 'detail'] as const,
  detail: (id: string) => [...incidentKeys.details(), id] as const,
  candidates: (id: string) => [...incidentKeys.all, 'candidates', id] as const,
  /** The open children of a mass-outage parent, as its expanded board row lists them (one page, not infinite). */
  children: (parentId: string) => [...incidentKeys.all, 'children', parentId] as const,
};

/** At most this many children under an expanded parent row (the detail counts the rest). */
export const CHILDREN_PAGE_LIMIT = 200;

/** The list's filters as query parameters, shared by its pages and its export. */
function listParams(query: IncidentListQuery) {
  return {
    open: query.open ?? true,
    status: query.status,
    severity: query.severity,
    priority: query.priority,
    category: query.category,
    operator: query.operator,
    commune: query.commune,
    site: query.site,
    from: query.from,
    to: query.to,
    q: query.q,
    sort: query.sort,
    topLevel: query.topLevel,
    parent: query.parent,
  };
}

/** One page of `GET /incidents`; `cursor` is the previous page's `nextCursor`. */
export function fetchIncidentPage(query: IncidentListQuery, cursor: string | undefined, signal?: AbortSignal): Promise<IncidentPage> {
  return apiRequest<IncidentPage>('/incidents', {
    query: { ...listParams(query), limit: query.limit, cursor },
    signal,
  });
}

const EXPORT_ACCEPT: Record<IncidentExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Every incident the list's filters match, as CSV or XLSX, fetched with the access token (a plain link could not send it). */
export function downloadIncidentExport(query: IncidentListQuery, format: IncidentExportFormat, language: Language): Promise<Blob> {
  return apiDownload('/incidents/export', { query: { ...listParams(query), format, language }, accept: EXPORT_ACCEPT[format] });
}

export function fetchIncidentCounts(signal?: AbortSignal): Promise<IncidentCounts> {
  return apiRequest<IncidentCounts>('/incidents/counts', { signal });
}

export function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentDetailDto> {
  return apiRequest<IncidentDetailDto>(`/incidents/${encodeURIComponent(id)}`, { signal });
}

/** Best first, each with its reasons (a CandidateResponderDto is a ResponderDto). */
export function fetchCandidateResponders(id: string, signal?: AbortSignal): Promise<CandidateResponderDto[]> {
  return apiRequest<CandidateResponderDto[]>(`/incidents/${encodeURIComponent(id)}/candidate-responders`, { signal });
}

export function reportIncident(request: ReportIncidentRequest): Promise<IncidentDto> {
  return apiRequest<IncidentDto>('/incidents', { method: 'POST', body: request });
}

/** Body of each state-changing action; `assign` alone takes responders instead of a note. */
export type IncidentActionRequest =
  | { action: 'assign'; body: AssignRespondersRequest }
  | { action: Exclude<IncidentAction, 'assign'>; body: ActorNoteRequest };

export function performIncidentAction(id: string, request: IncidentActionRequest): Promise<IncidentDto> {
  return apiRequest<IncidentDto>(`/incidents/${encodeURIComponent(id)}/${request.action}`, {
    method: 'POST',
    body: request.body,
  });
}

/**
 * Acknowledges one incident with its own Idempotency-Key (a bulk acknowledge sends one per incident
 * and reuses it when retrying that incident).
 */
export function acknowledgeIncident(id: string, idempotencyKey: string): Promise<IncidentDto> {
  return apiRequest<IncidentDto>(`/incidents/${encodeURIComponent(id)}/acknowledge`, {
    method: 'POST',
    body: {},
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function addComment(id: string, request: CommentRequest): Promise<IncidentDto> {
  return apiRequest<IncidentDto>(`/incidents/${encodeURIComponent(id)}/comments`, { method: 'POST', body: request });
}
