import type {
  AssignedResponder,
  DeadlineKind,
  IncidentAction,
  IncidentCategory,
  IncidentStatus,
  Severity,
  TimelineEventData,
  TimelineEventType,
} from '@netduty/contracts';
import { acceptsComments, allowedActions, decideTransition } from './incident-state-machine';
import { deadlinesAtReport, restoreDeadlineAtReopen, type Deadline, type SlaWindow } from './sla';

/** The part of an incident its lifecycle reads and changes (the restore clock restarts on a reopen). */
export interface IncidentLifecycle {
  status: IncidentStatus;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** 1 from the report, +1 on every reopen. */
  slaCycle: number;
  /** Highest escalation level stored in the current cycle. */
  escalationLevel: number;
  restoreStartsAt: Date;
  restoreDueAt: Date;
}

/** A timeline line still to be written: its type and the data that type carries. */
export type NewTimelineEvent = {
  [T in TimelineEventType]: { type: T; data: TimelineEventData[T] };
}[TimelineEventType];

/** One deadline clock of an incident: the acknowledge clock has cycle 1, the restore clock the SLA cycle. */
export interface DeadlineClock {
  kind: DeadlineKind;
  cycle: number;
}

/** A clock to start watching: its first escalation level falls due at `dueAt`. */
export interface DeadlineStart extends DeadlineClock {
  level: number;
  dueAt: Date;
}

export interface DeadlineChanges {
  /** Clocks whose pending escalation jobs are no longer needed (every level). */
  cancel: DeadlineClock[];
  schedule: DeadlineStart[];
}

/** What an accepted change does: the new field values, the timeline lines, the clocks to stop and start. */
export interface TransitionOutcome {
  allowed: true;
  changes: Partial<IncidentLifecycle>;
  events: NewTimelineEvent[];
  deadlines: DeadlineChanges;
}

export interface TransitionRefusal {
  allowed: false;
  from: IncidentStatus;
  allowedActions: IncidentAction[];
}

interface NoteInput {
  now: Date;
  note?: string;
}

/** What each action needs besides the incident. */
export interface TransitionInputs {
  acknowledge: NoteInput;
  /** The responders already checked against the incident's coverage (at least one). */
  assign: NoteInput & { responders: AssignedResponder[] };
  resolve: NoteInput;
  close: NoteInput;
  /** The reason is required; the window is the SLA policy's for the incident's severity and priority now. */
  reopen: { now: Date; note: string; restoreWindow: SlaWindow };
}

type TransitionRequest = { [A in IncidentAction]: { action: A; input: TransitionInputs[A] } }[IncidentAction];

const NO_DEADLINE_CHANGES: DeadlineChanges = { cancel: [], schedule: [] };

function noteOnly(input: NoteInput): { note?: string } {
  return input.note ? { note: input.note } : {};
}

/**
 * Applies one lifecycle action to an incident, or refuses it with the actions its status allows.
 * Pure: the caller stores the changes, writes the events and moves the deadline jobs after the commit.
 */
export function applyTransition<A extends IncidentAction>(
  incident: IncidentLifecycle,
  action: A,
  input: TransitionInputs[A],
): TransitionOutcome | TransitionRefusal {
  const decision = decideTransition(incident.status, action);
  if (!decision.allowed) return { allowed: false, from: decision.from, allowedActions: decision.allowedActions };
  // The generic pair (action, input) narrows only as one discriminated value.
  const request = { action, input } as TransitionRequest;
  const status = decision.to;

  switch (request.action) {
    case 'acknowledge':
      return {
        allowed: true,
        changes: { status, acknowledgedAt: request.input.now },
        events: [{ type: 'acknowledged', data: noteOnly(request.input) }],
        // Acknowledging stops the acknowledge clock; it has one cycle.
        deadlines: { cancel: [{ kind: 'acknowledge', cycle: 1 }], schedule: [] },
      };
    case 'assign':
      return {
        allowed: true,
        changes: { status },
        events: [{ type: 'assigned', data: { ...noteOnly(request.input), responders: request.input.responders } }],
        deadlines: NO_DEADLINE_CHANGES,
      };
    case 'resolve':
      return {
        allowed: true,
        changes: { status, resolvedAt: request.input.now },
        events: [{ type: 'resolved', data: noteOnly(request.input) }],
        deadlines: { cancel: [{ kind: 'restore', cycle: incident.slaCycle }], schedule: [] },
      };
    case 'close':
      return {
        allowed: true,
        changes: { status, closedAt: request.input.now },
        events: [{ type: 'closed', data: noteOnly(request.input) }],
        deadlines: NO_DEADLINE_CHANGES,
      };
    case 'reopen': {
      // A reopen restarts only the restore clock, from now, in a new cycle whose escalations start
      // again at the first level; the incident stays acknowledged (its acknowledge clock is not rerun).
      const restore = restoreDeadlineAtReopen(request.input.now, request.input.restoreWindow);
      const slaCycle = incident.slaCycle + 1;
      return {
        allowed: true,
        changes: {
          status,
          resolvedAt: null,
          slaCycle,
          escalationLevel: 0,
          restoreStartsAt: restore.startsAt,
          restoreDueAt: restore.dueAt,
        },
        events: [{ type: 'reopened', data: { note: request.input.note } }],
        deadlines: { cancel: [], schedule: [{ kind: 'restore', cycle: slaCycle, level: 1, dueAt: restore.dueAt }] },
      };
    }
  }
}

/** A comment changes no field; a closed incident refuses it (its record is final). */
export function applyComment(
  incident: Pick<IncidentLifecycle, 'status'>,
  input: { text: string },
): TransitionOutcome | TransitionRefusal {
  if (!acceptsComments(incident.status)) {
    return { allowed: false, from: incident.status, allowedActions: allowedActions(incident.status) };
  }
  return { allowed: true, changes: {}, events: [{ type: 'commented', data: { text: input.text } }], deadlines: NO_DEADLINE_CHANGES };
}

/** A new incident: both clocks start at the report, in cycle 1, and their first level is watched. */
export function openIncident(input: {
  now: Date;
  window: SlaWindow;
  category: IncidentCategory;
  severity: Severity;
}): { status: IncidentStatus; acknowledge: Deadline; restore: Deadline; events: NewTimelineEvent[]; deadlines: DeadlineChanges } {
  const { acknowledge, restore } = deadlinesAtReport(input.now, input.window);
  return {
    status: 'reported',
    acknowledge,
    restore,
    events: [{ type: 'reported', data: { category: input.category, severity: input.severity } }],
    deadlines: {
      cancel: [],
      schedule: [
        { kind: 'acknowledge', cycle: 1, level: 1, dueAt: acknowledge.dueAt },
        { kind: 'restore', cycle: 1, level: 1, dueAt: restore.dueAt },
      ],
    },
  };
}
