import { onDutyAt, onDutyUserIds } from './on-duty-at';
import type { OnDutyGroup, Rotation, ShiftOccurrence } from './roster';
import { shiftsBetween } from './shifts-between';

const HANOI = 'Asia/Ho_Chi_Minh';
const crewNames: readonly string[] = ['A', 'B', 'C', 'D'];

/** Three shifts a day in Hanoi (07–15, 15–23, 23–07), four crews taking turns, from 1 January 2026. */
function threeShiftRotation(overrides: Partial<Rotation> = {}): Rotation {
  return {
    id: 'rot-3ca',
    templates: [
      { id: 'night', startTime: '23:00', endTime: '07:00' },
      { id: 'morning', startTime: '07:00', endTime: '15:00' },
      { id: 'afternoon', startTime: '15:00', endTime: '23:00' },
    ],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    anchorDate: '2026-01-01',
    crews: crewNames.map((name) => ({ memberIds: [`${name}-lead`, `${name}-officer`], leadId: `${name}-lead` })),
    effectiveFrom: new Date('2025-12-31T17:00:00Z'),
    effectiveUntil: null,
    ...overrides,
  };
}

function group(parts: Partial<OnDutyGroup> = {}): OnDutyGroup {
  return { id: 'to-truc-so', timeZone: HANOI, rotations: [threeShiftRotation()], oneOffShifts: [], overrides: [], swaps: [], ...parts };
}

const iso = (value: string) => new Date(value);
const crewOf = (occurrence: ShiftOccurrence) => occurrence.leadId.split('-')[0];
const summary = (occurrence: ShiftOccurrence) => ({
  templateId: occurrence.templateId,
  source: occurrence.source,
  startsAt: occurrence.startsAt.toISOString(),
  endsAt: occurrence.endsAt.toISOString(),
  leadId: occurrence.leadId,
});
/** Local wall-clock reading in Hanoi, computed independently of the code under test. */
const hanoi = (instant: Date) => instant.toLocaleString('sv-SE', { timeZone: HANOI }).slice(0, 16);

