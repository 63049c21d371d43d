import { INCIDENT_ACTIONS, INCIDENT_STATUSES, type IncidentAction, type IncidentStatus } from '@netduty/contracts';
import { acceptsComments, allowedActions, decideTransition, isOpen } from './incident-state-machine';

/** The lifecycle as the on-duty group describes it; every pair not listed here must be refused. */
const EXPECTED: Record<string, IncidentStatus> = {
  'reported/acknowledge': 'acknowledged',
  'acknowledged/assign': 'in_progress',
  'acknowledged/resolve': 'resolved',
  'in_progress/assign': 'in_progress',
  'in_progress/resolve': 'resolved',
  'resolved/close': 'closed',
  'resolved/reopen': 'reopened',
  'reopened/assign': 'in_progress',
  'reopened/resolve': 'resolved',
};

const pairs: [IncidentStatus, IncidentAction][] = INCIDENT_STATUSES.flatMap((status) =>
  INCIDENT_ACTIONS.map((action) => [status, action] as [IncidentStatus, IncidentAction]),
);

describe('incident state machine', () => {
  it.each(pairs.filter(([status, action]) => `${status}/${action}` in EXPECTED))(
    'allows %s → %s',
    (status, action) => {
      const decision = decideTransition(status, action);
      expect(decision).toMatchObject({ allowed: true, from: status, to: EXPECTED[`${status}/${action}`] });
    },
  );

  it.each(pairs.filter(([status, action]) => !(`${status}/${action}` in EXPECTED)))(
    'refuses %s → %s and names the allowed next steps',
    (status, action) => {
      const decision = decideTransition(status, action);
      expect(decision.allowed).toBe(false);
      if (decision.allowed) return;
      expect(decision.from).toBe(status);
      expect(decision.allowedActions).toEqual(allowedActions(status));
      expect(decision.allowedActions).not.toContain(action);
    },
  );

  it('records the timeline event that matches the action', () => {
    expect(decideTransition('reported', 'acknowledge')).toMatchObject({ event: 'acknowledged' });
    expect(decideTransition('in_progress', 'assign')).toMatchObject({ event: 'assigned' });
    expect(decideTransition('resolved', 'reopen')).toMatchObject({ event: 'reopened' });
    expect(decideTransition('resolved', 'close')).toMatchObject({ event: 'closed' });
  });

  it('leaves a closed incident with no way forward and no comments', () => {
    expect(allowedActions('closed')).toEqual([]);
    expect(acceptsComments('closed')).toBe(false);
    expect(isOpen('closed')).toBe(false);
  });

  it('keeps every other status open and commentable', () => {
    for (const status of INCIDENT_STATUSES.filter((candidate) => candidate !== 'closed')) {
      expect(isOpen(status)).toBe(true);
      expect(acceptsComments(status)).toBe(true);
      expect(allowedActions(status).length).toBeGreaterThan(0);
    }
  });
});
