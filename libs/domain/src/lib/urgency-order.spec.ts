import fc from 'fast-check';
import { compareByUrgency, compareByUrgencyThenId, urgencyKey } from './urgency-order';

const NOW = new Date('2026-11-22T01:00:00Z');

describe('board urgency order', () => {
  it('puts breached first, then P0, then severity, then the least time left, then no clock', () => {
    const items = [
      { id: 'resolved', severity: 'critical' as const, priority: 'P0' as const, nextDueAt: null },
      { id: 'p2-critical-later', severity: 'critical' as const, priority: 'P2' as const, nextDueAt: '2026-11-22T03:00:00Z' },
      { id: 'p2-critical-soon', severity: 'critical' as const, priority: 'P2' as const, nextDueAt: '2026-11-22T02:00:00Z' },
      { id: 'p2-minor-soon', severity: 'minor' as const, priority: 'P2' as const, nextDueAt: '2026-11-22T01:05:00Z' },
      { id: 'p0-major', severity: 'major' as const, priority: 'P0' as const, nextDueAt: '2026-11-22T05:00:00Z' },
      { id: 'p0-critical', severity: 'critical' as const, priority: 'P0' as const, nextDueAt: '2026-11-22T06:00:00Z' },
      { id: 'breached-p2-warning', severity: 'warning' as const, priority: 'P2' as const, nextDueAt: '2026-11-22T00:00:00Z' },
      { id: 'breached-p0-minor', severity: 'minor' as const, priority: 'P0' as const, nextDueAt: '2026-11-22T00:30:00Z' },
    ];
    expect([...items].sort((a, b) => compareByUrgency(a, b, NOW)).map((item) => item.id)).toEqual([
      'breached-p0-minor',
      'breached-p2-warning',
      'p0-critical',
      'p0-major',
      'p2-critical-soon',
      'p2-critical-later',
      'p2-minor-soon',
      'resolved',
    ]);
  });

  it('keeps a P2 low battery below a P0 critical at the provincial People’s Committee until it breaches', () => {
    const battery = { severity: 'minor' as const, priority: 'P2' as const, nextDueAt: '2026-11-22T01:10:00Z' };
    const committee = { severity: 'critical' as const, priority: 'P0' as const, nextDueAt: '2026-11-22T02:00:00Z' };
    expect(compareByUrgency(committee, battery, NOW)).toBeLessThan(0);
    expect(compareByUrgency(committee, battery, new Date('2026-11-22T01:10:00Z'))).toBeGreaterThan(0);
  });

  it('is a total order with the id (antisymmetric, transitive) at any instant', () => {
    const subject = fc.record({
      id: fc.uuid(),
      severity: fc.constantFrom('critical' as const, 'major' as const, 'minor' as const, 'warning' as const),
      priority: fc.constantFrom('P0' as const, 'P1' as const, 'P2' as const),
      nextDueAt: fc.option(fc.date({ min: new Date('2026-11-21T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(subject, { minLength: 2, maxLength: 30 }), fc.date({ min: new Date('2026-11-21T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true }), (items, now) => {
        const sorted = [...items].sort((a, b) => compareByUrgencyThenId(a, b, now));
        for (let index = 1; index < sorted.length; index += 1) {
          const previous = sorted[index - 1];
          const current = sorted[index];
          if (!previous || !current) continue;
          expect(compareByUrgencyThenId(previous, current, now)).toBeLessThanOrEqual(0);
          expect(Math.sign(compareByUrgencyThenId(current, previous, now))).toBe(-Math.sign(compareByUrgencyThenId(previous, current, now)) || 0);
        }
      }),
    );
  });

  it('gives resolved incidents an infinite time left, never breached', () => {
    expect(urgencyKey({ severity: 'critical', priority: 'P0', nextDueAt: null }, NOW)).toEqual([1, 1, 0, 0, Number.POSITIVE_INFINITY]);
  });
});
