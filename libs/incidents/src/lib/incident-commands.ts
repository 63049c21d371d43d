import type { IncidentCategory, JourneyStep, Severity } from '@netduty/contracts';

export interface ReportIncidentCommand {
  siteId: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  /** Defaults to the reporting user's display name. */
  reporterName?: string;
  /** A client-chosen key: the same key reports the incident once however often the request is retried. */
  idempotencyKey?: string;
}

/** A lifecycle step other than an assignment; a reopen needs its reason. */
export type TransitionCommand =
  | { incidentId: string; action: 'acknowledge' | 'resolve' | 'close'; note?: string }
  | { incidentId: string; action: 'reopen'; note: string };

export interface AssignRespondersCommand {
  incidentId: string;
  responderIds: string[];
  note?: string;
}

export interface CommentCommand {
  incidentId: string;
  text: string;
}

/** One step of the assigned responder's own journey. */
export interface JourneyStepCommand {
  incidentId: string;
  step: JourneyStep;
}