describe('shiftsBetween: a three-shift rotation in Hanoi', () => {
  it('starts the 07:00 shift at 00:00 UTC, not at 07:00 UTC (local wall-clock time, not UTC)', () => {
    const [first] = shiftsBetween(group(), iso('2026-03-10T00:00:00Z'), iso('2026-03-10T00:00:01Z'));
    expect(first && summary(first)).toMatchObject({
      templateId: 'morning',
      startsAt: '2026-03-10T00:00:00.000Z',
      endsAt: '2026-03-10T08:00:00.000Z',
    });
  });

  it('gives the first occurrence on the anchor date to the first crew and each next one to the next crew', () => {
    const shifts = shiftsBetween(group(), iso('2025-12-31T17:00:00Z'), iso('2026-01-02T17:00:00Z'));
    expect(shifts.map((shift) => `${hanoi(shift.startsAt)} ${shift.templateId} ${crewOf(shift)}`)).toEqual([
      '2026-01-01 07:00 morning A',
      '2026-01-01 15:00 afternoon B',
      '2026-01-01 23:00 night C',
      '2026-01-02 07:00 morning D',
      '2026-01-02 15:00 afternoon A',
      '2026-01-02 23:00 night B',
    ]);
  });

  it('runs the 23:00–07:00 shift across midnight into the next local day', () => {
    const [night, ...others] = onDutyAt(group(), iso('2026-03-10T17:00:00Z')); // 00:00 on 11 March in Hanoi
    expect(others).toEqual([]);
    expect(night && summary(night)).toMatchObject({
      templateId: 'night',
      startsAt: '2026-03-10T16:00:00.000Z',
      endsAt: '2026-03-11T00:00:00.000Z',
    });
    expect(night && [hanoi(night.startsAt), hanoi(night.endsAt)]).toEqual(['2026-03-10 23:00', '2026-03-11 07:00']);
  });

  it.each([
    ['31 January → 1 February', '2026-01-31'],
    ['28 February → 1 March (common year)', '2026-02-28'],
    ['28 → 29 February (leap year)', '2028-02-28'],
    ['29 February → 1 March (leap year)', '2028-02-29'],
    ['30 April → 1 May', '2026-04-30'],
    ['31 December → 1 January', '2026-12-31'],
  ])('keeps shifts contiguous and crews in turn across %s', (_label, lastDay) => {
    // From 07:00 on the day before the month's (or year's) last day to 07:00 on the second day after it.
    const from = new Date(new Date(`${lastDay}T00:00:00Z`).getTime() - 24 * 3600_000);
    const to = new Date(new Date(`${lastDay}T00:00:00Z`).getTime() + 48 * 3600_000);
    const shifts = shiftsBetween(group(), from, new Date(to.getTime() - 1));
    expect(shifts).toHaveLength(9);
    shifts.slice(1).forEach((shift, index) => {
      const previous = shifts[index] as ShiftOccurrence;
      expect(shift.startsAt).toEqual(previous.endsAt);
      const step = (crewNames.indexOf(crewOf(shift) ?? '') - crewNames.indexOf(crewOf(previous) ?? '') + 4) % 4;
      expect(step).toBe(1);
    });
    const night = shifts.find((shift) => shift.templateId === 'night' && hanoi(shift.startsAt).startsWith(lastDay));
    expect(night && hanoi(night.endsAt).slice(0, 10)).not.toBe(lastDay);
    expect(night && hanoi(night.endsAt).slice(11)).toBe('07:00');
  });

  it('counts 29 February 2028 as a day of the cycle (occurrence 2369 since the anchor is crew B)', () => {
    // 789 days from 2026-01-01 to 2028-02-29; night is the third shift of the day: 789 × 3 + 2 = 2369 ≡ 1 (mod 4).
    const [night] = onDutyAt(group(), iso('2028-02-29T16:30:00Z'));
    expect(night && [night.templateId, crewOf(night), hanoi(night.startsAt)]).toEqual(['night', 'B', '2028-02-29 23:00']);
    const [nextMorning] = onDutyAt(group(), iso('2028-03-01T00:00:00Z'));
    expect(nextMorning && [nextMorning.templateId, crewOf(nextMorning), hanoi(nextMorning.startsAt)]).toEqual([
      'morning',
      'C',
      '2028-03-01 07:00',
    ]);
  });

  it('takes a shift start as inclusive and its end as exclusive', () => {
    const handover = iso('2026-03-10T08:00:00Z'); // 15:00 in Hanoi
    expect(onDutyAt(group(), handover).map((shift) => shift.templateId)).toEqual(['afternoon']);
    expect(onDutyAt(group(), new Date(handover.getTime() - 1)).map((shift) => shift.templateId)).toEqual(['morning']);
    const window = shiftsBetween(group(), iso('2026-03-10T00:00:00Z'), handover);
    expect(window.map((shift) => shift.templateId)).toEqual(['morning']);
  });

  it('returns whole shifts that overlap the window, not clipped to it, and nothing for an empty window', () => {
    const shifts = shiftsBetween(group(), iso('2026-03-10T03:00:00Z'), iso('2026-03-10T09:00:00Z'));
    expect(shifts.map(summary).map((shift) => [shift.templateId, shift.startsAt, shift.endsAt])).toEqual([
      ['morning', '2026-03-10T00:00:00.000Z', '2026-03-10T08:00:00.000Z'],
      ['afternoon', '2026-03-10T08:00:00.000Z', '2026-03-10T16:00:00.000Z'],
    ]);
    expect(shiftsBetween(group(), iso('2026-03-10T09:00:00Z'), iso('2026-03-10T09:00:00Z'))).toEqual([]);
  });

  it('hands over from one rotation to the next at the instant the first stops being effective', () => {
    const switchAt = iso('2026-12-01T00:00:00Z'); // 07:00 on 1 December in Hanoi
    const congress = threeShiftRotation({
      id: 'rot-congress',
      templates: [
        { id: 'c-day', startTime: '07:00', endTime: '19:00' },
        { id: 'c-night', startTime: '19:00', endTime: '07:00' },
      ],
      crews: [{ memberIds: ['X-lead'], leadId: 'X-lead' }],
      effectiveFrom: switchAt,
    });
    const roster = group({ rotations: [threeShiftRotation({ effectiveUntil: switchAt }), congress] });
    expect(onDutyAt(roster, new Date(switchAt.getTime() - 1)).map((shift) => shift.templateId)).toEqual(['night']);
    expect(onDutyAt(roster, switchAt).map((shift) => [shift.templateId, shift.sourceId])).toEqual([['c-day', 'rot-congress']]);
  });
});

