import type { IncidentAction } from '@netduty/contracts';
import type { NewTimelineEvent, TransitionOutcome } from '@netduty/domain';
import type { IncidentRecord } from '../ports/incident-record';
import type { IncidentRepositories } from '../ports/unit-of-work';

/** What the audit line adds to the record after a change: the responders assigned, or the note given. */
function auditDetails(events: readonly NewTimelineEvent[]): Record<string, unknown> {
  for (const event of events) {
    if (event.type === 'assigned') return { responders: event.data.responders };
    if ('note' in event.data && event.data.note) return { note: event.data.note };
  }
  return {};
}

/** Stores an accepted lifecycle change: the fields, its timeline lines and its audit line (before and after). */
export async function storeTransition(
  repositories: IncidentRepositories,
  incident: IncidentRecord,
  action: IncidentAction,
  actorName: string,
  outcome: TransitionOutcome,
): Promise<void> {
  await repositories.incidents.save(incident, outcome.changes);
  for (const event of outcome.events) await repositories.timeline.append(incident.id, actorName, event);
  await repositories.audit.record({
    action: `incident.${action}`,
    entityType: 'incident',
    entityId: incident.id,
    before: incident,
    after: { ...incident, ...outcome.changes, ...auditDetails(outcome.events) },
  });
}
