import fc from 'fast-check';
import { tightenedDeadline } from './tightened-deadline';

const startsAt = new Date('2026-12-10T00:00:00.000Z');
const dueAt = new Date('2026-12-10T04:00:00.000Z');
const iso = (date: Date) => date.toISOString();

describe('tightened deadline', () => {
  it('moves a running deadline earlier to the start plus the new window', () => {
    expect(iso(tightenedDeadline({ startsAt, dueAt }, 2 * 3600, new Date('2026-12-10T01:00:00Z')))).toBe('2026-12-10T02:00:00.000Z');
  });

  it('never stretches: a longer new window keeps the current due time', () => {
    expect(iso(tightenedDeadline({ startsAt, dueAt }, 8 * 3600, new Date('2026-12-10T01:00:00Z')))).toBe(iso(dueAt));
  });

  it('does not breach retroactively: a window already passed becomes due at the switch', () => {
    expect(iso(tightenedDeadline({ startsAt, dueAt }, 1800, new Date('2026-12-10T01:00:00Z')))).toBe('2026-12-10T01:00:00.000Z');
  });

  it('leaves a deadline already due before the switch as it was', () => {
    expect(iso(tightenedDeadline({ startsAt, dueAt }, 1800, new Date('2026-12-10T05:00:00Z')))).toBe(iso(dueAt));
  });

  it('refuses a window that is not a duration', () => {
    expect(() => tightenedDeadline({ startsAt, dueAt }, -1, startsAt)).toThrow(RangeError);
    expect(() => tightenedDeadline({ startsAt, dueAt }, Number.NaN, startsAt)).toThrow(RangeError);
  });

  it('only ever tightens, and never moves a live deadline before the switch (property)', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 24 * 3600 }), fc.integer({ min: 0, max: 30 * 24 * 3600 }), instant, (start, window, newWindow, at) => {
        const running = { startsAt: new Date(start), dueAt: new Date(start + window * 1000) };
        const result = tightenedDeadline(running, newWindow, new Date(at)).getTime();
        const due = running.dueAt.getTime();
        expect(result).toBeLessThanOrEqual(due);
        // Either unchanged, or the new window from the start, or the switch itself.
        expect([due, start + newWindow * 1000, at]).toContain(result);
        if (due >= at) expect(result).toBeGreaterThanOrEqual(at);
        else expect(result).toBe(due);
        // Tightening twice with the same window changes nothing more.
        expect(tightenedDeadline({ startsAt: running.startsAt, dueAt: new Date(result) }, newWindow, new Date(at)).getTime()).toBe(result);
      }),
      { numRuns: 2000 },
    );
  });
});
