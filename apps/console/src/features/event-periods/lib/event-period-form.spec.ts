import type { EventPeriodDto } from '@netduty/contracts';
import { eventPeriodProblems } from '@netduty/domain';
import { eventPeriodDefinition, eventPeriodValues, eventProblemPath, isoToWallClock, wallClockToIso } from './event-period-form';

const stored: EventPeriodDto = {
  id: 'e1',
  name: 'Đại hội Đảng bộ tỉnh',
  startsAt: '2026-12-09T23:30:00.000Z',
  endsAt: '2026-12-12T10:00:00.000Z',
  active: false,
  p0SiteIds: ['s1', 's2'],
  slaFactor: 0.5,
  slaOverrides: { P0: { acknowledgeSeconds: 120, restoreSeconds: 3600 } },
  p0LeadershipLevel: 2,
  reportIntervalMinutes: 30,
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('event period editor values', () => {
  it('reads and writes times as the province’s wall clock, whatever the machine’s zone', () => {
    expect(isoToWallClock('2026-12-09T23:30:00.000Z')).toBe('2026-12-10T06:30');
    expect(wallClockToIso('2026-12-10T06:30')).toBe('2026-12-09T23:30:00.000Z');
    expect(wallClockToIso('2026-12-10')).toBe('');
  });

  it('round-trips a stored period, overrides only for the tiers that have one', () => {
    const values = eventPeriodValues(stored);
    expect(values.overrides.P0).toEqual({ enabled: true, acknowledgeMinutes: 2, restoreMinutes: 60 });
    expect(values.overrides.P1.enabled).toBe(false);
    const { id, active, updatedAt, ...definition } = stored;
    expect({ id, active, updatedAt }).toBeDefined();
    expect(eventPeriodDefinition(values)).toEqual(definition);
  });

  it('puts the domain’s problems on the editor’s fields', () => {
    const values = eventPeriodValues(stored);
    values.endsAt = values.startsAt;
    values.overrides.P1 = { enabled: true, acknowledgeMinutes: 0, restoreMinutes: 60 };
    const definition = eventPeriodDefinition(values);
    const problems = eventPeriodProblems({ ...definition, startsAt: new Date(definition.startsAt), endsAt: new Date(definition.endsAt) });
    expect(problems.map((problem) => eventProblemPath(problem.field))).toEqual([['endsAt'], ['overrides', 'P1', 'acknowledgeMinutes']]);
    expect(eventProblemPath('p0SiteIds[1]')).toEqual(['p0SiteIds']);
    expect(eventProblemPath('elsewhere')).toBeNull();
  });
});
