import { countdownState, formatClock } from './countdown';

const START = Date.parse('2026-11-22T02:00:00Z');
const DUE = START + 10 * 60_000; // a 10-minute window

describe('formatClock', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatClock(272)).toBe('04:32');
    expect(formatClock(0)).toBe('00:00');
  });

  it('shows hours without wrapping them into days', () => {
    expect(formatClock(3600 + 4 * 60 + 32)).toBe('1:04:32');
    expect(formatClock(49 * 3600)).toBe('49:00:00');
  });

  it('never shows a negative clock', () => {
    expect(formatClock(-5)).toBe('00:00');
  });
});

describe('countdownState', () => {
  it('is normal early in the window and counts down whole seconds, rounding up', () => {
    const state = countdownState(START + 60_000 + 200, START, DUE);
    expect(state).toEqual({ urgency: 'normal', seconds: 540, overdue: false, clock: '09:00' });
  });

  it('turns amber past 75 % of the window', () => {
    expect(countdownState(START + 7.5 * 60_000, START, DUE).urgency).toBe('warning');
    expect(countdownState(START + 7.4 * 60_000, START, DUE).urgency).toBe('normal');
  });

  it('is breached at the deadline and counts the time overdue', () => {
    expect(countdownState(DUE, START, DUE)).toMatchObject({ urgency: 'breached', overdue: true, clock: '00:00' });
    expect(countdownState(DUE + 72_900, START, DUE)).toMatchObject({ urgency: 'breached', seconds: 72, clock: '01:12' });
  });

  it('never shows "00:00 left" just before the deadline', () => {
    expect(countdownState(DUE - 200, START, DUE)).toMatchObject({ overdue: false, clock: '00:01' });
  });
});
