import type { EscalationAudience, EscalationDto, IncidentDto, IncidentEscalatedPayload, Role } from '@netduty/contracts';
import { escalationAudience, MAX_ESCALATION_LEVEL } from '@netduty/domain';
import type { ConsoleAlert } from './alert-store';

/**
 * Which escalation audiences each role belongs to. Level 1 (`duty_officers`) reaches the duty
 * officers and the cluster's lead; level 2 the head of the on-duty group, who is a duty officer;
 * level 3 the department's leadership. Administrators and responders are never an escalation's audience.
 * (A business rule: it belongs in libs/domain beside the chain, which this helper may not change.)
 */
export const AUDIENCES_OF_ROLE: Readonly<Record<Role, readonly EscalationAudience[]>> = {
  duty_officer: ['duty_officers', 'duty_group_head'],
  cluster_staff: ['duty_officers'],
  leadership: ['leadership'],
  admin: [],
  responder: [],
};

/** A new incident calls for attention when it is critical or at a P0 site. */
export function isAlarmingIncident(incident: Pick<IncidentDto, 'severity' | 'priority'>): boolean {
  return incident.severity === 'critical' || incident.priority === 'P0';
}

/** True when an escalation to `level` of the fixed three-level chain is addressed to someone in `role`. */
export function escalationConcerns(role: Role, level: number): boolean {
  if (!Number.isInteger(level) || level < 1 || level > MAX_ESCALATION_LEVEL) return false;
  return AUDIENCES_OF_ROLE[role].includes(escalationAudience(level));
}

/** The people a fired step reached, when the escalation names them (escalation policies); else null. */
function recipientIdsOf(escalation: EscalationDto): string[] | null {
  const { recipients } = escalation as { recipients?: readonly { userId: string }[] };
  return Array.isArray(recipients) ? recipients.map((recipient) => recipient.userId) : null;
}

/**
 * Whether an escalation is addressed to this user: by name when the step lists its recipients
 * (resolved when it fired), otherwise by the fixed chain's audience for the user's role.
 */
export function escalationAddressedTo(user: { id: string; role: Role }, escalation: EscalationDto): boolean {
  const recipients = recipientIdsOf(escalation);
  if (recipients) return recipients.includes(user.id);
  return escalationConcerns(user.role, escalation.level);
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
  user: { id: string; role: Role },
  nowMs: number,
): ConsoleAlert | null {
  if (!escalationAddressedTo(user, escalation)) return null;
  return { key: `escalation:${escalation.id}`, kind: 'escalation', level: escalation.level, raisedAtMs: nowMs, ...incidentFields(incident) };
}
