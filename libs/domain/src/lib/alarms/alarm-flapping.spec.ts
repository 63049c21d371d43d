import { DEFAULT_FLAP_POLICY, isFlapping, reraiseReopens } from './alarm-flapping';

const now = new Date('2026-12-10T08:00:00.000Z');
const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('isFlapping', () => {
  it('flags three clears within the last ten minutes', () => {
    expect(isFlapping([minutesBefore(9), minutesBefore(5), minutesBefore(1)], now, DEFAULT_FLAP_POLICY)).toBe(true);
  });

  it('does not flag two clears', () => {
    expect(isFlapping([minutesBefore(5), minutesBefore(1)], now, DEFAULT_FLAP_POLICY)).toBe(false);
  });

  it('forgets clears older than the window', () => {
    expect(isFlapping([minutesBefore(11), minutesBefore(5), minutesBefore(1)], now, DEFAULT_FLAP_POLICY)).toBe(false);
  });

  it('counts a clear exactly at the start of the window', () => {
    expect(isFlapping([minutesBefore(10), minutesBefore(5), now], now, DEFAULT_FLAP_POLICY)).toBe(true);
  });

  it('does not count a clear stamped after now', () => {
    expect(isFlapping([minutesBefore(5), minutesBefore(1), new Date(now.getTime() + 60_000)], now, DEFAULT_FLAP_POLICY)).toBe(false);
  });

  it('follows a stricter policy', () => {
    expect(isFlapping([minutesBefore(20), minutesBefore(2)], now, { cycles: 2, windowSeconds: 30 * 60 })).toBe(true);
  });

  it('refuses a policy that cannot be applied', () => {
    expect(() => isFlapping([], now, { cycles: 0, windowSeconds: 600 })).toThrow(RangeError);
    expect(() => isFlapping([], now, { cycles: 3, windowSeconds: -1 })).toThrow(RangeError);
  });
});

describe('reraiseReopens', () => {
  const resolvedAt = new Date('2026-12-10T07:00:00.000Z');

  it('reopens when the alarm comes back within the window', () => {
    expect(reraiseReopens(resolvedAt, new Date('2026-12-10T07:09:59.000Z'), 600)).toBe(true);
    expect(reraiseReopens(resolvedAt, new Date('2026-12-10T07:10:00.000Z'), 600)).toBe(true);
  });

  it('opens a new incident once the window has passed', () => {
    expect(reraiseReopens(resolvedAt, new Date('2026-12-10T07:10:01.000Z'), 600)).toBe(false);
  });

  it('reopens for an alarm raised before the resolution and delivered late', () => {
    expect(reraiseReopens(resolvedAt, new Date('2026-12-10T06:55:00.000Z'), 600)).toBe(true);
  });

  it('has nothing to reopen when nothing was resolved', () => {
    expect(reraiseReopens(null, resolvedAt, 600)).toBe(false);
  });
});
