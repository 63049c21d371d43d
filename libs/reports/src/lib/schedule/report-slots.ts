import { getNextMillis } from 'bullmq';

/**
 * When a report schedule's slots fall: a cron pattern in a time zone (07:00 and 17:00), or every
 * `every` ms from an anchor until an end (an event period's interval from its start). Pure: the
 * scheduler aligns BullMQ on these instants and the catch-up asks which one was due last, so every
 * worker computes the same slot (and the same slot key) without talking to another.
 */
export type SlotRule = { kind: 'cron'; pattern: string; tz: string } | { kind: 'interval'; every: number; anchor: Date; until: Date };

export interface DueSlot {
  scheduleId: string;
  slotAt: Date;
}

/** How far back a worker looks for a slot that should have fired: a missed 07:00 is caught up, not every slot of a week down. */
export const CATCH_UP_LOOK_BACK_MS = 24 * 3600 * 1000;

/** Interval slots start on a whole second (BullMQ's slot of a job is kept to the second), from the period's start. */
export function intervalAnchor(startsAt: Date): Date {
  return new Date(Math.ceil(startsAt.getTime() / 1000) * 1000);
}

/** The last slot of an interval rule at or before `at` (at most `until`); null before its anchor. */
export function intervalSlotAtOrBefore(rule: { every: number; anchor: Date; until: Date }, at: Date): Date | null {
  const limit = Math.min(at.getTime(), rule.until.getTime());
  const anchor = rule.anchor.getTime();
  if (limit < anchor || rule.every <= 0) return null;
  return new Date(anchor + Math.floor((limit - anchor) / rule.every) * rule.every);
}

/** The first slot of an interval rule at or after `at`; null when it would fall after `until`. */
export function intervalSlotAtOrAfter(rule: { every: number; anchor: Date; until: Date }, at: Date): Date | null {
  const anchor = rule.anchor.getTime();
  const steps = at.getTime() <= anchor ? 0 : Math.ceil((at.getTime() - anchor) / rule.every);
  const slot = anchor + steps * rule.every;
  return slot > rule.until.getTime() ? null : new Date(slot);
}

/** Whether an instant is one of the rule's slots (a scheduler made by an older worker may run off the grid). */
export function isIntervalSlot(rule: { every: number; anchor: Date }, millis: number): boolean {
  const offset = millis - rule.anchor.getTime();
  return offset >= 0 && offset % rule.every === 0;
}

/**
 * The last slot of a cron pattern in (`notBefore` − 1 ms, `at`], or null. BullMQ's own next-slot
 * function (the one its scheduler fires by) is monotone in its argument, so a binary search over the
 * window finds the latest slot in about 27 steps whatever the pattern — a per-second pattern included.
 */
export function cronSlotAtOrBefore(pattern: string, tz: string, at: Date, notBefore: Date): Date | null {
  const next = (millis: number): number => getNextMillis(millis, { pattern, tz }) ?? Number.POSITIVE_INFINITY;
  const end = at.getTime();
  let low = notBefore.getTime() - 1;
  if (low >= end || next(low) > end) return null;
  // Invariant: next(low) <= end < next(high).
  let high = end;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (next(middle) <= end) low = middle;
    else high = middle;
  }
  return new Date(next(low));
}

/** The latest slot of one rule that should have fired by `now`, within the look-back. */
export function latestSlot(rule: SlotRule, now: Date, lookBackMs: number = CATCH_UP_LOOK_BACK_MS): Date | null {
  const notBefore = new Date(now.getTime() - lookBackMs);
  const slot = rule.kind === 'cron' ? cronSlotAtOrBefore(rule.pattern, rule.tz, now, notBefore) : intervalSlotAtOrBefore(rule, now);
  return slot && slot.getTime() >= notBefore.getTime() ? slot : null;
}

/**
 * For each schedule, its latest slot within the look-back — at most one per schedule, and one per
 * instant when two schedules coincide (one slot key, one report) — oldest first, so each report covers
 * the time since the one before. Whether a report exists for it is for Postgres to say.
 */
export function latestDueSlots(schedules: readonly { id: string; slots: SlotRule }[], now: Date, lookBackMs: number = CATCH_UP_LOOK_BACK_MS): DueSlot[] {
  const byInstant = new Map<number, DueSlot>();
  for (const schedule of schedules) {
    const slotAt = latestSlot(schedule.slots, now, lookBackMs);
    if (slotAt && !byInstant.has(slotAt.getTime())) byInstant.set(slotAt.getTime(), { scheduleId: schedule.id, slotAt });
  }
  return [...byInstant.values()].sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime());
}
