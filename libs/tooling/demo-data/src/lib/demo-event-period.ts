/** The demo event period: the provincial Party Congress, three days from the seed, with the venue's sites as P0. */
import type { OperatorCode } from '@netduty/contracts';
import { P0_SITES } from './site-codes';

const DAY_MS = 86_400_000;

export const DEMO_EVENT_PERIOD = {
  name: 'Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII, nhiệm kỳ 2025–2030',
  startsInDays: 3,
  lastsDays: 3,
  slaFactor: 0.5,
  p0LeadershipLevel: 2,
  reportIntervalMinutes: 120,
} as const;

/** The sites serving the venue, the Party Committee and People's Committee offices, the delegates' hotels and the press centre. */
export const EVENT_P0_SITE_KEYS: readonly { operatorCode: OperatorCode; name: string }[] = P0_SITES.map((site) => ({ operatorCode: site.operator, name: site.name }));

export function demoEventPeriodWindow(now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(now.getTime() + DEMO_EVENT_PERIOD.startsInDays * DAY_MS);
  return { startsAt, endsAt: new Date(startsAt.getTime() + DEMO_EVENT_PERIOD.lastsDays * DAY_MS) };
}
