import type { DeadlineDto, EscalationDto, IncidentDto, TimelineEventDto } from '@netduty/contracts';
import { allowedActions, nextDeadline } from '@netduty/domain';
import { toSiteSummaryDto } from '@netduty/inventory';
import { toResponderDto } from '@netduty/organisation';
import type { EscalationEntity, IncidentEntity, IncidentEventEntity } from '@netduty/persistence';

/** Expects `site.operator`, `site.commune` and `responders.cluster` to be loaded. */
export function toIncidentDto(incident: IncidentEntity): IncidentDto {
  const acknowledgeDeadline: DeadlineDto = {
    kind: 'acknowledge',
    startsAt: incident.ackStartsAt.toISOString(),
    dueAt: incident.ackDueAt.toISOString(),
  };
  const restoreDeadline: DeadlineDto = {
    kind: 'restore',
    startsAt: incident.restoreStartsAt.toISOString(),
    dueAt: incident.restoreDueAt.toISOString(),
  };
  return {
    id: incident.id,
    reference: incident.reference,
    site: toSiteSummaryDto(incident.site),
    category: incident.category,
    severity: incident.severity,
    priority: incident.priority,
    status: incident.status,
    description: incident.description,
    reporterName: incident.reporterName,
    reportedBy: incident.reportedBy ?? null,
    reporterPhone: incident.reporterPhone ?? null,
    responders: [...incident.responders].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map(toResponderDto),
    reportedAt: incident.reportedAt.toISOString(),
    acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    closedAt: incident.closedAt?.toISOString() ?? null,
    acknowledgeDeadline,
    restoreDeadline,
    nextDeadline: nextDeadline(incident.status, acknowledgeDeadline, restoreDeadline),
    escalationLevel: incident.escalationLevel,
    allowedActions: allowedActions(incident.status),
    origin: incident.origin,
    parentIncidentId: incident.parentIncidentId ?? null,
    correlation: incident.correlationKind && incident.correlationKey ? { kind: incident.correlationKind, key: incident.correlationKey } : null,
    flapping: incident.flapping,
    updatedAt: incident.updatedAt.toISOString(),
  };
}

export function toTimelineEventDto(event: IncidentEventEntity): TimelineEventDto {
  // The row's jsonb was written by appendTimelineEvent, typed by its event type (TimelineEventData).
  return {
    id: String(event.id),
    incidentId: event.incidentId,
    type: event.type,
    actor: event.actor,
    at: event.at.toISOString(),
    data: event.data,
  } as TimelineEventDto;
}

export function toEscalationDto(escalation: EscalationEntity): EscalationDto {
  return {
    id: escalation.id,
    incidentId: escalation.incidentId,
    kind: escalation.kind,
    cycle: escalation.cycle,
    level: escalation.level,
    round: escalation.round,
    chainLevel: escalation.chainLevel,
    deadlineAt: escalation.deadlineAt.toISOString(),
    firedAt: escalation.firedAt.toISOString(),
    recipients: escalation.recipients,
    manual: escalation.manual,
    reason: escalation.reason,
  };
}
