import type { IncidentAction, IncidentStatus } from '@netduty/contracts';

/** TMF621 v4's TroubleTicketStatusType, in the spec's order. */
export const TROUBLE_TICKET_STATUSES = ['acknowledged', 'rejected', 'pending', 'held', 'inProgress', 'cancelled', 'closed', 'resolved'] as const;
export type TroubleTicketStatus = (typeof TROUBLE_TICKET_STATUSES)[number];

/**
 * NetDuty's incident status as a TMF621 ticket status, one to one (README, "Trouble tickets (TMF621)"):
 * - reported → pending: received and stored, waiting for the duty desk to acknowledge it before it can progress;
 * - acknowledged → acknowledged: the duty desk has accepted it;
 * - in_progress → inProgress: responders are dispatched, troubleshooting has started;
 * - resolved → resolved, closed → closed;
 * - reopened → held: the resolution did not hold (the fault came back); it progresses again when
 *   responders are dispatched (inProgress) or it is resolved again.
 * `rejected` and `cancelled` have no NetDuty state: an incident is never refused once reported, nor
 * withdrawn (a mistaken one is resolved with a note and closed), so no ticket is ever in them.
 */
const TICKET_STATUS_OF: Readonly<Record<IncidentStatus, TroubleTicketStatus>> = {
  reported: 'pending',
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'held',
};

export function ticketStatusOf(status: IncidentStatus): TroubleTicketStatus {
  return TICKET_STATUS_OF[status];
}

/** The incident statuses a ticket status stands for: one, or none for rejected and cancelled. */
export function incidentStatusesOf(status: TroubleTicketStatus): IncidentStatus[] {
  return (Object.keys(TICKET_STATUS_OF) as IncidentStatus[]).filter((incidentStatus) => TICKET_STATUS_OF[incidentStatus] === status);
}

/**
 * The status changes a ticketing system may ask for, as the incident action each one is. Only the
 * originator's side of the lifecycle: on a resolved ticket, `closed` confirms the resolution (close)
 * and `held` disputes it (reopen, with statusChangeReason as the reason). Acknowledging, dispatching
 * and resolving are the duty desk's, and NetDuty has no rejected or cancelled.
 */
const REQUESTABLE: Readonly<Partial<Record<TroubleTicketStatus, Extract<IncidentAction, 'close' | 'reopen'>>>> = {
  closed: 'close',
  held: 'reopen',
};

export const REQUESTABLE_TICKET_STATUSES = Object.keys(REQUESTABLE) as TroubleTicketStatus[];

export type RequestedStatusChange =
  | { kind: 'unchanged' }
  | { kind: 'transition'; action: 'close' | 'reopen' }
  | { kind: 'refused'; allowed: TroubleTicketStatus[] };

/**
 * What a PATCH of `status` does to an incident now in `current`: nothing when the ticket is already in
 * it (a retried PATCH), the incident action it maps to when the lifecycle allows it, or a refusal that
 * lists the statuses the ticketing system may ask for from here.
 */
export function requestedStatusChange(current: IncidentStatus, requested: TroubleTicketStatus, allowedActions: readonly IncidentAction[]): RequestedStatusChange {
  if (ticketStatusOf(current) === requested) return { kind: 'unchanged' };
  const allowed = REQUESTABLE_TICKET_STATUSES.filter((status) => {
    const action = REQUESTABLE[status];
    return action !== undefined && allowedActions.includes(action);
  });
  const action = REQUESTABLE[requested];
  return action !== undefined && allowed.includes(requested) ? { kind: 'transition', action } : { kind: 'refused', allowed };
}
