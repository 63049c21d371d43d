import type { IsoWeekday, LocalDate, LocalTime, ShiftSource } from '@netduty/contracts';

/**
 * The roster of an on-duty group as the domain evaluates it: the wire shapes of libs/contracts
 * (OnDutyGroupDto …) with instants as Date. Validate the wire shape with `rosterProblems` first.
 */

export interface ShiftTemplate {
  id: string;
  startTime: LocalTime;
  endTime: LocalTime;
}

export interface Crew {
  memberIds: readonly string[];
  leadId: string;
}

export interface Rotation {
  id: string;
  templates: readonly ShiftTemplate[];
  weekdays: readonly IsoWeekday[];
  anchorDate: LocalDate;
  crews: readonly Crew[];
  effectiveFrom: Date;
  effectiveUntil: Date | null;
}

export interface OneOffShift extends Crew {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ShiftOverride extends Crew {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ShiftSwap {
  id: string;
  templateId: string;
  occurrenceStartsAt: Date;
  outgoingUserId: string;
  incomingUserId: string;
}

/** What evaluation needs of a group; any OnDutyGroup-like object with these fields will do. */
export interface OnDutyGroup {
  id: string;
  timeZone: string;
  rotations: readonly Rotation[];
  oneOffShifts: readonly OneOffShift[];
  overrides: readonly ShiftOverride[];
  swaps: readonly ShiftSwap[];
}

/** Who is on duty in a group from `startsAt` (inclusive) to `endsAt` (exclusive). */
export interface ShiftOccurrence {
  groupId: string;
  templateId: string | null;
  source: ShiftSource;
  sourceId: string;
  startsAt: Date;
  endsAt: Date;
  /** A rotation occurrence's scheduled start (its identity with templateId); null for other sources. */
  scheduledStartsAt: Date | null;
  memberIds: string[];
  leadId: string;
}
