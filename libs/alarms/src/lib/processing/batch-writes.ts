import type { EntityManager } from 'typeorm';
import type { NewTimelineEvent } from '@netduty/domain';
import type { TimelineLineToAppend, TimelineWriter } from '@netduty/incidents';

/**
 * The timeline of a worker batch, written in a few multi-row INSERTs instead of one per line. Lines keep
 * their order (they are inserted in the order appended); a line with an instant of its own, or a read
 * of the timeline within the batch, flushes first.
 */
export class TimelineBuffer implements TimelineWriter {
  private lines: TimelineLineToAppend[] = [];

  constructor(private readonly inner: TimelineWriter) {}

  async append(incidentId: string, actor: string, event: NewTimelineEvent, at?: Date): Promise<void> {
    if (at === undefined) {
      this.lines.push({ incidentId, actor, event });
      return;
    }
    await this.flush();
    await this.inner.append(incidentId, actor, event, at);
  }

  async appendEach(lines: readonly TimelineLineToAppend[]): Promise<void> {
    this.lines.push(...lines);
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    await this.inner.appendEach(lines);
  }
}

/**
 * Which incident each alarm now belongs to, written in one UPDATE per flush. Flushed before anything in
 * the batch reads alarms.incident_id (a clear counting its incident's other active alarms).
 */
export class AlarmLinks {
  private readonly pending = new Map<string, string>();

  constructor(private readonly em: EntityManager) {}

  link(alarmId: string, incidentId: string): void {
    this.pending.set(alarmId, incidentId);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const alarmIds = [...this.pending.keys()];
    const incidentIds = alarmIds.map((id) => this.pending.get(id) as string);
    this.pending.clear();
    await this.em.query(
      `UPDATE alarms a SET incident_id = v.incident_id FROM unnest($1::uuid[], $2::uuid[]) AS v(alarm_id, incident_id) WHERE a.id = v.alarm_id`,
      [alarmIds, incidentIds],
    );
  }
}
