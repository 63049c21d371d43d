import type { OnDutyGroupDto } from '@netduty/contracts';
import type { StaffedShiftDto } from '@netduty/contracts';
import { canAcknowledge, canHandOver, swapsOf, withOverride, withoutOverride, withoutSwap, withSwap } from './roster-adjustments';

const group: OnDutyGroupDto = {
  id: 'g',
  name: 'Tổ trực',
  kind: 'department',
  clusterId: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  rotations: [],
  oneOffShifts: [],
  overrides: [{ id: 'thay-ca-1', startsAt: '2026-12-08T08:00:00Z', endsAt: '2026-12-08T12:00:00Z', memberIds: ['a'], leadId: 'a' }],
  swaps: [],
};

const rotationShift: StaffedShiftDto = {
  groupId: 'g',
  templateId: 'ca-sang',
  source: 'rotation',
  sourceId: 'ba-ca',
  startsAt: '2026-12-09T01:00:00Z',
  endsAt: '2026-12-09T08:00:00Z',
  scheduledStartsAt: '2026-12-09T00:00:00Z',
  memberIds: ['a', 'b'],
  leadId: 'a',
  members: [],
};

describe('roster adjustments', () => {
  it('adds an override under an id not yet used, and removes it again', () => {
    const added = withOverride(group, { startsAt: '2026-12-10T08:00:00Z', endsAt: '2026-12-10T12:00:00Z', memberIds: ['b'], leadId: 'b' });
    expect(added.overrides.map((override) => override.id)).toEqual(['thay-ca-1', 'thay-ca-2']);
    expect(withoutOverride(added, 'thay-ca-1').overrides.map((override) => override.id)).toEqual(['thay-ca-2']);
  });

  it("swaps on the occurrence's scheduled start (not its start after an override), and only on rotation shifts", () => {
    const swapped = withSwap(group, rotationShift, 'b', 'c');
    expect(swapped?.swaps).toEqual([{ id: 'doi-ca-1', templateId: 'ca-sang', occurrenceStartsAt: '2026-12-09T00:00:00Z', outgoingUserId: 'b', incomingUserId: 'c' }]);
    expect(withSwap(group, { ...rotationShift, source: 'override', templateId: null, scheduledStartsAt: null }, 'b', 'c')).toBeNull();
    expect(swapped && withoutSwap(swapped, 'doi-ca-1').swaps).toEqual([]);
  });

  it("finds a rotation occurrence's swaps by its template and scheduled start, whatever the instant's spelling", () => {
    const swapped = withSwap(group, rotationShift, 'b', 'c');
    const later = { ...rotationShift, scheduledStartsAt: '2026-12-10T00:00:00Z' };
    expect(swapped && swapsOf(swapped, { ...rotationShift, scheduledStartsAt: '2026-12-09T07:00:00+07:00' }).map((swap) => swap.id)).toEqual(['doi-ca-1']);
    expect(swapped && swapsOf(swapped, later)).toEqual([]);
    expect(swapped && swapsOf(swapped, { templateId: null, scheduledStartsAt: null })).toEqual([]);
  });

  it('lets the lead or a duty officer hand over, and only the incoming lead take over, once', () => {
    expect(canHandOver({ id: 'a', role: 'leadership' }, { leadId: 'a' })).toBe(true);
    expect(canHandOver({ id: 'b', role: 'leadership' }, { leadId: 'a' })).toBe(false);
    expect(canHandOver({ id: 'b', role: 'duty_officer' }, { leadId: 'a' })).toBe(true);
    expect(canAcknowledge({ id: 'c', role: 'leadership' }, { incomingLeadId: 'c', acknowledgedAt: null })).toBe(true);
    expect(canAcknowledge({ id: 'd', role: 'duty_officer' }, { incomingLeadId: 'c', acknowledgedAt: null })).toBe(false);
    expect(canAcknowledge({ id: 'c', role: 'leadership' }, { incomingLeadId: 'c', acknowledgedAt: '2026-12-09T08:00:00Z' })).toBe(false);
    expect(canAcknowledge({ id: 'd', role: 'duty_officer' }, { incomingLeadId: null, acknowledgedAt: null })).toBe(true);
  });
});
