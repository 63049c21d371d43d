import type { IncidentDto, TimelineEventType } from '@netduty/contracts';
import { ticketStatusOf, type TroubleTicketStatus } from './ticket-status';
import { troubleTicketHref, type TmfNote, type TmfStatusChange, type TmfTroubleTicket } from './tmf621-resources';

/** A timeline line as the ticket reads it. */
export interface TicketTimelineLine {
  id: string;
  type: TimelineEventType;
  actor: string;
  at: Date;
  data: Record<string, unknown>;
}

/** The timeline lines that move an incident to a status, and the status they move it to. */
const STATUS_OF_EVENT: Partial<Record<TimelineEventType, Parameters<typeof ticketStatusOf>[0]>> = {
  reported: 'reported',
  acknowledged: 'acknowledged',
  assigned: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
};

function noteOf(data: Record<string, unknown>): string | undefined {
  const note = data['note'];
  return typeof note === 'string' && note.trim() !== '' ? note : undefined;
}

/** Each change of the ticket's status, in order (a second assignment changes no status and is not one). */
function statusChanges(lines: readonly TicketTimelineLine[]): TmfStatusChange[] {
  const changes: TmfStatusChange[] = [];
  let current: TroubleTicketStatus | undefined;
  for (const line of lines) {
    const incidentStatus = STATUS_OF_EVENT[line.type];
    if (!incidentStatus) continue;
    const status = ticketStatusOf(incidentStatus);
    if (status === current) continue;
    current = status;
    const reason = noteOf(line.data);
    changes.push({ status, changeDate: line.at.toISOString(), ...(reason ? { changeReason: reason } : {}), '@type': 'StatusChange' });
  }
  return changes;
}

/** Comments, and the words a resolution, a reopen or a close came with: what the duty desk told the ticket. */
function notes(lines: readonly TicketTimelineLine[]): TmfNote[] {
  return lines.flatMap((line) => {
    const text = line.type === 'commented' ? line.data['text'] : line.type === 'resolved' || line.type === 'reopened' || line.type === 'closed' ? noteOf(line.data) : undefined;
    return typeof text === 'string' ? [{ id: line.id, author: line.actor, date: line.at.toISOString(), text, '@type': 'Note' as const }] : [];
  });
}

/**
 * An incident as a TMF621 TroubleTicket: the id is the incident's, the name its reference; ticketType
 * its category, severity NetDuty's, priority the site's tier (P0–P2); the expected resolution is the
 * restore deadline, the resolution date when it was resolved; statusChange and note come from the timeline.
 */
export function troubleTicket(incident: IncidentDto, lines: readonly TicketTimelineLine[], externalId: string | null): TmfTroubleTicket {
  const changes = statusChanges(lines);
  const last = changes[changes.length - 1];
  return {
    id: incident.id,
    href: troubleTicketHref(incident.id),
    name: incident.reference,
    ...(externalId !== null ? { externalId } : {}),
    description: incident.description,
    severity: incident.severity,
    ticketType: incident.category,
    priority: incident.priority,
    status: ticketStatusOf(incident.status),
    statusChangeDate: last?.changeDate ?? incident.reportedAt,
    ...(last?.changeReason ? { statusChangeReason: last.changeReason } : {}),
    creationDate: incident.reportedAt,
    lastUpdate: incident.updatedAt,
    expectedResolutionDate: incident.restoreDeadline.dueAt,
    ...(incident.resolvedAt ? { resolutionDate: incident.resolvedAt } : {}),
    relatedEntity: [{ id: incident.site.code, name: incident.site.name, role: 'site', '@referredType': 'Site' }],
    note: notes(lines),
    statusChange: changes,
    '@type': 'TroubleTicket',
  };
}
