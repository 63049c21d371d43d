import type { IncidentStatus, JourneyStep, TimelineEventType } from '@netduty/contracts';
import { JOURNEY_STEPS } from '@netduty/contracts';

/** When one assigned responder took each step of the journey; null until taken. */
export interface JourneyProgress {
  acceptedAt: Date | null;
  enRouteAt: Date | null;
  onSiteAt: Date | null;
}

/** The field each step stamps and the timeline line it writes. */
export const JOURNEY_STEP_FIELD: Readonly<Record<JourneyStep, keyof JourneyProgress>> = {
  accept: 'acceptedAt',
  en_route: 'enRouteAt',
  on_site: 'onSiteAt',
};

export const JOURNEY_STEP_EVENT: Readonly<Record<JourneyStep, Extract<TimelineEventType, 'assignment_accepted' | 'responder_en_route' | 'responder_on_site'>>> = {
  accept: 'assignment_accepted',
  en_route: 'responder_en_route',
  on_site: 'responder_on_site',
};

export type JourneyDecision =
  | { kind: 'record'; changes: Partial<JourneyProgress> }
  /** The step was already taken: a repeat changes nothing (a retried tap answers as the first did). */
  | { kind: 'already_taken' }
  /** An earlier step is missing; `expected` is the step to take first. */
  | { kind: 'out_of_order'; expected: JourneyStep }
  /** The incident is no longer worked on (resolved or closed). */
  | { kind: 'incident_inactive' };

/** The step a responder may take next, or null once on site. */
export function nextJourneyStep(progress: JourneyProgress): JourneyStep | null {
  return JOURNEY_STEPS.find((step) => progress[JOURNEY_STEP_FIELD[step]] === null) ?? null;
}

/** Statuses in which an assigned responder is working the incident. */
function journeyOpen(status: IncidentStatus): boolean {
  return status === 'in_progress' || status === 'reopened';
}

/**
 * Whether the assigned responder may take `step` now: the steps go accept → on the way → on site, each
 * once. A step already taken is idempotent; one taken before its predecessor is refused. Pure: the
 * caller stamps the change and writes the timeline line in one transaction.
 */
export function decideJourneyStep(status: IncidentStatus, progress: JourneyProgress, step: JourneyStep, now: Date): JourneyDecision {
  if (progress[JOURNEY_STEP_FIELD[step]] !== null) return { kind: 'already_taken' };
  if (!journeyOpen(status)) return { kind: 'incident_inactive' };
  const expected = nextJourneyStep(progress);
  if (expected !== step) return { kind: 'out_of_order', expected: expected ?? step };
  return { kind: 'record', changes: { [JOURNEY_STEP_FIELD[step]]: now } };
}
