import type { NewTimelineEvent } from '@netduty/domain';

/** Appends lines to an incident's timeline (a line is never changed afterwards). */
export interface TimelineWriter {
  /** `at`: the instant the line records (a journey step's own time); the transaction's start when left out. */
  append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void>;
  /** The same line shape on many incidents in one statement (a parent's hundreds of children). */
  appendEach(lines: readonly { incidentId: string; event: NewTimelineEvent }[], actor: string): Promise<void>;
}
