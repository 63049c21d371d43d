import type { IncidentDto } from '@netduty/contracts';
import type { DeadlineClock, DeadlineStart } from '@netduty/domain';
import type { NewAssignment } from './responder-assignments';

/**
 * What follows a commit: moving the deadline jobs and telling the consoles. None of it is stored
 * state; the worker's reconciliation sweep re-enqueues whatever a failed enqueue left out.
 */
export abstract class IncidentEffects {
  abstract scheduleDeadlines(incidentId: string, deadlines: readonly DeadlineStart[]): Promise<void>;
  abstract cancelDeadlines(incidentId: string, clocks: readonly DeadlineClock[]): Promise<void>;
  /** Starts the accept deadline of each new assignment (the worker applies the policy's accept time). */
  abstract watchAcceptance(incidentId: string, assignments: readonly NewAssignment[]): Promise<void>;
  abstract publishCreated(incident: IncidentDto): void;
  abstract publishUpdated(incident: IncidentDto): void;
}
