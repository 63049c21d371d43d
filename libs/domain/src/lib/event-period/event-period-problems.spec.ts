import type { EventPeriod } from './event-period';
import { eventPeriodProblems } from './event-period-problems';

function valid(overrides: Partial<EventPeriod> = {}): EventPeriod {
  return {
    name: 'Đại hội Đảng bộ tỉnh lần thứ XVII',
    startsAt: new Date('2026-12-10T00:00:00Z'),
    endsAt: new Date('2026-12-13T10:00:00Z'),
    p0SiteIds: ['venue', 'hotel'],
    slaFactor: 0.5,
    slaOverrides: { P0: { acknowledgeSeconds: 120, restoreSeconds: 3600 } },
    p0LeadershipLevel: 1,
    reportIntervalMinutes: 60,
    ...overrides,
  };
}

describe('event period problems', () => {
  it('accepts a sound period, and one without factor or leadership', () => {
    expect(eventPeriodProblems(valid())).toEqual([]);
    expect(eventPeriodProblems(valid({ slaFactor: null, p0LeadershipLevel: null, slaOverrides: {} }))).toEqual([]);
  });

  it('checks the name', () => {
    expect(eventPeriodProblems(valid({ name: ' ' }))).toEqual([{ field: 'name', code: 'required' }]);
    expect(eventPeriodProblems(valid({ name: 'x'.repeat(161) }))).toEqual([{ field: 'name', code: 'too_long', params: { max: 160 } }]);
  });

  it('checks the instants: valid, end after start, not longer than the cap', () => {
    expect(eventPeriodProblems(valid({ startsAt: new Date('nope') }))).toEqual([{ field: 'startsAt', code: 'not_a_date' }]);
    expect(eventPeriodProblems(valid({ endsAt: new Date('nope') }))).toEqual([{ field: 'endsAt', code: 'not_a_date' }]);
    expect(eventPeriodProblems(valid({ endsAt: new Date('2026-12-10T00:00:00Z') }))).toEqual([
      { field: 'endsAt', code: 'before_other_field', params: { field: 'startsAt' } },
    ]);
    expect(eventPeriodProblems(valid({ endsAt: new Date('2027-05-01T00:00:00Z') }))).toEqual([
      { field: 'endsAt', code: 'invalid', params: { rule: 'max_duration_days', max: 120 } },
    ]);
  });

  it('names a site listed twice and a list over the cap', () => {
    expect(eventPeriodProblems(valid({ p0SiteIds: ['a', 'b', 'a'] }))).toEqual([{ field: 'p0SiteIds[2]', code: 'already_used' }]);
    const many = Array.from({ length: 501 }, (_, index) => `s-${index}`);
    expect(eventPeriodProblems(valid({ p0SiteIds: many }))).toEqual([{ field: 'p0SiteIds', code: 'too_many_items', params: { max: 500 } }]);
  });

  it('keeps the factor within 0.1..1', () => {
    expect(eventPeriodProblems(valid({ slaFactor: 0.05 }))).toEqual([{ field: 'slaFactor', code: 'too_small', params: { min: 0.1 } }]);
    expect(eventPeriodProblems(valid({ slaFactor: 1.5 }))).toEqual([{ field: 'slaFactor', code: 'too_large', params: { max: 1 } }]);
    expect(eventPeriodProblems(valid({ slaFactor: Number.NaN }))).toEqual([{ field: 'slaFactor', code: 'not_a_number' }]);
  });

  it('checks each override as an SLA window, under its tier', () => {
    expect(eventPeriodProblems(valid({ slaOverrides: { P1: { acknowledgeSeconds: 0, restoreSeconds: 60 }, P2: { acknowledgeSeconds: 600, restoreSeconds: 60 } } }))).toEqual([
      { field: 'slaOverrides.P1.acknowledgeSeconds', code: 'too_small', params: { min: 1 } },
      { field: 'slaOverrides.P2.restoreSeconds', code: 'less_than_other_field', params: { field: 'acknowledgeSeconds' } },
    ]);
  });

  it('keeps the leadership level a level a policy can have', () => {
    expect(eventPeriodProblems(valid({ p0LeadershipLevel: 0 }))).toEqual([{ field: 'p0LeadershipLevel', code: 'too_small', params: { min: 1 } }]);
    expect(eventPeriodProblems(valid({ p0LeadershipLevel: 9 }))).toEqual([{ field: 'p0LeadershipLevel', code: 'too_large', params: { max: 8 } }]);
    expect(eventPeriodProblems(valid({ p0LeadershipLevel: 1.5 }))).toEqual([{ field: 'p0LeadershipLevel', code: 'not_an_integer' }]);
  });

  it('keeps the report interval within 5 minutes .. a day', () => {
    expect(eventPeriodProblems(valid({ reportIntervalMinutes: 4 }))).toEqual([{ field: 'reportIntervalMinutes', code: 'too_small', params: { min: 5 } }]);
    expect(eventPeriodProblems(valid({ reportIntervalMinutes: 1441 }))).toEqual([{ field: 'reportIntervalMinutes', code: 'too_large', params: { max: 1440 } }]);
    expect(eventPeriodProblems(valid({ reportIntervalMinutes: 7.5 }))).toEqual([{ field: 'reportIntervalMinutes', code: 'not_an_integer' }]);
  });
});
