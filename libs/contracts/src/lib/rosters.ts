import type { IsoInstant } from './dto';

/**
 * Rosters (ca trực) on the wire: on-duty groups, their rotations, one-off shifts, overrides and swaps,
 * and the concrete shift occurrences computed from them (libs/domain `shiftsBetween`, `onDutyAt`).
 * Instants are ISO-8601 UTC strings; a rotation's shift templates are in the group's LOCAL wall-clock time.
 */

/** department: the department's tổ trực; cluster: an operator's technical cluster; leadership: trực lãnh đạo. */
export const ON_DUTY_GROUP_KINDS = ['department', 'cluster', 'leadership'] as const;
export type OnDutyGroupKind = (typeof ON_DUTY_GROUP_KINDS)[number];

/** Where a shift occurrence comes from. */
export const SHIFT_SOURCES = ['rotation', 'one_off', 'override'] as const;
export type ShiftSource = (typeof SHIFT_SOURCES)[number];

export const DEFAULT_ROSTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

/** A calendar date in the group's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in the group's time zone, `HH:mm` (00:00–23:59). */
export type LocalTime = string;

/** Limits of a roster, checked by `rosterProblems` (too_many_items {max}). */
export const ROSTER_LIMITS = {
  rotationsPerGroup: 20,
  templatesPerRotation: 12,
  crewsPerRotation: 100,
  membersPerCrew: 50,
  oneOffShiftsPerGroup: 500,
  overridesPerGroup: 500,
  swapsPerGroup: 2000,
  /** The widest window a caller should ask `shiftsBetween` for (the api refuses wider queries). */
  queryDays: 62,
} as const;

/** Who is on a shift: its members and, among them, the shift lead (trưởng ca). */
export interface CrewDto {
  memberIds: string[];
  leadId: string;
}

/**
 * One daily shift of a rotation, in local wall-clock time. When `endTime` is not after `startTime` the
 * shift ends the next day (23:00–07:00); equal times make a 24-hour shift. A shift belongs to the
 * weekday (and date) it starts on. Across a DST change a time the zone skips starts the shift at the
 * jump, and a time it repeats at its first pass, so a shift may last an hour more or less.
 */
export interface ShiftTemplateDto {
  /** Unique within the group: a swap names the template it applies to. */
  id: string;
  startTime: LocalTime;
  endTime: LocalTime;
}

/**
 * A recurring rotation. Crews take turns per occurrence: the occurrences of the rotation, in order of
 * start (every template on every applicable weekday counted from `anchorDate`), go to crews[0], crews[1],
 * … and round again. With one template a day this is a turn per day. `anchorDate` only fixes the phase
 * of the cycle (the first applicable occurrence on or after it goes to crews[0]); the rotation produces
 * the occurrences that start in [effectiveFrom, effectiveUntil).
 */
export interface RotationDto {
  id: string;
  templates: ShiftTemplateDto[];
  weekdays: IsoWeekday[];
  anchorDate: LocalDate;
  crews: CrewDto[];
  effectiveFrom: IsoInstant;
  /** null: open-ended. */
  effectiveUntil: IsoInstant | null;
}

/** A shift outside any rotation (an extra shift for the congress day), added to the group's shifts. */
export interface OneOffShiftDto {
  id: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  memberIds: string[];
  leadId: string;
}

/**
 * For [startsAt, endsAt) this crew is the group's crew (someone is sick): shifts of the group that overlap
 * the interval keep only their parts outside it. When overrides overlap, the later one in the list wins.
 */
export interface ShiftOverrideDto {
  id: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  memberIds: string[];
  leadId: string;
}

/**
 * In one occurrence of a rotation (the group's template `templateId` starting at `occurrenceStartsAt`),
 * `incomingUserId` takes the place of `outgoingUserId`, as member and, if the outgoing was, as lead.
 */
export interface ShiftSwapDto {
  id: string;
  templateId: string;
  occurrenceStartsAt: IsoInstant;
  outgoingUserId: string;
  incomingUserId: string;
}

/** An on-duty group and its whole roster. */
export interface OnDutyGroupDto {
  id: string;
  name: string;
  kind: OnDutyGroupKind;
  /** The cluster whose staff the group is; required for kind 'cluster', null otherwise. */
  clusterId: string | null;
  /** IANA zone the templates are written in; DEFAULT_ROSTER_TIME_ZONE unless the group says otherwise. */
  timeZone: string;
  rotations: RotationDto[];
  oneOffShifts: OneOffShiftDto[];
  overrides: ShiftOverrideDto[];
  swaps: ShiftSwapDto[];
}

/** A concrete shift: who is on duty in a group from `startsAt` (inclusive) to `endsAt` (exclusive). */
export interface ShiftOccurrenceDto {
  groupId: string;
  /** The rotation's template; null for one-off shifts and overrides. */
  templateId: string | null;
  source: ShiftSource;
  /** The rotation, one-off shift or override it comes from. */
  sourceId: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  /**
   * A rotation occurrence's start as scheduled, which with `templateId` identifies it for swaps and
   * handovers (differs from `startsAt` when an override took its beginning); null for other sources.
   */
  scheduledStartsAt: IsoInstant | null;
  memberIds: string[];
  leadId: string;
}

/** POST /on-duty-groups/:id/overrides: someone covers [startsAt, endsAt) (the server names the override). */
export type AddShiftOverrideRequest = Omit<ShiftOverrideDto, 'id'>;

/** POST /on-duty-groups/:id/swaps: one person of a rotation's occurrence for another (the server names the swap). */
export type AddShiftSwapRequest = Omit<ShiftSwapDto, 'id'>;
