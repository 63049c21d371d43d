import { DEPARTMENT_DUTY_GROUP_ID } from '@netduty/contracts';
import { onDutyAt, rosterFromWire, rosterProblems, shiftsBetween } from '@netduty/domain';
import { clusterRosters, departmentRoster, leadershipRoster, weekStartInProvince, type DemoRosterPeople } from './demo-rosters';

const officers = Array.from({ length: 8 }, (_, index) => `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`);
const people: DemoRosterPeople = {
  dutyOfficerIds: officers,
  leadershipIds: ['00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000202'],
  clusters: [
    { id: '00000000-0000-4000-8000-000000000301', name: 'Cụm Viettel Tràng Định', operatorCode: 'viettel' },
    { id: '00000000-0000-4000-8000-000000000302', name: 'Cụm Viettel Post Lộc Bình', operatorCode: 'viettelpost' },
  ],
  clusterStaff: [{ id: '00000000-0000-4000-8000-000000000401', operatorCode: 'viettel', clusterId: null }],
};
// Wednesday 2026-12-09 10:30 in Lạng Sơn.
const seedAt = new Date('2026-12-09T03:30:00Z');
const HOUR = 3_600_000;

describe('demo rosters', () => {
  it('starts the week on Monday in Asia/Ho_Chi_Minh, whatever the UTC date is', () => {
    expect(weekStartInProvince(seedAt)).toEqual({ date: '2026-12-07', midnight: new Date('2026-12-06T17:00:00Z') });
    // 2026-12-13T18:00Z is already Monday 01:00 on the 14th in the province.
    expect(weekStartInProvince(new Date('2026-12-13T18:00:00Z')).date).toBe('2026-12-14');
    expect(weekStartInProvince(new Date('2026-12-13T16:59:00Z')).date).toBe('2026-12-07');
  });

  it("gives the department's tổ trực three shifts a day from Monday, with no gap, rotating among crews of two", () => {
    const group = departmentRoster(people, seedAt);
    if (!group) throw new Error('no department roster');
    expect(group.id).toBe(DEPARTMENT_DUTY_GROUP_ID);
    expect(rosterProblems(group)).toEqual([]);
    const shifts = shiftsBetween(rosterFromWire(group), new Date('2026-12-06T17:00:00Z'), new Date('2026-12-13T17:00:00Z'));
    const rotation = shifts.filter((shift) => shift.source === 'rotation');
    expect(rotation[0]?.startsAt).toEqual(new Date('2026-12-07T00:00:00Z'));
    for (let at = new Date('2026-12-07T00:00:00Z').getTime(); at < new Date('2026-12-13T17:00:00Z').getTime(); at += HOUR) {
      expect(onDutyAt(rosterFromWire(group), new Date(at)).length).toBeGreaterThan(0);
    }
    expect(new Set(rotation.slice(0, 4).map((shift) => shift.leadId)).size).toBe(4);
  });

  it('has one swap tomorrow morning and one override the day after, both taking effect', () => {
    const group = departmentRoster(people, seedAt);
    if (!group) throw new Error('no department roster');
    expect(group.swaps).toHaveLength(1);
    expect(group.overrides).toHaveLength(1);
    const swap = group.swaps[0];
    const override = group.overrides[0];
    if (!swap || !override) throw new Error('missing');
    // Thursday 07:00 local = 00:00 UTC.
    expect(swap.occurrenceStartsAt).toBe('2026-12-10T00:00:00.000Z');
    const morning = onDutyAt(rosterFromWire(group), new Date('2026-12-10T01:00:00Z'))[0];
    expect(morning?.memberIds).toContain(swap.incomingUserId);
    expect(morning?.memberIds).not.toContain(swap.outgoingUserId);
    // Friday 15:00 local = 08:00 UTC, four hours.
    expect(override.startsAt).toBe('2026-12-11T08:00:00.000Z');
    expect(onDutyAt(rosterFromWire(group), new Date('2026-12-11T09:00:00Z')).map((shift) => shift.source)).toEqual(['override']);
    // The stand-ins are off duty that day: on none of the shifts starting on it (morning, afternoon, night).
    const sameDay = shiftsBetween(rosterFromWire(group), new Date('2026-12-10T17:00:00Z'), new Date('2026-12-11T17:00:00Z')).filter(
      (shift) => shift.source === 'rotation' && shift.startsAt >= new Date('2026-12-10T17:00:00Z'),
    );
    expect(sameDay.flatMap((shift) => shift.memberIds).filter((id) => override.memberIds.includes(id))).toEqual([]);
  });

  it('gives leadership duty one leader a whole week, then the next', () => {
    const group = leadershipRoster(people, seedAt);
    if (!group) throw new Error('no leadership roster');
    expect(rosterProblems({ id: 'x', ...group })).toEqual([]);
    const roster = rosterFromWire({ id: 'x', ...group });
    const week = shiftsBetween(roster, new Date('2026-12-07T00:00:00Z'), new Date('2026-12-14T00:00:00Z'));
    expect(new Set(week.map((shift) => shift.leadId))).toEqual(new Set([people.leadershipIds[0]]));
    expect(onDutyAt(roster, new Date('2026-12-15T03:00:00Z'))[0]?.leadId).toBe(people.leadershipIds[1]);
  });

  it('makes a group per cluster that has staff, and none for a cluster without', () => {
    const groups = clusterRosters(people, seedAt);
    expect(groups.map((group) => group.clusterId)).toEqual(['00000000-0000-4000-8000-000000000301']);
    const [group] = groups;
    if (!group) throw new Error('no cluster roster');
    expect(rosterProblems({ id: 'x', ...group })).toEqual([]);
  });
});
