import { INCIDENT_ACTIONS, INCIDENT_STATUSES, type IncidentAction, type IncidentStatus } from '@netduty/contracts';
import { allowedActions } from './incident-state-machine';
import { applyComment, applyTransition, openIncident, type IncidentLifecycle, type TransitionInputs } from './incident-transition';

const reportedAt = new Date('2026-10-01T01:00:00Z');
const now = new Date('2026-10-01T03:30:00Z');
const window = { acknowledgeSeconds: 300, restoreSeconds: 7200 };
const responders = [{ id: 'r-1', name: 'Hoàng Văn Nam', phone: '0912000001' }];

function incidentIn(status: IncidentStatus, overrides: Partial<IncidentLifecycle> = {}): IncidentLifecycle {
  return {
    status,
    acknowledgedAt: status === 'reported' ? null : new Date('2026-10-01T01:02:00Z'),
    resolvedAt: status === 'resolved' || status === 'closed' ? new Date('2026-10-01T02:00:00Z') : null,
    closedAt: status === 'closed' ? new Date('2026-10-01T02:30:00Z') : null,
    slaCycle: 1,
    escalationLevel: 2,
    restoreStartsAt: reportedAt,
    restoreDueAt: new Date('2026-10-01T03:00:00Z'),
    ...overrides,
  };
}

const inputs: TransitionInputs = {
  acknowledge: { now, note: 'đã tiếp nhận' },
  assign: { now, responders },
  resolve: { now },
  close: { now, note: 'đóng' },
  reopen: { now, note: 'mất sóng lại', restoreWindow: window },
};

function apply(incident: IncidentLifecycle, action: IncidentAction) {
  // Each action with its own input, looked up by the action.
  return applyTransition(incident, action, inputs[action]);
}

function accepted(incident: IncidentLifecycle, action: IncidentAction) {
  const outcome = apply(incident, action);
  if (!outcome.allowed) throw new Error(`${action} was refused from ${incident.status}`);
  return outcome;
}

