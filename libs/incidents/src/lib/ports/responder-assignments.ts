import type { AssignedResponder } from '@netduty/contracts';
import type { IncidentRecord } from './incident-record';

/** Who is assigned to an incident, and who may be. */
export interface ResponderAssignments {
  /**
   * Of `ids`, the active responders of a cluster of the incident's operator covering its commune,
   * by name; ids that are not such a responder are left out.
   */
  coveringAmong(incident: Pick<IncidentRecord, 'operatorCode' | 'communeCode'>, ids: readonly string[]): Promise<AssignedResponder[]>;
  /** The incident's responders become exactly these. */
  replace(incidentId: string, responderIds: readonly string[]): Promise<void>;
}
