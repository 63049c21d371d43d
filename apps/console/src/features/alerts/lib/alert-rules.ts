import type { EscalationDto, IncidentDto, IncidentEscalatedPayload } from '@netduty/contracts';
import type { ConsoleAlert } from './alert-store';

/** A new incident calls for attention when it is critical or at a P0 site. */
export function isAlarmingIncident(incident: Pick<IncidentDto, 'severity' | 'priority'>): boolean {
  return incident.severity === 'critical' || incident.priority === 'P0';
}

/**
 * Whether an escalation is addressed to this user: the step lists the people it reached, resolved when
 * it fired (the roster, the role holders who may see the incident, the assigned responders).
 */
export function escalationAddressedTo(user: { id: string }, escalation: Pick<EscalationDto, 'recipients'>): boolean {
  return escalation.recipients.some((recipient) => recipient.userId === user.id);
}

function incidentFields(incident: IncidentDto): Omit<ConsoleAlert, 'key' | 'kind' | 'level' | 'raisedAtMs'> {
  return {
    incidentId: incident.id,
    reference: incident.reference,
    siteCode: incident.site.code,
    siteName: incident.site.name,
    severity: incident.severity,
    priority: incident.priority,
  };
}

/** The alert for a newly reported incident (`incident.created`), or null when it is not alarming. */
export function newIncidentAlert(incident: IncidentDto, nowMs: number): ConsoleAlert | null {
  if (!isAlarmingIncident(incident)) return null;
  return { key: `new:${incident.id}`, kind: 'new_incident', level: null, raisedAtMs: nowMs, ...incidentFields(incident) };
}

/** The alert for an escalation (`incident.escalated`), or null when it is addressed to someone else. */
export function escalationAlert(
  { incident, escalation }: IncidentEscalatedPayload,
  user: { id: string },
  nowMs: number,
): ConsoleAlert | null {
  if (!escalationAddressedTo(user, escalation)) return null;
  return { key: `escalation:${escalation.id}`, kind: 'escalation', level: escalation.chainLevel, raisedAtMs: nowMs, ...incidentFields(incident) };
}
