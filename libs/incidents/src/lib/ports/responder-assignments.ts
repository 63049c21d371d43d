import type { AssignedResponder } from '@netduty/contracts';
import type { JourneyProgress } from '@netduty/domain';
import type { IncidentRecord } from './incident-record';

/** One responder's assignment to an incident and how far their journey has gone. */
export interface AssignmentRecord extends JourneyProgress {
  responder: AssignedResponder;
  assignedAt: Date;
}

/** An assignment just made: its accept time runs from `assignedAt`. */
export interface NewAssignment {
  responderId: string;
  assignedAt: Date;
}

/** Who is assigned to an incident, and who may be. */
export interface ResponderAssignments {
  /**
   * Of `ids`, the active responders of a cluster of the incident's operator covering its commune,
   * by name; ids that are not such a responder are left out.
   */
  coveringAmong(incident: Pick<IncidentRecord, 'operatorCode' | 'communeCode'>, ids: readonly string[]): Promise<AssignedResponder[]>;
  /**
   * The incident's responders become exactly these. A responder named again keeps their assignment
   * (its time and journey); the others are unassigned, the new ones assigned now. Returns the new ones.
   */
  replace(incidentId: string, responderIds: readonly string[]): Promise<NewAssignment[]>;
  /** Locks one responder's assignment for the rest of the unit of work; null when not assigned. */
  lockAssignment(incidentId: string, responderId: string): Promise<AssignmentRecord | null>;
  /** Stamps journey steps on the assignment. */
  recordJourney(incidentId: string, responderId: string, changes: Partial<JourneyProgress>): Promise<void>;
}
