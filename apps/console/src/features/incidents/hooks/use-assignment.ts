import type { IncidentDto, JourneyStep } from '@netduty/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJourneyStep } from '../api/assignment.api';
import { incidentKeys, performIncidentAction } from '../api/incidents.api';
import { applyIncidentToCache } from '../lib/apply-incident-to-cache';

/**
 * One click on a suggestion: the incident's responders become the current ones plus this one, through
 * the same assign action as the dialog (the api replaces the list, keeping the journeys of those named again).
 */
export function useAssignSuggested(incident: IncidentDto) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (responderId: string) =>
      performIncidentAction(incident.id, {
        action: 'assign',
        body: { responderIds: [...new Set([...incident.responders.map((responder) => responder.id), responderId])] },
      }),
    onSuccess: (updated: IncidentDto) => {
      applyIncidentToCache(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.candidates(incident.id) });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) }),
  });
}

/** The logged-in responder's next step on their own assignment. */
export function useJourneyStep(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: JourneyStep) => postJourneyStep(incidentId, step),
    onSuccess: (result) => applyIncidentToCache(queryClient, result.incident),
    // A 409 means the journey moved elsewhere (another tab): show the server's state.
    onError: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
  });
}
