import { applyOverrides } from './apply-overrides';
import { applySwaps } from './apply-swaps';
import type { OnDutyGroup, ShiftOccurrence } from './roster';
import { rotationOccurrences } from './rotation-occurrences';

function overlaps(startsAt: Date, endsAt: Date, from: Date, to: Date): boolean {
  return startsAt.getTime() < to.getTime() && endsAt.getTime() > from.getTime();
}

function byStart(a: ShiftOccurrence, b: ShiftOccurrence): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    a.endsAt.getTime() - b.endsAt.getTime() ||
    a.sourceId.localeCompare(b.sourceId) ||
    (a.templateId ?? '').localeCompare(b.templateId ?? '')
  );
}

/**
 * The concrete shifts of a group that overlap [from, to), whole (not clipped to the window), sorted by
 * start: its rotations' occurrences with swaps applied, its one-off shifts, then its overrides laid over
 * them (all of them: an override outside the window can still cut a shift that reaches into it).
 * Every instant is a parameter; the process's clock and TZ play no part.
 */
export function shiftsBetween(group: OnDutyGroup, from: Date, to: Date): ShiftOccurrence[] {
  if (to.getTime() <= from.getTime()) return [];
  const rotations = group.rotations.flatMap((rotation) =>
    rotationOccurrences(group.id, rotation, group.timeZone, from, to),
  );
  const oneOffs: ShiftOccurrence[] = group.oneOffShifts
    .filter((shift) => shift.endsAt.getTime() > shift.startsAt.getTime() && overlaps(shift.startsAt, shift.endsAt, from, to))
    .map((shift) => ({
      groupId: group.id,
      templateId: null,
      source: 'one_off',
      sourceId: shift.id,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      scheduledStartsAt: null,
      memberIds: [...shift.memberIds],
      leadId: shift.leadId,
    }));
  const base = [...applySwaps(rotations, group.swaps), ...oneOffs];
  return applyOverrides(group.id, base, group.overrides)
    .filter((occurrence) => overlaps(occurrence.startsAt, occurrence.endsAt, from, to))
    .sort(byStart);
}
