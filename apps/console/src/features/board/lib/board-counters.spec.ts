import { deadline, FIXTURE_NOW_MS, incidentFixture } from '../../../testing/incident-fixture';
import { boardCounters } from './board-counters';

describe('boardCounters', () => {
  it('counts open, breached, unacknowledged and escalated incidents', () => {
    const incidents = [
      incidentFixture({ status: 'reported', nextDeadline: deadline('acknowledge', 0, 60), escalationLevel: 1 }),
      incidentFixture({ status: 'reported', nextDeadline: deadline('acknowledge', 0, 600) }),
      incidentFixture({ status: 'in_progress', nextDeadline: deadline('restore', 0, 7200), escalationLevel: 2 }),
      incidentFixture({ status: 'resolved', nextDeadline: null }),
    ];
    expect(boardCounters(incidents, FIXTURE_NOW_MS + 120_000)).toEqual({
      open: 4,
      breached: 1,
      unacknowledged: 2,
      escalated: 2,
    });
  });

  it('counts a deadline as breached from the exact due instant', () => {
    const incident = incidentFixture({ nextDeadline: deadline('acknowledge', 0, 60) });
    expect(boardCounters([incident], FIXTURE_NOW_MS + 59_999).breached).toBe(0);
    expect(boardCounters([incident], FIXTURE_NOW_MS + 60_000).breached).toBe(1);
  });
});
