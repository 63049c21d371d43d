import type { ShiftOccurrence, ShiftOverride } from './roster';

/** The parts of `occurrence` outside [startsAt, endsAt). */
function outside(occurrence: ShiftOccurrence, startsAt: Date, endsAt: Date): ShiftOccurrence[] {
  if (occurrence.endsAt.getTime() <= startsAt.getTime() || occurrence.startsAt.getTime() >= endsAt.getTime()) {
    return [occurrence];
  }
  const parts: ShiftOccurrence[] = [];
  if (occurrence.startsAt.getTime() < startsAt.getTime()) parts.push({ ...occurrence, endsAt: startsAt });
  if (occurrence.endsAt.getTime() > endsAt.getTime()) parts.push({ ...occurrence, startsAt: endsAt });
  return parts;
}

/**
 * Each override, in order, becomes the group's only crew over its interval: whatever overlaps it (rotation,
 * one-off, an earlier override) keeps only its parts outside. So a later override wins over an earlier one.
 */
export function applyOverrides(
  groupId: string,
  occurrences: ShiftOccurrence[],
  overrides: readonly ShiftOverride[],
): ShiftOccurrence[] {
  let result = occurrences;
  for (const override of overrides) {
    if (override.endsAt.getTime() <= override.startsAt.getTime()) continue;
    result = result.flatMap((occurrence) => outside(occurrence, override.startsAt, override.endsAt));
    result.push({
      groupId,
      templateId: null,
      source: 'override',
      sourceId: override.id,
      startsAt: override.startsAt,
      endsAt: override.endsAt,
      scheduledStartsAt: null,
      memberIds: [...override.memberIds],
      leadId: override.leadId,
    });
  }
  return result;
}
