import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { OnDutyGroup, Rotation } from './roster';
import { onDutyAt } from './on-duty-at';
import { shiftsBetween } from './shifts-between';

/**
 * Time-zone-shifted schedules: templates are local wall-clock time of the group's zone, evaluated with
 * instants only. Expected local readings are computed here with Intl, independently of the code.
 */
const localReading = (instant: Date, timeZone: string) => instant.toLocaleString('sv-SE', { timeZone }).slice(0, 16);

function rotation(templates: Rotation['templates']): Rotation {
  return {
    id: 'rot',
    templates,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    anchorDate: '2026-01-01',
    crews: [{ memberIds: ['a'], leadId: 'a' }, { memberIds: ['b'], leadId: 'b' }, { memberIds: ['c'], leadId: 'c' }],
    effectiveFrom: new Date('2025-01-01T00:00:00Z'),
    effectiveUntil: null,
  };
}

const threeShifts: Rotation['templates'] = [
  { id: 'early', startTime: '06:00', endTime: '14:00' },
  { id: 'late', startTime: '14:00', endTime: '22:00' },
  { id: 'night', startTime: '22:00', endTime: '06:00' },
];

function groupIn(timeZone: string, templates = threeShifts): OnDutyGroup {
  return { id: 'g', timeZone, rotations: [rotation(templates)], oneOffShifts: [], overrides: [], swaps: [] };
}

/**
 * Evaluates groups in a fresh Node process whose TZ is `processTz` (jest's sandbox cannot change the zone
 * of its own process): the output must not depend on it.
 */
function evaluateUnderProcessTz(processTz: string, groups: OnDutyGroup[], from: Date, to: Date): { offset: number; shifts: string[] } {
  const script = `
    const { shiftsBetween } = require(${JSON.stringify(join(__dirname, 'shifts-between.ts'))});
    const revive = (key, value) => (typeof value === 'string' && /^\\d{4}-\\d{2}-\\d{2}T/.test(value) ? new Date(value) : value);
    const { groups, from, to } = JSON.parse(process.env.ROSTER_INPUT, revive);
    const shifts = groups.flatMap((group) => shiftsBetween(group, from, to)).map(
      (shift) => shift.templateId + ' ' + shift.startsAt.toISOString() + ' ' + shift.endsAt.toISOString() + ' ' + shift.leadId,
    );
    process.stdout.write(JSON.stringify({ offset: new Date('2026-03-28T12:00:00Z').getTimezoneOffset(), shifts }));
  `;
  const output = execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TZ: processTz,
      ROSTER_INPUT: JSON.stringify({ groups, from, to }),
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_SKIP_PROJECT: 'true',
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', target: 'es2022' }),
    },
  });
  return JSON.parse(output) as { offset: number; shifts: string[] };
}

