import type { OnDutyGroupDto, RotationDto } from '@netduty/contracts';
import { FIELD_PROBLEM_CODES, NAME_MAX_LENGTH } from '@netduty/contracts';
import { adjustmentProblems } from './adjustment-problems';
import { rosterProblems } from './roster-problems';

function rotation(parts: Partial<RotationDto> = {}): RotationDto {
  return {
    id: 'rot-1',
    templates: [
      { id: 'morning', startTime: '07:00', endTime: '15:00' },
      { id: 'afternoon', startTime: '15:00', endTime: '23:00' },
      { id: 'night', startTime: '23:00', endTime: '07:00' },
    ],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    anchorDate: '2026-12-01',
    crews: [
      { memberIds: ['u1', 'u2'], leadId: 'u1' },
      { memberIds: ['u3', 'u4'], leadId: 'u4' },
    ],
    effectiveFrom: '2026-11-30T17:00:00Z',
    effectiveUntil: null,
    ...parts,
  };
}

function group(parts: Partial<OnDutyGroupDto> = {}): OnDutyGroupDto {
  return {
    id: 'g-1',
    name: 'Tổ trực ứng cứu thông tin Đại hội',
    kind: 'department',
    clusterId: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    rotations: [rotation()],
    oneOffShifts: [],
    overrides: [],
    swaps: [],
    ...parts,
  };
}

