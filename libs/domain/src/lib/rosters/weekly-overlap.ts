import type { IsoWeekday, ShiftTemplateDto } from '@netduty/contracts';
import { MINUTES_PER_DAY, parseLocalTime, templateDurationMinutes } from './local-calendar';

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** One template on one weekday, as an interval of wall-clock minutes of the week (Monday 00:00 = 0). */
export interface WeeklySlot {
  templateIndex: number;
  start: number;
  end: number;
}

/** The week's slots of a rotation; templates with a malformed time are left out (reported elsewhere). */
export function weeklySlots(templates: readonly ShiftTemplateDto[], weekdays: readonly IsoWeekday[]): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  templates.forEach((template, templateIndex) => {
    const startMinutes = parseLocalTime(template.startTime);
    const endMinutes = parseLocalTime(template.endTime);
    if (startMinutes === null || endMinutes === null) return;
    for (const weekday of new Set(weekdays)) {
      if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) continue;
      const start = (weekday - 1) * MINUTES_PER_DAY + startMinutes;
      slots.push({ templateIndex, start, end: start + templateDurationMinutes(startMinutes, endMinutes) });
    }
  });
  return slots;
}

/** Whether two slots share a minute on the week's circle (Sunday 23:00–07:00 runs into Monday). */
export function slotsOverlap(a: WeeklySlot, b: WeeklySlot): boolean {
  return [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}
