import { floorMod, isoWeekdayOfDay, parseLocalDate, parseLocalTime } from './local-calendar';
import type { Rotation, ShiftOccurrence, ShiftTemplate } from './roster';
import { instantOfLocal, localOfInstant } from './zoned-time';

interface ParsedTemplate {
  template: ShiftTemplate;
  startMinutes: number;
  endMinutes: number;
}

function parsedTemplates(rotation: Rotation): ParsedTemplate[] {
  return rotation.templates
    .map((template) => {
      const startMinutes = parseLocalTime(template.startTime);
      const endMinutes = parseLocalTime(template.endTime);
      if (startMinutes === null || endMinutes === null) {
        throw new RangeError(`rotation ${rotation.id}: template ${template.id} has a time that is not HH:mm`);
      }
      return { template, startMinutes, endMinutes };
    })
    .sort((a, b) => a.startMinutes - b.startMinutes);
}

/**
 * How many applicable days (weekdays of the rotation) lie in [anchorDay, dayNumber); negative when
 * dayNumber is before the anchor, so the cycle runs backwards as consistently as forwards.
 */
function applicableDaysBefore(rotation: Rotation, anchorDay: number, dayNumber: number): number {
  const days = dayNumber - anchorDay;
  const weeks = Math.floor(days / 7);
  const remainder = days - weeks * 7;
  let count = weeks * new Set(rotation.weekdays).size;
  for (let offset = 0; offset < remainder; offset += 1) {
    if (rotation.weekdays.includes(isoWeekdayOfDay(anchorDay + offset))) count += 1;
  }
  return count;
}

/**
 * The occurrences of one rotation that overlap [from, to), crew and lead from the cycle, swaps not yet
 * applied. The n-th occurrence since the anchor (every template of every applicable day, in order of
 * start) goes to crews[n mod crews]. A template crossing midnight belongs to the day it starts; its end is
 * the next day's wall-clock time, so across a DST change a shift may last an hour more or less. An
 * occurrence left with no length (wholly inside a spring-forward gap) is dropped.
 */
export function rotationOccurrences(
  groupId: string,
  rotation: Rotation,
  timeZone: string,
  from: Date,
  to: Date,
): ShiftOccurrence[] {
  if (to.getTime() <= from.getTime() || rotation.crews.length === 0) return [];
  const anchorDay = parseLocalDate(rotation.anchorDate);
  if (anchorDay === null) throw new RangeError(`rotation ${rotation.id}: anchorDate is not YYYY-MM-DD`);
  const templates = parsedTemplates(rotation);
  const weekdays = new Set(rotation.weekdays);
  const effectiveFrom = Math.max(from.getTime(), rotation.effectiveFrom.getTime());
  // A shift lasts at most a day (25 h across DST), so one starting two local days before `from` has ended.
  const firstDay = localOfInstant(new Date(effectiveFrom), timeZone).dayNumber - 2;
  const lastDay = localOfInstant(to, timeZone).dayNumber;
  const occurrences: ShiftOccurrence[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!weekdays.has(isoWeekdayOfDay(day))) continue;
    const dayIndex = applicableDaysBefore(rotation, anchorDay, day);
    templates.forEach(({ template, startMinutes, endMinutes }, templateIndex) => {
      const startsAt = instantOfLocal(day, startMinutes, timeZone);
      const endsAt = instantOfLocal(endMinutes > startMinutes ? day : day + 1, endMinutes, timeZone);
      if (endsAt.getTime() <= startsAt.getTime()) return;
      if (startsAt.getTime() >= to.getTime() || endsAt.getTime() <= from.getTime()) return;
      if (startsAt.getTime() < rotation.effectiveFrom.getTime()) return;
      if (rotation.effectiveUntil && startsAt.getTime() >= rotation.effectiveUntil.getTime()) return;
      const crew = rotation.crews[floorMod(dayIndex * templates.length + templateIndex, rotation.crews.length)];
      if (!crew) return;
      occurrences.push({
        groupId,
        templateId: template.id,
        source: 'rotation',
        sourceId: rotation.id,
        startsAt,
        endsAt,
        scheduledStartsAt: startsAt,
        memberIds: [...crew.memberIds],
        leadId: crew.leadId,
      });
    });
  }
  return occurrences;
}
