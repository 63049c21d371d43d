import fc from 'fast-check';
import { formatLocalTime } from './local-calendar';
import { onDutyAt } from './on-duty-at';
import type { OnDutyGroup, ShiftOverride } from './roster';
import { shiftsBetween } from './shifts-between';

/** Zones with DST (one at 30 minutes, two switching at local midnight), an odd offset and none. */
const ZONES = [
  'Asia/Ho_Chi_Minh',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
] as const;
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2028-12-31T00:00:00Z');

/**
 * Daily templates that tile the local day: cut points (minutes) on the day's circle, each to the next;
 * half of them on the quarter hours of 00:00–04:00, where the zones' clocks jump or repeat.
 */
const cutPoint = fc.oneof(
  fc.integer({ min: 0, max: 24 * 60 - 1 }),
  fc.integer({ min: 0, max: 16 }).map((quarter) => quarter * 15),
);
const tilingTemplates = fc
  .uniqueArray(cutPoint, { minLength: 1, maxLength: 6 })
  .map((cuts) => [...cuts].sort((a, b) => a - b))
  .map((cuts) =>
    cuts.map((cut, index) => ({
      id: `t${index}`,
      startTime: formatLocalTime(cut),
      endTime: formatLocalTime(cuts[(index + 1) % cuts.length] ?? cut),
    })),
  );

const uniformInstant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));

/** Where each zone's offset changes (found by Intl, independently of the code): uniform instants seldom land near one. */
function offsetChanges(timeZone: string): number[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const offset = (ms: number) => {
    const parts = format.formatToParts(ms);
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - ms;
  };
  const changes: number[] = [];
  const step = 6 * 3600_000;
  let previous = offset(FROM);
  for (let ms = FROM + step; ms < TO; ms += step) {
    const current = offset(ms);
    if (current !== previous) changes.push(ms);
    previous = current;
  }
  return changes;
}
const TRANSITIONS = ZONES.flatMap(offsetChanges);
const nearTransition = fc
  .record({ transition: fc.constantFrom(...TRANSITIONS), shift: fc.integer({ min: -36 * 3600_000, max: 42 * 3600_000 }) })
  .map(({ transition, shift }) => new Date(transition + shift));
const instant = fc.oneof(uniformInstant, nearTransition);

const override: fc.Arbitrary<ShiftOverride> = fc
  .record({ start: fc.integer({ min: FROM, max: TO }), hours: fc.integer({ min: 1, max: 72 }), id: fc.uuid() })
  .map(({ start, hours, id }) => ({
    id,
    startsAt: new Date(start),
    endsAt: new Date(start + hours * 3600_000),
    memberIds: [`o-${id}`],
    leadId: `o-${id}`,
  }));

function tilingGroup(timeZone: string, templates: OnDutyGroup['rotations'][number]['templates'], crews: number, overrides: ShiftOverride[]): OnDutyGroup {
  return {
    id: 'g',
    timeZone,
    rotations: [
      {
        id: 'r',
        templates,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        anchorDate: '2026-06-15',
        crews: Array.from({ length: crews }, (_, index) => ({ memberIds: [`m${index}`], leadId: `m${index}` })),
        effectiveFrom: new Date('2025-01-01T00:00:00Z'),
        effectiveUntil: null,
      },
    ],
    oneOffShifts: [],
    overrides,
    swaps: [],
  };
}

describe('onDutyAt: properties', () => {
  it('looks near DST changes (the zones change offset in the years drawn from)', () => {
    expect(TRANSITIONS.length).toBeGreaterThanOrEqual(6 * 5);
  });

  it('finds exactly one shift covering every instant when the templates tile the day, in any zone, with or without overrides', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        tilingTemplates,
        fc.integer({ min: 1, max: 5 }),
        fc.array(override, { maxLength: 3 }),
        instant,
        (timeZone, templates, crews, overrides, at) => {
          const covering = onDutyAt(tilingGroup(timeZone, templates, crews, overrides), at);
          expect(covering).toHaveLength(1);
          const [shift] = covering;
          expect(shift && shift.startsAt.getTime() <= at.getTime() && at.getTime() < shift.endsAt.getTime()).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists back-to-back shifts (each ends where the next starts) over any window when the templates tile the day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        tilingTemplates,
        instant,
        fc.integer({ min: 1, max: 72 }),
        (timeZone, templates, from, hours) => {
          const to = new Date(from.getTime() + hours * 3600_000);
          const shifts = shiftsBetween(tilingGroup(timeZone, templates, 3, []), from, to);
          expect(shifts[0] && shifts[0].startsAt.getTime() <= from.getTime()).toBe(true);
          const last = shifts.at(-1);
          expect(last && last.endsAt.getTime() >= to.getTime()).toBe(true);
          shifts.slice(1).forEach((shift, index) => expect(shift.startsAt).toEqual(shifts[index]?.endsAt));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists back-to-back shifts over every DST change, with handovers set inside the skipped or repeated hour', () => {
    const nightCuts = fc.uniqueArray(fc.integer({ min: 0, max: 16 }).map((quarter) => quarter * 15), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(...TRANSITIONS), nightCuts, (transition, cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const templates = sorted.map((cut, index) => ({
          id: `t${index}`,
          startTime: formatLocalTime(cut),
          endTime: formatLocalTime(sorted[(index + 1) % sorted.length] ?? cut),
        }));
        for (const timeZone of ZONES) {
          const shifts = shiftsBetween(tilingGroup(timeZone, templates, 2, []), new Date(transition - 30 * 3600_000), new Date(transition + 36 * 3600_000));
          shifts.slice(1).forEach((shift, index) => expect(shift.startsAt).toEqual(shifts[index]?.endsAt));
        }
      }),
      { numRuns: 100 },
    );
  });
});
