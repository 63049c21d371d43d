import type { EntityManager } from 'typeorm';
import type { TimelineEventData, TimelineEventType } from '@netduty/contracts';
import { IncidentEventEntity } from '@netduty/persistence';

/** Appends one line to an incident's timeline (the table itself refuses any later change to it). */
export async function appendTimelineEvent<T extends TimelineEventType>(
  em: EntityManager,
  incidentId: string,
  type: T,
  actor: string,
  data: TimelineEventData[T],
  /** The instant the line records; the transaction's start when left out. */
  at?: Date,
): Promise<void> {
  // jsonb: TypeORM's deep-partial typing does not model free-form objects; the column takes any JSON.
  await em.getRepository(IncidentEventEntity).insert({ incidentId, type, actor, data: data as never, ...(at ? { at } : {}) });
}
