import type { Logger } from '@nestjs/common';
import type { DeadlineChanges } from '@netduty/domain';
import type { IncidentEffects } from '../ports/incident-effects';

/**
 * Moves the deadline jobs of a committed change. A queue that is briefly unreachable does not fail the
 * request: a job left pending re-checks its condition when it fires and does nothing, and the worker's
 * reconciliation sweep enqueues any deadline that has no job.
 */
export async function moveDeadlinesAfterCommit(
  effects: IncidentEffects,
  logger: Logger,
  incident: { id: string; reference: string },
  deadlines: DeadlineChanges,
): Promise<void> {
  try {
    if (deadlines.cancel.length > 0) await effects.cancelDeadlines(incident.id, deadlines.cancel);
    if (deadlines.schedule.length > 0) await effects.scheduleDeadlines(incident.id, deadlines.schedule);
  } catch (error) {
    logger.error(`could not move the deadline jobs of ${incident.reference}; the sweep will: ${(error as Error).message}`);
  }
}
