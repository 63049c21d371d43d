import type { NewTimelineEvent } from '@netduty/domain';

export interface TimelineLineToAppend {
  incidentId: string;
  actor: string;
  event: NewTimelineEvent;
}

/** Appends lines to an incident's timeline (a line is never changed afterwards). */
export interface TimelineWriter {
  /** `at`: the instant the line records (a journey step's own time); the transaction's start when left out. */
  append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void>;
  /** Many lines in a few statements (a parent's hundreds of children, a worker batch), in the given order. */
  appendEach(lines: readonly TimelineLineToAppend[]): Promise<void>;
}
