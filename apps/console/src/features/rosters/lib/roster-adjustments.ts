import type { OnDutyGroupDto, ShiftOverrideDto, ShiftSwapDto, UserDto } from '@netduty/contracts';
import type { HandoverShiftDto, ShiftHandoverDto, StaffedShiftDto } from '@netduty/contracts';
import { mayStandShift } from '@netduty/domain';

/** An id unique within the group's list (the api checks uniqueness; this only avoids a refusal). */
function freshId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((item) => item.id));
  let index = taken.length + 1;
  while (ids.has(`${prefix}-${index}`)) index += 1;
  return `${prefix}-${index}`;
}

export function withOverride(group: OnDutyGroupDto, override: Omit<ShiftOverrideDto, 'id'>): OnDutyGroupDto {
  return { ...group, overrides: [...group.overrides, { id: freshId('thay-ca', group.overrides), ...override }] };
}

export function withoutOverride(group: OnDutyGroupDto, id: string): OnDutyGroupDto {
  return { ...group, overrides: group.overrides.filter((override) => override.id !== id) };
}

/** Swaps one person of a rotation's occurrence for another (the shift must come from a rotation). */
export function withSwap(group: OnDutyGroupDto, shift: StaffedShiftDto, outgoingUserId: string, incomingUserId: string): OnDutyGroupDto | null {
  if (shift.templateId === null || shift.scheduledStartsAt === null) return null;
  const swap: ShiftSwapDto = {
    id: freshId('doi-ca', group.swaps),
    templateId: shift.templateId,
    occurrenceStartsAt: shift.scheduledStartsAt,
    outgoingUserId,
    incomingUserId,
  };
  return { ...group, swaps: [...group.swaps, swap] };
}

export function withoutSwap(group: OnDutyGroupDto, id: string): OnDutyGroupDto {
  return { ...group, swaps: group.swaps.filter((swap) => swap.id !== id) };
}

/** Everyone who may stand a shift (the domain's mayStandShift), active. */
export function rosterCandidates(users: readonly UserDto[]): UserDto[] {
  return users.filter((user) => user.active && mayStandShift(user.role));
}

/** The swaps applied to a rotation's occurrence, in order (none for other shifts). */
export function swapsOf(group: Pick<OnDutyGroupDto, 'swaps'>, shift: Pick<StaffedShiftDto, 'templateId' | 'scheduledStartsAt'>): ShiftSwapDto[] {
  const { templateId, scheduledStartsAt } = shift;
  if (templateId === null || scheduledStartsAt === null) return [];
  return group.swaps.filter((swap) => swap.templateId === templateId && Date.parse(swap.occurrenceStartsAt) === Date.parse(scheduledStartsAt));
}

/** The outgoing lead, or a duty officer, writes the handover of a shift. */
export function canHandOver(user: Pick<UserDto, 'id' | 'role'>, shift: Pick<HandoverShiftDto, 'leadId'>): boolean {
  return user.role === 'duty_officer' || shift.leadId === user.id;
}

/** The incoming lead acknowledges; when the next shift has no lead, a duty officer does. */
export function canAcknowledge(user: Pick<UserDto, 'id' | 'role'>, handover: Pick<ShiftHandoverDto, 'incomingLeadId' | 'acknowledgedAt'>): boolean {
  if (handover.acknowledgedAt !== null) return false;
  return handover.incomingLeadId === null ? user.role === 'duty_officer' : handover.incomingLeadId === user.id;
}
