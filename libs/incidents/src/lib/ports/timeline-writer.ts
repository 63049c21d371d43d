import type { NewTimelineEvent } from '@netduty/domain';

/** Appends lines to an incident's timeline (a line is never changed afterwards). */
export interface TimelineWriter {
  append(incidentId: string, actor: string, event: NewTimelineEvent): Promise<void>;
}
