import type { IsoInstant, OnDutyGroupDto, Role, ShiftOccurrenceDto } from '@netduty/contracts';

/*
 * Wire shapes of the roster routes beyond contracts' rosters.ts (the console keeps a copy in
 * apps/console/src/features/rosters/api/rosters.types.ts until these move to libs/contracts).
 */

/** A person on a shift as the console shows them: name and call-back phone. */
export interface DutyPersonDto {
  id: string;
  displayName: string;
  phone: string | null;
  role: Role;
}

/** A shift with its people resolved, the lead first. */
export interface StaffedShiftDto extends ShiftOccurrenceDto {
  members: DutyPersonDto[];
}

export interface GroupOnDutyDto {
  group: OnDutyGroupDto;
  shifts: StaffedShiftDto[];
}

/** GET /on-duty/now: every visible group's shifts covering `at`. */
export interface OnDutyNowDto {
  at: IsoInstant;
  groups: GroupOnDutyDto[];
}