describe('shiftsBetween: weekly patterns', () => {
  // Leadership duty (trực lãnh đạo): one leader a working day, 08:00 to 08:00 the next morning.
  const leaders = ['giam-doc', 'pho-gd-1', 'pho-gd-2', 'pho-gd-3', 'chanh-vp'];
  const leadership = group({
    id: 'truc-lanh-dao',
    rotations: [
      {
        id: 'rot-lanh-dao',
        templates: [{ id: 'day', startTime: '08:00', endTime: '08:00' }],
        weekdays: [1, 2, 3, 4, 5],
        anchorDate: '2026-11-30', // a Monday
        crews: leaders.map((leader) => ({ memberIds: [leader], leadId: leader })),
        effectiveFrom: iso('2026-11-01T00:00:00Z'),
        effectiveUntil: null,
      },
    ],
  });

  it('keeps each leader on the same weekday every week and nobody on the weekend', () => {
    const twoWeeks = shiftsBetween(leadership, iso('2026-11-30T01:00:00Z'), iso('2026-12-14T01:00:00Z'));
    expect(twoWeeks.map((shift) => `${hanoi(shift.startsAt)} ${shift.leadId}`)).toEqual([
      '2026-11-30 08:00 giam-doc',
      '2026-12-01 08:00 pho-gd-1',
      '2026-12-02 08:00 pho-gd-2',
      '2026-12-03 08:00 pho-gd-3',
      '2026-12-04 08:00 chanh-vp',
      '2026-12-07 08:00 giam-doc',
      '2026-12-08 08:00 pho-gd-1',
      '2026-12-09 08:00 pho-gd-2',
      '2026-12-10 08:00 pho-gd-3',
      '2026-12-11 08:00 chanh-vp',
    ]);
    expect(onDutyAt(leadership, iso('2026-12-05T00:30:00Z')).map((shift) => shift.leadId)).toEqual(['chanh-vp']); // Sat 07:30
    expect(onDutyAt(leadership, iso('2026-12-05T01:00:00Z'))).toEqual([]); // Sat 08:00
    expect(onDutyAt(leadership, iso('2026-12-06T12:00:00Z'))).toEqual([]); // Sunday
  });

  it('runs the cycle backwards consistently before the anchor date', () => {
    const weekBefore = shiftsBetween(leadership, iso('2026-11-23T01:00:00Z'), iso('2026-11-28T01:00:00Z'));
    expect(weekBefore.map((shift) => shift.leadId)).toEqual(leaders);
  });
});

