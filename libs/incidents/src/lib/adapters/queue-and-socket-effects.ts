import { Injectable } from '@nestjs/common';
import type { IncidentDto } from '@netduty/contracts';
import type { DeadlineClock, DeadlineStart } from '@netduty/domain';
import { SlaScheduler } from '@netduty/platform-queue';
import { RealtimePublisher } from '@netduty/platform-realtime';
import { IncidentEffects } from '../ports/incident-effects';
import type { NewAssignment } from '../ports/responder-assignments';

/** Deadline jobs on the SLA queue; events to the consoles through the realtime publisher. */
@Injectable()
export class QueueAndSocketEffects extends IncidentEffects {
  constructor(
    private readonly scheduler: SlaScheduler,
    private readonly publisher: RealtimePublisher,
  ) {
    super();
  }

  async scheduleDeadlines(incidentId: string, deadlines: readonly DeadlineStart[]): Promise<void> {
    if (deadlines.length === 0) return;
    await this.scheduler.schedule(
      deadlines.map(({ kind, cycle, level, dueAt }) => ({ job: { incidentId, kind, cycle, level }, dueAt })),
    );
  }

  async cancelDeadlines(incidentId: string, clocks: readonly DeadlineClock[]): Promise<void> {
    for (const clock of clocks) await this.scheduler.cancel(incidentId, clock.kind, clock.cycle);
  }

  async watchAcceptance(incidentId: string, assignments: readonly NewAssignment[]): Promise<void> {
    if (assignments.length === 0) return;
    await this.scheduler.watchAcceptance(assignments.map(({ responderId, assignedAt }) => ({ job: { incidentId, responderId, assignedAt: assignedAt.toISOString() } })));
  }

  publishCreated(incident: IncidentDto): void {
    this.publisher.publish(this.publisher.roomsFor(incident), 'incident.created', incident);
  }

  publishUpdated(incident: IncidentDto): void {
    this.publisher.publish(this.publisher.roomsFor(incident), 'incident.updated', incident);
  }
}
