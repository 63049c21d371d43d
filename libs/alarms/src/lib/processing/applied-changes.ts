import type { IncidentAction } from '@netduty/contracts';
import { applyTransition, type DeadlineChanges } from '@netduty/domain';
import type { IncidentRecord, IncidentRepositories } from '@netduty/incidents';

/** What a batch changed, for the effects after commit: deadline jobs to move, consoles to tell. */
export interface AppliedChanges {
  created: Map<string, DeadlineChanges>;
  updated: Map<string, DeadlineChanges>;
  /** Incidents the batch resolved (their last alarm cleared, or every child of a parent). */
  resolvedIds: Set<string>;
}

export function noChanges(): AppliedChanges {
  return { created: new Map(), updated: new Map(), resolvedIds: new Set() };
}

/** Records that an incident changed (and which deadline jobs move); a new one is told of as created anyway. */
export function noteUpdated(changes: AppliedChanges, incidentId: string, deadlines: DeadlineChanges = { cancel: [], schedule: [] }): void {
  if (changes.created.has(incidentId)) return;
  const earlier = changes.updated.get(incidentId);
  changes.updated.set(incidentId, earlier ? { cancel: [...earlier.cancel, ...deadlines.cancel], schedule: [...earlier.schedule, ...deadlines.schedule] } : deadlines);
}

/**
 * A lifecycle change nobody made by hand (a clear at source, a re-raise, the last child restored): the
 * same domain rule and the same timeline and audit lines as a person's, under the source's name.
 * Returns the incident as it now stands (unchanged when the lifecycle does not allow the action).
 */
export async function transitionBySystem(
  repositories: IncidentRepositories,
  changes: AppliedChanges,
  incident: IncidentRecord,
  action: Exclude<IncidentAction, 'assign'>,
  actor: string,
  note: string,
  now: Date,
): Promise<IncidentRecord> {
  const outcome =
    action === 'reopen'
      ? applyTransition(incident, 'reopen', { now, note, restoreWindow: await repositories.slaPolicies.windowFor(incident.severity, incident.priority) })
      : applyTransition(incident, action, { now, note });
  if (!outcome.allowed) return incident;
  await repositories.incidents.save(incident, outcome.changes);
  for (const line of outcome.events) await repositories.timeline.append(incident.id, actor, line);
  await repositories.audit.record({ action: `incident.${action}`, entityType: 'incident', entityId: incident.id, before: incident, after: { ...incident, ...outcome.changes, note } });
  noteUpdated(changes, incident.id, outcome.deadlines);
  const after = { ...incident, ...outcome.changes, version: incident.version + 1 };
  if (after.status === 'resolved') changes.resolvedIds.add(incident.id);
  return after;
}

/** Acknowledges first when nobody had (the source's clear stands for it), then resolves. */
export async function resolveBySystem(
  repositories: IncidentRepositories,
  changes: AppliedChanges,
  incident: IncidentRecord,
  actor: string,
  note: string,
  now: Date,
): Promise<IncidentRecord> {
  const acknowledged = incident.status === 'reported' ? await transitionBySystem(repositories, changes, incident, 'acknowledge', actor, note, now) : incident;
  return transitionBySystem(repositories, changes, acknowledged, 'resolve', actor, note, now);
}
