import { deadline, FIXTURE_NOW_MS, incidentFixture } from '../../../testing/incident-fixture';
import { sortByUrgency } from './sort-by-urgency';

describe('sortByUrgency', () => {
  it('puts breached incidents first, then the nearest deadline, then severity', () => {
    const now = FIXTURE_NOW_MS + 600_000; // 10 minutes after the fixtures' report time
    const breachedLong = incidentFixture({ reference: 'B-LONG', severity: 'warning', nextDeadline: deadline('acknowledge', 0, 60) });
    const breachedRecent = incidentFixture({ reference: 'B-RECENT', severity: 'critical', nextDeadline: deadline('acknowledge', 0, 300) });
    const dueSoonMinor = incidentFixture({ reference: 'SOON-MINOR', severity: 'minor', nextDeadline: deadline('restore', 0, 900) });
    const dueSoonCritical = incidentFixture({ reference: 'SOON-CRIT', severity: 'critical', nextDeadline: deadline('restore', 0, 900) });
    const dueLater = incidentFixture({ reference: 'LATER', severity: 'critical', nextDeadline: deadline('restore', 0, 7200) });
    const resolved = incidentFixture({ reference: 'RESOLVED', severity: 'critical', status: 'resolved', nextDeadline: null });

    const order = sortByUrgency([resolved, dueLater, dueSoonMinor, breachedRecent, dueSoonCritical, breachedLong]).map(
      (incident) => incident.reference,
    );

    expect(order).toEqual(['B-LONG', 'B-RECENT', 'SOON-CRIT', 'SOON-MINOR', 'LATER', 'RESOLVED']);
    // Breached-first holds at this instant because breached means "due at or before now".
    const breached = order.slice(0, 2);
    expect(breached).toEqual(['B-LONG', 'B-RECENT']);
    expect(now).toBeGreaterThan(Date.parse(breachedRecent.nextDeadline?.dueAt ?? ''));
  });

  it('does not mutate its input', () => {
    const a = incidentFixture({ nextDeadline: deadline('restore', 0, 900) });
    const b = incidentFixture({ nextDeadline: deadline('restore', 0, 60) });
    const input = [a, b];
    sortByUrgency(input);
    expect(input).toEqual([a, b]);
  });

  it('sorts 2,000 incidents quickly', () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      incidentFixture({ nextDeadline: deadline('restore', 0, (index * 7919) % 10_000) }),
    );
    const started = performance.now();
    const sorted = sortByUrgency(many);
    expect(performance.now() - started).toBeLessThan(100);
    for (let index = 1; index < sorted.length; index += 1) {
      expect(Date.parse(sorted[index - 1]?.nextDeadline?.dueAt ?? '')).toBeLessThanOrEqual(
        Date.parse(sorted[index]?.nextDeadline?.dueAt ?? ''),
      );
    }
  });
});
