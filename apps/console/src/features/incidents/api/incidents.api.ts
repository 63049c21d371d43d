import type {
  ActorNoteRequest,
  AssignRespondersRequest,
  CommentRequest,
  IncidentAction,
  IncidentDetailDto,
  IncidentDto,
  IncidentListQuery,
  Page,
  ReportIncidentRequest,
  ResponderDto,
} from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const incidentKeys = {
  all: ['incidents'] as const,
  lists: () => [...incidentKeys.all, 'list'] as const,
  list: (query: IncidentListQuery) => [...incidentKeys.lists(), query] as const,
  details: () => [...incidentKeys.all, 'detail'] as const,
  detail: (id: string) => [...incidentKeys.details(), id] as const,
  candidates: (id: string) => [...incidentKeys.all, 'candidates', id] as const,
};

export function fetchIncidents(query: IncidentListQuery, signal?: AbortSignal): Promise<Page<IncidentDto>> {
  return apiRequest<Page<IncidentDto>>('/incidents', {
    query: {
      open: query.open ?? true,
      status: query.status,
      severity: query.severity,
      operator: query.operator,
      commune: query.commune,
    },
    signal,
  });
}

export function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentDetailDto> {
  return apiRequest<IncidentDetailDto>(`/incidents/${encodeURIComponent(id)}`, { signal });
}

export function fetchCandidateResponders(id: string, signal?: AbortSignal): Promise<ResponderDto[]> {
  return apiRequest<ResponderDto[]>(`/incidents/${encodeURIComponent(id)}/candidate-responders`, { signal });
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

export function addComment(id: string, request: CommentRequest): Promise<IncidentDto> {
  return apiRequest<IncidentDto>(`/incidents/${encodeURIComponent(id)}/comments`, { method: 'POST', body: request });
}