describe('rosters across time zones', () => {
  it('computes the same instants whatever the process TZ (instants only, never the local clock of the machine)', () => {
    const groups = [groupIn('Asia/Ho_Chi_Minh'), groupIn('Europe/Berlin')];
    const from = new Date('2026-03-27T00:00:00Z');
    const to = new Date('2026-03-31T00:00:00Z');
    const inJest = groups.flatMap((group) =>
      shiftsBetween(group, from, to).map(
        (shift) => `${shift.templateId} ${shift.startsAt.toISOString()} ${shift.endsAt.toISOString()} ${shift.leadId}`,
      ),
    );
    // 06:00 on 27 March in Hanoi; day 85 since the anchor, first shift: 85 × 3 ≡ 0 (mod 3), crew a.
    expect(inJest[0]).toBe('early 2026-03-26T23:00:00.000Z 2026-03-27T07:00:00.000Z a');
    const offsets = new Set<number>();
    for (const processTz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const { offset, shifts } = evaluateUnderProcessTz(processTz, groups, from, to);
      offsets.add(offset);
      expect(shifts).toEqual(inJest);
    }
    // The child processes really ran in four different zones.
    expect(offsets.size).toBe(4);
  });

  it('starts every Berlin shift at its local wall-clock time across the spring-forward change', () => {
    const shifts = shiftsBetween(groupIn('Europe/Berlin'), new Date('2026-03-28T05:00:00Z'), new Date('2026-03-30T04:00:00Z'));
    expect(shifts.map((shift) => `${localReading(shift.startsAt, 'Europe/Berlin')} ${shift.startsAt.toISOString().slice(11, 16)}Z`)).toEqual([
      '2026-03-28 06:00 05:00Z',
      '2026-03-28 14:00 13:00Z',
      '2026-03-28 22:00 21:00Z',
      '2026-03-29 06:00 04:00Z', // CEST from 02:00 on 29 March: 06:00 is now 04:00 UTC
      '2026-03-29 14:00 12:00Z',
      '2026-03-29 22:00 20:00Z',
    ]);
    const night = shifts[2];
    expect(night && (night.endsAt.getTime() - night.startsAt.getTime()) / 3600_000).toBe(7);
    shifts.slice(1).forEach((shift, index) => expect(shift.startsAt).toEqual(shifts[index]?.endsAt));
  });

  it('starts every Berlin shift at its local wall-clock time across the fall-back change', () => {
    const shifts = shiftsBetween(groupIn('Europe/Berlin'), new Date('2026-10-24T04:00:00Z'), new Date('2026-10-26T05:00:00Z'));
    expect(shifts.map((shift) => `${localReading(shift.startsAt, 'Europe/Berlin')} ${shift.startsAt.toISOString().slice(11, 16)}Z`)).toEqual([
      '2026-10-24 06:00 04:00Z',
      '2026-10-24 14:00 12:00Z',
      '2026-10-24 22:00 20:00Z',
      '2026-10-25 06:00 05:00Z', // CET from 03:00 on 25 October: 06:00 is now 05:00 UTC
      '2026-10-25 14:00 13:00Z',
      '2026-10-25 22:00 21:00Z',
    ]);
    const night = shifts[2];
    expect(night && (night.endsAt.getTime() - night.startsAt.getTime()) / 3600_000).toBe(9);
  });

  it('starts a shift set in the skipped hour when the clocks jump, and one in the repeated hour at its first pass', () => {
    const handover = groupIn('Europe/Berlin', [
      { id: 'first', startTime: '02:30', endTime: '12:00' },
      { id: 'second', startTime: '12:00', endTime: '02:30' },
    ]);
    const [spring] = onDutyAt(handover, new Date('2026-03-29T01:00:00Z'));
    expect(spring && [spring.templateId, spring.startsAt.toISOString()]).toEqual(['first', '2026-03-29T01:00:00.000Z']);
    const [autumn] = onDutyAt(handover, new Date('2026-10-25T00:30:00Z'));
    expect(autumn && [autumn.templateId, autumn.startsAt.toISOString()]).toEqual(['first', '2026-10-25T00:30:00.000Z']);
    // The shift ending at 02:30 on the spring day ends at the jump too: nobody is missing, nobody doubled.
    expect(onDutyAt(handover, new Date('2026-03-29T00:59:59Z')).map((shift) => shift.templateId)).toEqual(['second']);
  });

  it('keeps Hanoi at UTC+7 all year (no DST) and Kathmandu at +5:45 through the zone, not a fixed offset', () => {
    for (const day of ['2026-01-15', '2026-07-15']) {
      const [early] = onDutyAt(groupIn('Asia/Ho_Chi_Minh'), new Date(`${day}T00:00:00Z`));
      expect(early?.startsAt.toISOString()).toBe(`${previousDay(day)}T23:00:00.000Z`); // 06:00 local
    }
    const [kathmandu] = onDutyAt(groupIn('Asia/Kathmandu'), new Date('2026-07-15T01:00:00Z'));
    expect(kathmandu && [kathmandu.templateId, kathmandu.startsAt.toISOString()]).toEqual(['early', '2026-07-15T00:15:00.000Z']);
  });
});

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
