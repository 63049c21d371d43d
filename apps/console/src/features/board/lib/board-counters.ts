import type { IncidentDto } from '@netduty/contracts';

export interface BoardCounters {
  open: number;
  breached: number;
  unacknowledged: number;
  escalated: number;
}

export function isBreached(incident: IncidentDto, nowMs: number): boolean {
  return incident.nextDeadline !== null && Date.parse(incident.nextDeadline.dueAt) <= nowMs;
}

/** The one counter that moves with the clock; kept apart so it can be recomputed on each tick. */
export function countBreached(incidents: readonly IncidentDto[], nowMs: number): number {
  let count = 0;
  for (const incident of incidents) if (isBreached(incident, nowMs)) count += 1;
  return count;
}

/** The counters that change only with the data. */
export function countByState(incidents: readonly IncidentDto[]): Omit<BoardCounters, 'breached'> {
  let unacknowledged = 0;
  let escalated = 0;
  for (const incident of incidents) {
    if (incident.status === 'reported') unacknowledged += 1;
    if (incident.escalationLevel > 0) escalated += 1;
  }
  return { open: incidents.length, unacknowledged, escalated };
}

export function boardCounters(incidents: readonly IncidentDto[], nowMs: number): BoardCounters {
  return { ...countByState(incidents), breached: countBreached(incidents, nowMs) };
}
