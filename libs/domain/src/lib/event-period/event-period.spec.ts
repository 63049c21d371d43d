import { activeEventPeriod, isEventActive, nextSituationReportAt, type EventPeriod } from './event-period';

const congress = (overrides: Partial<EventPeriod> = {}): EventPeriod => ({
  id: 'congress',
  name: 'Đại hội XVII',
  startsAt: new Date('2026-12-10T00:00:00.000Z'),
  endsAt: new Date('2026-12-13T10:00:00.000Z'),
  p0SiteIds: [],
  slaFactor: null,
  slaOverrides: {},
  p0LeadershipLevel: null,
  reportIntervalMinutes: 120,
  ...overrides,
});

describe('event period activity', () => {
  it('is on from its start and off at its end', () => {
    const period = congress();
    expect(isEventActive(period, new Date('2026-12-09T23:59:59.999Z'))).toBe(false);
    expect(isEventActive(period, new Date('2026-12-10T00:00:00.000Z'))).toBe(true);
    expect(isEventActive(period, new Date('2026-12-13T09:59:59.999Z'))).toBe(true);
    expect(isEventActive(period, new Date('2026-12-13T10:00:00.000Z'))).toBe(false);
  });

  it('picks the period in force, or none', () => {
    const before = congress({ id: 'drill', name: 'Diễn tập', startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-02T00:00:00Z') });
    const periods = [before, congress()];
    expect(activeEventPeriod(periods, new Date('2026-12-01T12:00:00Z'))?.id).toBe('drill');
    expect(activeEventPeriod(periods, new Date('2026-12-11T12:00:00Z'))?.id).toBe('congress');
    expect(activeEventPeriod(periods, new Date('2026-12-05T00:00:00Z'))).toBeNull();
    expect(activeEventPeriod([], new Date())).toBeNull();
  });

  it('resolves overlapping periods to the one started last, then by id, then name, in any order', () => {
    const at = new Date('2026-12-11T00:00:00Z');
    const weeks = congress({ id: 'weeks', startsAt: new Date('2026-11-20T00:00:00Z') });
    const days = congress({ id: 'days' });
    expect(activeEventPeriod([weeks, days], at)?.id).toBe('days');
    expect(activeEventPeriod([days, weeks], at)?.id).toBe('days');
    const twin = congress({ id: 'a-twin' });
    expect(activeEventPeriod([days, twin], at)?.id).toBe('a-twin');
    expect(activeEventPeriod([twin, days], at)?.id).toBe('a-twin');
    const unnamedB = congress({ id: undefined, name: 'B' });
    const unnamedA = congress({ id: undefined, name: 'A' });
    expect(activeEventPeriod([unnamedB, unnamedA], at)?.name).toBe('A');
  });
});

describe('situation reports', () => {
  const period = congress();

  it('are due from the start, every interval, strictly before the end', () => {
    expect(nextSituationReportAt(period, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(nextSituationReportAt(period, new Date('2026-12-10T00:00:00Z'))?.toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(nextSituationReportAt(period, new Date('2026-12-10T00:00:00.001Z'))?.toISOString()).toBe('2026-12-10T02:00:00.000Z');
    expect(nextSituationReportAt(period, new Date('2026-12-13T07:30:00Z'))?.toISOString()).toBe('2026-12-13T08:00:00.000Z');
    expect(nextSituationReportAt(period, new Date('2026-12-13T08:00:01Z'))).toBeNull();
    expect(nextSituationReportAt(period, new Date('2026-12-14T00:00:00Z'))).toBeNull();
  });

  it('refuses an interval that is not a duration', () => {
    expect(() => nextSituationReportAt(congress({ reportIntervalMinutes: 0 }), new Date())).toThrow(RangeError);
    expect(() => nextSituationReportAt(congress({ reportIntervalMinutes: Number.NaN }), new Date())).toThrow(RangeError);
  });
});
