import type { EntityManager } from 'typeorm';
import type { NewTimelineEvent } from '@netduty/domain';
import type { TimelineWriter } from '../ports/timeline-writer';
import { appendTimelineEvent } from '../timeline';

export class TypeOrmTimelineWriter implements TimelineWriter {
  constructor(private readonly em: EntityManager) {}

  async append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void> {
    await appendTimelineEvent(this.em, incidentId, event.type, actor, event.data, at);
  }
}
