import type { JourneyStep, JourneyStepResultDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

/** The route of each step of the responder's journey. */
const JOURNEY_STEP_PATH: Readonly<Record<JourneyStep, string>> = {
  accept: 'accept',
  en_route: 'en-route',
  on_site: 'on-site',
};

/** One step of the logged-in responder's own assignment; a repeat answers `recorded: false`. */
export function postJourneyStep(incidentId: string, step: JourneyStep): Promise<JourneyStepResultDto> {
  return apiRequest<JourneyStepResultDto>(`/incidents/${encodeURIComponent(incidentId)}/assignment/${JOURNEY_STEP_PATH[step]}`, { method: 'POST' });
}
