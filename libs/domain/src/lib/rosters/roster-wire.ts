import type { OnDutyGroupDto, ShiftOccurrenceDto } from '@netduty/contracts';
import type { OnDutyGroup, ShiftOccurrence } from './roster';

/** The domain's view of a group from its wire shape (ISO instants → Date). Check `rosterProblems` first. */
export function rosterFromWire(dto: OnDutyGroupDto): OnDutyGroup {
  return {
    id: dto.id,
    timeZone: dto.timeZone,
    rotations: dto.rotations.map((rotation) => ({
      ...rotation,
      effectiveFrom: new Date(rotation.effectiveFrom),
      effectiveUntil: rotation.effectiveUntil === null ? null : new Date(rotation.effectiveUntil),
    })),
    oneOffShifts: dto.oneOffShifts.map((shift) => ({ ...shift, startsAt: new Date(shift.startsAt), endsAt: new Date(shift.endsAt) })),
    overrides: dto.overrides.map((override) => ({
      ...override,
      startsAt: new Date(override.startsAt),
      endsAt: new Date(override.endsAt),
    })),
    swaps: dto.swaps.map((swap) => ({ ...swap, occurrenceStartsAt: new Date(swap.occurrenceStartsAt) })),
  };
}

export function shiftOccurrenceToWire(occurrence: ShiftOccurrence): ShiftOccurrenceDto {
  return {
    ...occurrence,
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    scheduledStartsAt: occurrence.scheduledStartsAt?.toISOString() ?? null,
  };
}