describe('shiftsBetween: overrides, swaps and one-off shifts', () => {
  const sick = { memberIds: ['X-lead', 'X-officer'], leadId: 'X-lead' };

  it('puts an override crew on duty for its interval and keeps the replaced shift outside it', () => {
    const roster = group({
      overrides: [{ id: 'ov-sick', startsAt: iso('2026-03-10T02:00:00Z'), endsAt: iso('2026-03-10T05:00:00Z'), ...sick }],
    });
    const day = shiftsBetween(roster, iso('2026-03-10T00:00:00Z'), iso('2026-03-10T08:00:00Z'));
    expect(day.map((shift) => [shift.source, shift.templateId, hanoi(shift.startsAt), hanoi(shift.endsAt), shift.leadId])).toEqual([
      ['rotation', 'morning', '2026-03-10 07:00', '2026-03-10 09:00', day[0]?.leadId],
      ['override', null, '2026-03-10 09:00', '2026-03-10 12:00', 'X-lead'],
      ['rotation', 'morning', '2026-03-10 12:00', '2026-03-10 15:00', day[0]?.leadId],
    ]);
    // Both pieces stay the same scheduled occurrence (its identity for swaps and handovers).
    expect(day[2]?.scheduledStartsAt).toEqual(iso('2026-03-10T00:00:00Z'));
    expect(onDutyAt(roster, iso('2026-03-10T03:00:00Z')).map((shift) => [shift.source, shift.sourceId])).toEqual([
      ['override', 'ov-sick'],
    ]);
  });

  it('lets an override outside the window cut a shift that reaches into it', () => {
    const roster = group({
      overrides: [{ id: 'ov-late', startsAt: iso('2026-03-10T06:00:00Z'), endsAt: iso('2026-03-10T10:00:00Z'), ...sick }],
    });
    const shifts = shiftsBetween(roster, iso('2026-03-10T01:00:00Z'), iso('2026-03-10T02:00:00Z'));
    expect(shifts.map(summary)).toEqual([
      expect.objectContaining({ templateId: 'morning', startsAt: '2026-03-10T00:00:00.000Z', endsAt: '2026-03-10T06:00:00.000Z' }),
    ]);
  });

  it('lets a later override win over an earlier one and an override span a handover', () => {
    const roster = group({
      overrides: [
        { id: 'ov-week', startsAt: iso('2026-03-10T06:00:00Z'), endsAt: iso('2026-03-10T10:00:00Z'), ...sick },
        { id: 'ov-hour', startsAt: iso('2026-03-10T07:00:00Z'), endsAt: iso('2026-03-10T08:30:00Z'), memberIds: ['Y'], leadId: 'Y' },
      ],
    });
    const shifts = shiftsBetween(roster, iso('2026-03-10T05:00:00Z'), iso('2026-03-10T11:00:00Z'));
    expect(shifts.map((shift) => [shift.sourceId, shift.templateId, shift.startsAt.toISOString().slice(11, 16), shift.endsAt.toISOString().slice(11, 16)])).toEqual([
      ['rot-3ca', 'morning', '00:00', '06:00'],
      ['ov-week', null, '06:00', '07:00'],
      ['ov-hour', null, '07:00', '08:30'],
      ['ov-week', null, '08:30', '10:00'],
      ['rot-3ca', 'afternoon', '10:00', '16:00'],
    ]);
  });

  it('puts the incoming person in the outgoing one’s place (as lead too) in that one occurrence only', () => {
    const morning = iso('2026-03-10T00:00:00Z');
    const [before] = onDutyAt(group(), morning);
    const crew = before ? crewOf(before) : '';
    const roster = group({
      swaps: [{ id: 'sw-1', templateId: 'morning', occurrenceStartsAt: morning, outgoingUserId: `${crew}-lead`, incomingUserId: 'Z' }],
    });
    const [swapped] = onDutyAt(roster, morning);
    expect(swapped && [swapped.memberIds, swapped.leadId]).toEqual([['Z', `${crew}-officer`], 'Z']);
    // Four crews, three shifts a day: the same crew's next turn is the next day's afternoon, unswapped.
    const [nextTurn] = onDutyAt(roster, iso('2026-03-11T08:00:00Z'));
    expect(nextTurn && [crewOf(nextTurn), nextTurn.memberIds]).toEqual([crew, [`${crew}-lead`, `${crew}-officer`]]);
  });

  it('ignores a swap whose start is the local time read as UTC (07:00Z instead of 00:00Z)', () => {
    const roster = group({
      swaps: [{ id: 'sw-1', templateId: 'morning', occurrenceStartsAt: iso('2026-03-10T07:00:00Z'), outgoingUserId: 'A-lead', incomingUserId: 'Z' }],
    });
    expect(onDutyAt(roster, iso('2026-03-10T00:00:00Z'))[0]?.memberIds).not.toContain('Z');
  });

  it('applies a swap before an override, so the swapped crew keeps the parts outside the override', () => {
    const morning = iso('2026-03-10T00:00:00Z');
    const crew = crewOf(onDutyAt(group(), morning)[0] as ShiftOccurrence);
    const roster = group({
      swaps: [{ id: 'sw-1', templateId: 'morning', occurrenceStartsAt: morning, outgoingUserId: `${crew}-officer`, incomingUserId: 'Z' }],
      overrides: [{ id: 'ov-1', startsAt: morning, endsAt: iso('2026-03-10T01:00:00Z'), ...sick }],
    });
    const [rest] = onDutyAt(roster, iso('2026-03-10T02:00:00Z'));
    expect(rest && [rest.startsAt.toISOString(), rest.memberIds]).toEqual(['2026-03-10T01:00:00.000Z', [`${crew}-lead`, 'Z']]);
  });

  it('adds a one-off shift beside the rotation', () => {
    const roster = group({
      oneOffShifts: [
        { id: 'congress-day', startsAt: iso('2026-12-10T00:00:00Z'), endsAt: iso('2026-12-10T12:00:00Z'), memberIds: ['P', 'Q'], leadId: 'Q' },
      ],
    });
    const now = onDutyAt(roster, iso('2026-12-10T09:00:00Z'));
    expect(now.map((shift) => [shift.source, shift.templateId, shift.leadId])).toEqual([
      ['one_off', null, 'Q'],
      ['rotation', 'afternoon', expect.any(String)],
    ]);
  });

  it('lists the people on duty once each, leads first, across a one-off shift and the rotation', () => {
    const at = iso('2026-12-10T09:00:00Z');
    const rotationShift = onDutyAt(group(), at)[0] as ShiftOccurrence;
    const roster = group({
      oneOffShifts: [
        { id: 'extra', startsAt: iso('2026-12-10T08:00:00Z'), endsAt: iso('2026-12-10T12:00:00Z'), memberIds: ['P', rotationShift.leadId], leadId: 'P' },
      ],
    });
    expect(onDutyUserIds(roster, at)).toEqual(['P', rotationShift.leadId, ...rotationShift.memberIds.filter((id) => id !== rotationShift.leadId)]);
    expect(onDutyUserIds(group({ rotations: [] }), at)).toEqual([]);
  });
});
