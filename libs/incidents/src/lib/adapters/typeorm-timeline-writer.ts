import type { EntityManager } from 'typeorm';
import type { NewTimelineEvent } from '@netduty/domain';
import type { TimelineLineToAppend, TimelineWriter } from '../ports/timeline-writer';
import { IncidentEventEntity } from '@netduty/persistence';
import { appendTimelineEvent } from '../timeline';

/** Rows per INSERT: far below Postgres's 65,535 bind parameters at four per row. */
const ROWS_PER_INSERT = 1_000;

export class TypeOrmTimelineWriter implements TimelineWriter {
  constructor(private readonly em: EntityManager) {}

  async append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void> {
    await appendTimelineEvent(this.em, incidentId, event.type, actor, event.data, at);
  }

  async appendEach(lines: readonly TimelineLineToAppend[]): Promise<void> {
    for (let start = 0; start < lines.length; start += ROWS_PER_INSERT) {
      const rows = lines.slice(start, start + ROWS_PER_INSERT).map(({ incidentId, actor, event }) => ({ incidentId, type: event.type, actor, data: event.data as never }));
      await this.em.getRepository(IncidentEventEntity).insert(rows);
    }
  }
}
