import type { IncidentAction, IncidentStatus, TimelineEventType } from '@netduty/contracts';
import { INCIDENT_ACTIONS } from '@netduty/contracts';

/**
 * The incident lifecycle: reported → acknowledged → in progress (assigned) → resolved → closed,
 * and resolved → reopened → (assigned | resolved). This table is the only place it is written down.
 */
const TRANSITIONS: Readonly<Record<IncidentStatus, Partial<Record<IncidentAction, IncidentStatus>>>> = {
  reported: { acknowledge: 'acknowledged' },
  acknowledged: { assign: 'in_progress', resolve: 'resolved' },
  in_progress: { assign: 'in_progress', resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'reopened' },
  reopened: { assign: 'in_progress', resolve: 'resolved' },
  closed: {},
};

export type TransitionDecision =
  | { allowed: true; from: IncidentStatus; to: IncidentStatus; event: TimelineEventType }
  | { allowed: false; from: IncidentStatus; allowedActions: IncidentAction[] };

const EVENT_OF_ACTION: Readonly<Record<IncidentAction, TimelineEventType>> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
};

export function allowedActions(status: IncidentStatus): IncidentAction[] {
  const row = TRANSITIONS[status];
  return INCIDENT_ACTIONS.filter((action) => row[action] !== undefined);
}

/** Decides whether `action` may be taken on an incident in `status`, and where it leads. */
export function decideTransition(status: IncidentStatus, action: IncidentAction): TransitionDecision {
  const to = TRANSITIONS[status][action];
  if (to === undefined) {
    return { allowed: false, from: status, allowedActions: allowedActions(status) };
  }
  return { allowed: true, from: status, to, event: EVENT_OF_ACTION[action] };
}

/** Open incidents are those the on-duty board shows: anything not closed. */
export function isOpen(status: IncidentStatus): boolean {
  return status !== 'closed';
}

/** Comments are accepted until an incident is closed; after that the record is final. */
export function acceptsComments(status: IncidentStatus): boolean {
  return status !== 'closed';
}
