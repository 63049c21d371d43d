import { meanDurationPhrase, secondsToMinutes } from './durations';

describe('meanDurationPhrase', () => {
  it('says seconds under a minute', () => {
    expect(meanDurationPhrase(42.4)).toEqual({ key: 'dashboard.duration.seconds', values: { seconds: 42 } });
  });

  it('says whole minutes under an hour ("12 phút")', () => {
    expect(meanDurationPhrase(12 * 60 + 20)).toEqual({ key: 'dashboard.duration.minutes', values: { minutes: 12 } });
    expect(meanDurationPhrase(59.6)).toEqual({ key: 'dashboard.duration.minutes', values: { minutes: 1 } });
  });

  it('says hours and minutes under a day ("1 giờ 20 phút"), hours alone when the minutes round to none', () => {
    expect(meanDurationPhrase(80 * 60)).toEqual({ key: 'dashboard.duration.hoursMinutes', values: { hours: 1, minutes: 20 } });
    expect(meanDurationPhrase(2 * 3600 - 15)).toEqual({ key: 'dashboard.duration.hours', values: { hours: 2 } });
    expect(meanDurationPhrase(59 * 60 + 50)).toEqual({ key: 'dashboard.duration.hours', values: { hours: 1 } });
  });

  it('says days and hours from a day on', () => {
    expect(meanDurationPhrase(27 * 3600 + 10 * 60)).toEqual({ key: 'dashboard.duration.daysHours', values: { days: 1, hours: 3 } });
    expect(meanDurationPhrase(2 * 86400 + 600)).toEqual({ key: 'dashboard.duration.days', values: { days: 2 } });
    expect(meanDurationPhrase(86400 - 10)).toEqual({ key: 'dashboard.duration.days', values: { days: 1 } });
  });

  it('never goes below zero', () => {
    expect(meanDurationPhrase(-5)).toEqual({ key: 'dashboard.duration.seconds', values: { seconds: 0 } });
  });
});

describe('secondsToMinutes', () => {
  it('gives minutes with one decimal, and keeps a missing mean missing', () => {
    expect(secondsToMinutes(90)).toBe(1.5);
    expect(secondsToMinutes(754)).toBe(12.6);
    expect(secondsToMinutes(null)).toBeNull();
  });
});
