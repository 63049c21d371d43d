import i18next from 'i18next';
import { en } from '../i18n/locales/en';
import { vi } from '../i18n/locales/vi';
import { countdownState, durationPhrase, formatClock, formatCountdown } from './countdown';

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

describe('countdowns in words', () => {
  async function translatorFor(language: 'vi' | 'en') {
    const instance = i18next.createInstance();
    await instance.init({ lng: language, resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
    return instance.t;
  }

  it('picks seconds under a minute, whole minutes under an hour, hours and two-digit minutes beyond', () => {
    expect(durationPhrase(45)).toEqual({ key: 'duration.seconds', values: { seconds: 45 } });
    expect(durationPhrase(12 * 60 + 59)).toEqual({ key: 'duration.minutes', values: { minutes: 12 } });
    expect(durationPhrase(3600 + 5 * 60 + 30)).toEqual({ key: 'duration.hoursMinutes', values: { hours: 1, minutes: '05' } });
    expect(durationPhrase(49 * 3600)).toEqual({ key: 'duration.hoursMinutes', values: { hours: 49, minutes: '00' } });
    expect(durationPhrase(-3)).toEqual({ key: 'duration.seconds', values: { seconds: 0 } });
  });

  it('reads "12 phút", "1 giờ 05 phút" and "quá hạn 3 phút" in Vietnamese', async () => {
    const t = await translatorFor('vi');
    expect(formatCountdown(t, { seconds: 12 * 60 + 30, overdue: false })).toBe('12 phút');
    expect(formatCountdown(t, { seconds: 3600 + 5 * 60, overdue: false })).toBe('1 giờ 05 phút');
    expect(formatCountdown(t, { seconds: 3 * 60 + 40, overdue: true })).toBe('quá hạn 3 phút');
    expect(formatCountdown(t, { seconds: 20, overdue: false })).toBe('20 giây');
  });

  it('reads "12 min", "1 h 05 min" and "3 min overdue" in English', async () => {
    const t = await translatorFor('en');
    expect(formatCountdown(t, { seconds: 12 * 60, overdue: false })).toBe('12 min');
    expect(formatCountdown(t, { seconds: 3600 + 5 * 60 + 59, overdue: false })).toBe('1 h 05 min');
    expect(formatCountdown(t, { seconds: 3 * 60, overdue: true })).toBe('3 min overdue');
    expect(formatCountdown(t, { seconds: 2 * 3600, overdue: true })).toBe('2 h 00 min overdue');
  });

  it('never overstates the time left: 59 s before a deadline is "59 giây", not a minute', () => {
    const state = countdownState(DUE - 59_000, START, DUE);
    expect(durationPhrase(state.seconds)).toEqual({ key: 'duration.seconds', values: { seconds: 59 } });
  });
});
