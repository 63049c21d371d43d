import type { NewTimelineEvent } from '@netduty/domain';

/** Appends lines to an incident's timeline (a line is never changed afterwards). */
export interface TimelineWriter {
  /** `at`: the instant the line records (a journey step's own time); the transaction's start when left out. */
  append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void>;
}
