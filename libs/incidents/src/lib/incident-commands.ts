import type { IncidentAction, IncidentCategory, Severity } from '@netduty/contracts';

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

export interface IncidentActionCommand {
  incidentId: string;
  action: IncidentAction;
  note?: string;
  responderIds?: string[];
}

export interface CommentCommand {
  incidentId: string;
  text: string;
}