describe('rosterProblems', () => {
  it('accepts a valid three-shift roster with a one-off shift, an override and a swap', () => {
    expect(
      rosterProblems(
        group({
          oneOffShifts: [{ id: 'o-1', startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-10T12:00:00+07:00', memberIds: ['u9'], leadId: 'u9' }],
          overrides: [{ id: 'ov-1', startsAt: '2026-12-03T02:00:00Z', endsAt: '2026-12-03T05:00:00Z', memberIds: ['u5'], leadId: 'u5' }],
          // 07:00 on 1 December in Hanoi, the anchor's first occurrence: crew 0.
          swaps: [{ id: 's-1', templateId: 'morning', occurrenceStartsAt: '2026-12-01T00:00:00Z', outgoingUserId: 'u2', incomingUserId: 'u7' }],
        }),
      ),
    ).toEqual([]);
  });

  it('uses only field problem codes of the wire', () => {
    const problems = rosterProblems(
      group({ name: '', kind: 'nope' as never, timeZone: 'Mars/Base', rotations: [rotation({ templates: [], crews: [], weekdays: [] })] }),
    );
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) expect(FIELD_PROBLEM_CODES).toContain(problem.code);
  });

  it('names the group fields: name, kind, cluster and an unknown or fixed-offset time zone', () => {
    expect(rosterProblems(group({ name: ' ', timeZone: 'Mars/Base' }))).toEqual([
      { field: 'name', code: 'required' },
      { field: 'timeZone', code: 'invalid', params: { rule: 'unknown_time_zone' } },
    ]);
    expect(rosterProblems(group({ name: 'x'.repeat(NAME_MAX_LENGTH + 1), timeZone: '+07:00' }))).toEqual([
      { field: 'name', code: 'too_long', params: { max: NAME_MAX_LENGTH } },
      { field: 'timeZone', code: 'invalid', params: { rule: 'unknown_time_zone' } },
    ]);
    expect(rosterProblems(group({ kind: 'cluster' }))).toEqual([{ field: 'clusterId', code: 'required' }]);
    expect(rosterProblems(group({ kind: 'leadership', clusterId: 'c-1' }))).toEqual([
      { field: 'clusterId', code: 'invalid', params: { rule: 'cluster_kind_only' } },
    ]);
    expect(rosterProblems(group({ kind: 'cluster', clusterId: 'c-1', timeZone: 'Europe/Berlin' }))).toEqual([]);
  });

  it('refuses a time that is not HH:mm and a date that does not exist', () => {
    const problems = rosterProblems(
      group({
        rotations: [
          rotation({
            templates: [
              { id: 'a', startTime: '7:00', endTime: '24:00' },
              { id: 'b', startTime: '15:60', endTime: '23:00' },
            ],
            anchorDate: '2026-02-29',
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      { field: 'rotations.0.templates.0.startTime', code: 'invalid_format' },
      { field: 'rotations.0.templates.0.endTime', code: 'invalid_format' },
      { field: 'rotations.0.templates.1.startTime', code: 'invalid_format' },
      { field: 'rotations.0.anchorDate', code: 'invalid_format' },
    ]);
  });

  it('refuses overlapping templates, also across midnight into the next weekday', () => {
    const overlapping = rosterProblems(
      group({
        rotations: [
          rotation({
            templates: [
              { id: 'night', startTime: '22:00', endTime: '07:00' },
              { id: 'day', startTime: '06:00', endTime: '22:00' },
            ],
          }),
        ],
      }),
    );
    expect(overlapping).toEqual([
      { field: 'rotations.0.templates.1', code: 'invalid', params: { rule: 'overlapping_shifts', field: 'rotations.0.templates.0' } },
    ]);
    // Sunday night runs into Monday morning: the week wraps.
    const sundayNight = rosterProblems(
      group({
        rotations: [
          rotation({
            templates: [
              { id: 'night', startTime: '22:00', endTime: '07:00' },
              { id: 'day', startTime: '06:00', endTime: '12:00' },
            ],
            weekdays: [7, 1],
          }),
        ],
      }),
    );
    expect(sundayNight.map((problem) => problem.field)).toEqual(['rotations.0.templates.1']);
    // Night on Friday only, day on Monday only (two rotations): no shared minute.
    expect(
      rosterProblems(
        group({
          rotations: [
            rotation({ templates: [{ id: 'night', startTime: '22:00', endTime: '07:00' }], weekdays: [5] }),
            rotation({ id: 'rot-2', templates: [{ id: 'day', startTime: '06:00', endTime: '12:00' }], weekdays: [1] }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses two rotations in effect together on the same local time, but not one after the other', () => {
    const second = rotation({ id: 'rot-2', templates: [{ id: 'x', startTime: '08:00', endTime: '12:00' }] });
    expect(rosterProblems(group({ rotations: [rotation(), second] }))).toEqual([
      { field: 'rotations.1', code: 'invalid', params: { rule: 'overlapping_shifts', field: 'rotations.0' } },
    ]);
    expect(
      rosterProblems(
        group({
          rotations: [rotation({ effectiveUntil: '2026-12-20T00:00:00Z' }), { ...second, effectiveFrom: '2026-12-20T00:00:00Z' }],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a lead who is not among the members, empty and duplicate members, and duplicate ids', () => {
    const problems = rosterProblems(
      group({
        rotations: [
          rotation({
            crews: [
              { memberIds: ['u1', 'u1'], leadId: 'u9' },
              { memberIds: [], leadId: '' },
            ],
            templates: [
              { id: 'morning', startTime: '07:00', endTime: '15:00' },
              { id: 'morning', startTime: '15:00', endTime: '23:00' },
            ],
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      { field: 'rotations.0.templates.1.id', code: 'already_used' },
      { field: 'rotations.0.crews.0.memberIds.1', code: 'already_used' },
      { field: 'rotations.0.crews.0.leadId', code: 'invalid', params: { rule: 'lead_not_member' } },
      { field: 'rotations.0.crews.1.memberIds', code: 'too_few_items', params: { min: 1 } },
      { field: 'rotations.0.crews.1.leadId', code: 'required' },
    ]);
  });

  it('refuses weekdays outside 1–7, repeated, or none, and a rotation without templates or crews', () => {
    expect(rosterProblems(group({ rotations: [rotation({ weekdays: [0 as never, 3, 3] })] }))).toEqual([
      { field: 'rotations.0.weekdays.0', code: 'not_one_of', params: { allowed: ['1', '2', '3', '4', '5', '6', '7'] } },
      { field: 'rotations.0.weekdays.2', code: 'already_used' },
    ]);
    expect(rosterProblems(group({ rotations: [rotation({ weekdays: [], templates: [], crews: [] })] }))).toEqual([
      { field: 'rotations.0.templates', code: 'too_few_items', params: { min: 1 } },
      { field: 'rotations.0.weekdays', code: 'too_few_items', params: { min: 1 } },
      { field: 'rotations.0.crews', code: 'too_few_items', params: { min: 1 } },
    ]);
  });

  it('refuses an end before its start, an empty interval, and an instant without a zone', () => {
    const problems = rosterProblems(
      group({
        rotations: [rotation({ effectiveUntil: '2026-11-01T00:00:00Z' })],
        oneOffShifts: [{ id: 'o-1', startsAt: '2026-12-10T07:00', endsAt: '2026-12-10T12:00:00Z', memberIds: ['u1'], leadId: 'u1' }],
        overrides: [
          { id: 'ov-1', startsAt: '2026-12-03T05:00:00Z', endsAt: '2026-12-03T05:00:00Z', memberIds: ['u5'], leadId: 'u5' },
          { id: 'ov-1', startsAt: '2026-12-03T05:00:00Z', endsAt: '2026-12-03T04:00:00Z', memberIds: ['u5'], leadId: 'u5' },
        ],
      }),
    );
    expect(problems).toEqual([
      { field: 'rotations.0.effectiveUntil', code: 'before_other_field', params: { field: 'effectiveFrom' } },
      { field: 'oneOffShifts.0.startsAt', code: 'not_a_date' },
      { field: 'overrides.1.id', code: 'already_used' },
      { field: 'overrides.0.endsAt', code: 'invalid', params: { rule: 'empty_interval' } },
      { field: 'overrides.1.endsAt', code: 'before_other_field', params: { field: 'startsAt' } },
    ]);
  });

  it('refuses a swap naming no occurrence, a person not in that crew, or one already in it', () => {
    const swap = { templateId: 'morning', occurrenceStartsAt: '2026-12-01T00:00:00Z', outgoingUserId: 'u1', incomingUserId: 'u7' };
    const problems = rosterProblems(
      group({
        swaps: [
          { id: 's-1', ...swap, templateId: 'brunch' },
          // 07:00 local read as UTC: no morning shift starts then.
          { id: 's-2', ...swap, occurrenceStartsAt: '2026-12-01T07:00:00Z' },
          // Before the rotation is in effect.
          { id: 's-3', ...swap, occurrenceStartsAt: '2026-11-30T00:00:00Z' },
          { id: 's-4', ...swap, outgoingUserId: 'u3' },
          { id: 's-5', ...swap, incomingUserId: 'u2' },
          { id: 's-6', ...swap, incomingUserId: 'u1' },
          { id: 's-7', ...swap },
          // u1 has already been swapped out of this occurrence by s-7.
          { id: 's-8', ...swap, incomingUserId: 'u8' },
        ],
      }),
    );
    expect(problems).toEqual([
      { field: 'swaps.0.templateId', code: 'no_such_record' },
      { field: 'swaps.1.occurrenceStartsAt', code: 'no_such_record' },
      { field: 'swaps.2.occurrenceStartsAt', code: 'no_such_record' },
      { field: 'swaps.3.outgoingUserId', code: 'invalid', params: { rule: 'not_in_crew' } },
      { field: 'swaps.4.incomingUserId', code: 'invalid', params: { rule: 'already_in_crew' } },
      { field: 'swaps.5.incomingUserId', code: 'invalid', params: { rule: 'same_person' } },
      { field: 'swaps.7.outgoingUserId', code: 'invalid', params: { rule: 'not_in_crew' } },
    ]);
  });

  it('does not judge swaps against rotations it cannot read', () => {
    const problems = rosterProblems(
      group({
        timeZone: 'Nowhere/Land',
        swaps: [{ id: 's-1', templateId: 'morning', occurrenceStartsAt: '2026-12-01T07:00:00Z', outgoingUserId: 'u1', incomingUserId: 'u7' }],
      }),
    );
    expect(problems).toEqual([{ field: 'timeZone', code: 'invalid', params: { rule: 'unknown_time_zone' } }]);
  });
});

describe('adjustmentProblems', () => {
  // 07:00 on 1 December in Hanoi: crew 0 (u1 lead, u2).
  const morning = { templateId: 'morning', occurrenceStartsAt: '2026-12-01T00:00:00Z' };
  const cover = { startsAt: '2026-12-03T02:00:00Z', endsAt: '2026-12-03T05:00:00Z', memberIds: ['u5', 'u6'], leadId: 'u5' };

  it("names an added item's problems in the roster after it, and nothing for a sound one", () => {
    const before = group({ overrides: [{ id: 'ov-1', ...cover }] });
    const leadOutside = { ...before, overrides: [...before.overrides, { id: 'ov-2', ...cover, leadId: 'u9', endsAt: cover.startsAt }] };
    expect(adjustmentProblems(before, leadOutside, { kind: 'added', list: 'overrides' })).toEqual([
      { field: 'overrides.1.endsAt', code: 'invalid', params: { rule: 'empty_interval' } },
      { field: 'overrides.1.leadId', code: 'invalid', params: { rule: 'lead_not_member' } },
    ]);
    expect(adjustmentProblems(before, { ...before, overrides: [...before.overrides, { id: 'ov-2', ...cover }] }, { kind: 'added', list: 'overrides' })).toEqual([]);
  });

  it('judges an added swap against the crew the earlier swaps left', () => {
    const before = group({ swaps: [{ id: 's-1', ...morning, outgoingUserId: 'u2', incomingUserId: 'u7' }] });
    const add = (outgoingUserId: string, incomingUserId: string) =>
      adjustmentProblems(before, { ...before, swaps: [...before.swaps, { id: 's-2', ...morning, outgoingUserId, incomingUserId }] }, { kind: 'added', list: 'swaps' });
    expect(add('u2', 'u8')).toEqual([{ field: 'swaps.1.outgoingUserId', code: 'invalid', params: { rule: 'not_in_crew' } }]);
    expect(add('u1', 'u7')).toEqual([{ field: 'swaps.1.incomingUserId', code: 'invalid', params: { rule: 'already_in_crew' } }]);
    expect(add('u7', 'u8')).toEqual([]);
  });

  it('does not blame an adjustment for what the roster already had wrong', () => {
    const before = group({ overrides: [{ id: 'ov-1', ...cover, leadId: 'u9' }] });
    expect(rosterProblems(before)).toHaveLength(1);
    expect(adjustmentProblems(before, { ...before, overrides: [...before.overrides, { id: 'ov-2', ...cover }] }, { kind: 'added', list: 'overrides' })).toEqual([]);
    expect(adjustmentProblems(before, { ...before, overrides: [{ id: 'ov-2', ...cover }] }, { kind: 'removed', list: 'overrides', index: 0 })).toEqual([]);
  });

  it('finds the later swap a removal breaks, and lets an independent one go', () => {
    const first = { id: 's-1', ...morning, outgoingUserId: 'u2', incomingUserId: 'u7' };
    const dependent = { id: 's-2', ...morning, outgoingUserId: 'u7', incomingUserId: 'u8' };
    // 15:00 the same day: crew 1 (u3, u4).
    const elsewhere = { id: 's-3', templateId: 'afternoon', occurrenceStartsAt: '2026-12-01T08:00:00Z', outgoingUserId: 'u3', incomingUserId: 'u9' };
    const before = group({ swaps: [elsewhere, first, dependent] });
    expect(rosterProblems(before)).toEqual([]);
    expect(adjustmentProblems(before, { ...before, swaps: [elsewhere, dependent] }, { kind: 'removed', list: 'swaps', index: 1 })).toEqual([
      { field: 'swaps.1.outgoingUserId', code: 'invalid', params: { rule: 'not_in_crew' } },
    ]);
    expect(adjustmentProblems(before, { ...before, swaps: [first, dependent] }, { kind: 'removed', list: 'swaps', index: 0 })).toEqual([]);
  });
});
