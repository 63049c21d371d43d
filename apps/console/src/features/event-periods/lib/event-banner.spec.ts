import type { EventPeriodDto } from '@netduty/contracts';
import { eventBannerAt, longDuration } from './event-banner';

function period(id: string, startsAt: string, endsAt: string, active = false): EventPeriodDto {
  return {
    id,
    name: `Đại hội ${id}`,
    startsAt,
    endsAt,
    active,
    p0SiteIds: [],
    slaFactor: null,
    slaOverrides: {},
    p0LeadershipLevel: null,
    reportIntervalMinutes: 60,
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const now = Date.parse('2026-12-07T03:00:00.000Z');

describe('the event banner', () => {
  it('shows the running period and the time to its end', () => {
    const running = period('a', '2026-12-07T00:00:00.000Z', '2026-12-07T05:30:00.000Z', true);
    expect(eventBannerAt({ active: running, next: null }, now)).toEqual({ kind: 'active', id: 'a', name: 'Đại hội a', secondsLeft: 2.5 * 3600 });
  });

  it('announces the next period within seven days, not one further away', () => {
    const soon = period('b', '2026-12-09T06:00:00.000Z', '2026-12-12T10:00:00.000Z');
    expect(eventBannerAt({ active: null, next: soon }, now)).toEqual({ kind: 'upcoming', id: 'b', name: 'Đại hội b', secondsToStart: 2 * 86_400 + 3 * 3600 });
    const far = period('c', '2026-12-14T03:00:01.000Z', '2026-12-20T00:00:00.000Z');
    expect(eventBannerAt({ active: null, next: far }, now)).toBeNull();
  });

  it('turns over at the period’s own times between two polls', () => {
    const started = period('d', '2026-12-07T02:59:00.000Z', '2026-12-07T04:00:00.000Z');
    expect(eventBannerAt({ active: null, next: started }, now)).toMatchObject({ kind: 'active', id: 'd', secondsLeft: 3600 });
    const ended = period('e', '2026-12-06T00:00:00.000Z', '2026-12-07T03:00:00.000Z', true);
    expect(eventBannerAt({ active: ended, next: null }, now)).toBeNull();
    expect(eventBannerAt(undefined, now)).toBeNull();
  });

  it('words a long wait in days and hours, a short one in seconds', () => {
    expect(longDuration(2 * 86_400 + 3 * 3600 + 59 * 60)).toEqual({ days: 2, hours: '03' });
    expect(longDuration(86_399)).toEqual({ seconds: 86_399 });
    expect(longDuration(-5)).toEqual({ seconds: 0 });
  });
});
