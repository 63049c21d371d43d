import { compareByUrgency } from './urgency-order';

describe('board urgency order', () => {
  it('puts the longest-breached first, then the nearest deadline, then severity, then no clock', () => {
    const items = [
      { id: 'resolved', severity: 'critical' as const, nextDueAt: null },
      { id: 'later', severity: 'critical' as const, nextDueAt: '2026-11-22T03:00:00Z' },
      { id: 'soon-minor', severity: 'minor' as const, nextDueAt: '2026-11-22T02:00:00Z' },
      { id: 'soon-critical', severity: 'critical' as const, nextDueAt: '2026-11-22T02:00:00Z' },
      { id: 'breached-long-ago', severity: 'warning' as const, nextDueAt: '2026-11-22T00:00:00Z' },
    ];
    expect([...items].sort(compareByUrgency).map((item) => item.id)).toEqual([
      'breached-long-ago',
      'soon-critical',
      'soon-minor',
      'later',
      'resolved',
    ]);
  });
});
