import type { CommentRequest, IncidentDto, ReportIncidentRequest } from '@netduty/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addComment,
  incidentKeys,
  performIncidentAction,
  reportIncident,
  type IncidentActionRequest,
} from '../api/incidents.api';
import { applyIncidentToCache } from '../lib/apply-incident-to-cache';

export function useIncidentAction(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: IncidentActionRequest) => performIncidentAction(incidentId, request),
    onSuccess: (incident: IncidentDto) => applyIncidentToCache(queryClient, incident),
    // A 409 means someone else moved the incident first: show the server's current state.
    onError: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
  });
}

export function useAddComment(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CommentRequest) => addComment(incidentId, request),
    onSuccess: (incident: IncidentDto) => applyIncidentToCache(queryClient, incident),
  });
}

export function useReportIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ReportIncidentRequest) => reportIncident(request),
    onSuccess: (incident: IncidentDto) => applyIncidentToCache(queryClient, incident),
  });
}