describe('applyTransition', () => {
  it('acknowledges: records the time, stops the acknowledge clock', () => {
    const outcome = accepted(incidentIn('reported'), 'acknowledge');
    expect(outcome.changes).toEqual({ status: 'acknowledged', acknowledgedAt: now });
    expect(outcome.events).toEqual([{ type: 'acknowledged', data: { note: 'đã tiếp nhận' } }]);
    expect(outcome.deadlines).toEqual({ cancel: [{ kind: 'acknowledge', cycle: 1 }], schedule: [] });
  });

  it('leaves the note out of the event when none is given', () => {
    const outcome = applyTransition(incidentIn('reported'), 'acknowledge', { now });
    expect(outcome.allowed && outcome.events).toEqual([{ type: 'acknowledged', data: {} }]);
  });

  it.each(['acknowledged', 'in_progress', 'reopened'] as const)('assigns from %s: in progress, names the responders, no clock moves', (status) => {
    const outcome = accepted(incidentIn(status), 'assign');
    expect(outcome.changes).toEqual({ status: 'in_progress' });
    expect(outcome.events).toEqual([{ type: 'assigned', data: { responders } }]);
    expect(outcome.deadlines).toEqual({ cancel: [], schedule: [] });
  });

  it('resolves: records the time and stops the restore clock of the current cycle', () => {
    const outcome = accepted(incidentIn('reopened', { slaCycle: 3 }), 'resolve');
    expect(outcome.changes).toEqual({ status: 'resolved', resolvedAt: now });
    expect(outcome.events).toEqual([{ type: 'resolved', data: {} }]);
    expect(outcome.deadlines).toEqual({ cancel: [{ kind: 'restore', cycle: 3 }], schedule: [] });
  });

  it('closes: records the time, no clock moves (none runs once resolved)', () => {
    const outcome = accepted(incidentIn('resolved'), 'close');
    expect(outcome.changes).toEqual({ status: 'closed', closedAt: now });
    expect(outcome.events).toEqual([{ type: 'closed', data: { note: 'đóng' } }]);
    expect(outcome.deadlines).toEqual({ cancel: [], schedule: [] });
  });

  it('reopens: a fresh restore window from now, the next cycle, escalation back to none, still acknowledged', () => {
    const incident = incidentIn('resolved', { slaCycle: 2, escalationLevel: 3 });
    const outcome = accepted(incident, 'reopen');
    const dueAt = new Date(now.getTime() + window.restoreSeconds * 1000);
    expect(outcome.changes).toEqual({
      status: 'reopened',
      resolvedAt: null,
      slaCycle: 3,
      escalationLevel: 0,
      restoreStartsAt: now,
      restoreDueAt: dueAt,
    });
    expect(outcome.changes).not.toHaveProperty('acknowledgedAt');
    expect(outcome.events).toEqual([{ type: 'reopened', data: { note: 'mất sóng lại' } }]);
    expect(outcome.deadlines).toEqual({ cancel: [], schedule: [{ kind: 'restore', cycle: 3, level: 1, dueAt }] });
  });

  it('does not change the incident it is given', () => {
    const incident = incidentIn('resolved');
    const copy = { ...incident };
    accepted(incident, 'reopen');
    expect(incident).toEqual(copy);
  });

  const pairs = INCIDENT_STATUSES.flatMap((status) => INCIDENT_ACTIONS.map((action) => [status, action] as const));
  it.each(pairs.filter(([status, action]) => !allowedActions(status).includes(action)))(
    'refuses %s → %s with the allowed actions',
    (status, action) => {
      const outcome = apply(incidentIn(status), action);
      expect(outcome).toEqual({ allowed: false, from: status, allowedActions: allowedActions(status) });
    },
  );

  it.each(pairs.filter(([status, action]) => allowedActions(status).includes(action)))(
    'accepts %s → %s with exactly one timeline event of the action',
    (status, action) => {
      const outcome = accepted(incidentIn(status), action);
      expect(outcome.events).toHaveLength(1);
      expect(outcome.events[0]?.type).toBe({ acknowledge: 'acknowledged', assign: 'assigned', resolve: 'resolved', close: 'closed', reopen: 'reopened' }[action]);
    },
  );
});

describe('applyComment', () => {
  it.each(INCIDENT_STATUSES.filter((status) => status !== 'closed'))('accepts a comment on a %s incident, changing no field', (status) => {
    expect(applyComment(incidentIn(status), { text: 'máy nổ đã chạy' })).toEqual({
      allowed: true,
      changes: {},
      events: [{ type: 'commented', data: { text: 'máy nổ đã chạy' } }],
      deadlines: { cancel: [], schedule: [] },
    });
  });

  it('refuses a comment on a closed incident, naming no allowed action', () => {
    expect(applyComment(incidentIn('closed'), { text: 'muộn' })).toEqual({ allowed: false, from: 'closed', allowedActions: [] });
  });
});

describe('openIncident', () => {
  it('starts both clocks at the report and watches the first level of each in cycle 1', () => {
    const opened = openIncident({ now: reportedAt, window, category: 'mains_failure', severity: 'critical' });
    const ackDue = new Date(reportedAt.getTime() + 300_000);
    const restoreDue = new Date(reportedAt.getTime() + 7_200_000);
    expect(opened.status).toBe('reported');
    expect(opened.acknowledge).toEqual({ kind: 'acknowledge', startsAt: reportedAt, dueAt: ackDue });
    expect(opened.restore).toEqual({ kind: 'restore', startsAt: reportedAt, dueAt: restoreDue });
    expect(opened.events).toEqual([{ type: 'reported', data: { category: 'mains_failure', severity: 'critical' } }]);
    expect(opened.deadlines).toEqual({
      cancel: [],
      schedule: [
        { kind: 'acknowledge', cycle: 1, level: 1, dueAt: ackDue },
        { kind: 'restore', cycle: 1, level: 1, dueAt: restoreDue },
      ],
    });
  });
});
