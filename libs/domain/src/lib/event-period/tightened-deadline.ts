/**
 * A running deadline when an event period starts (or its SLA changes) at `at` with a new window.
 * Only tightens: the result is never later than the current dueAt. The new due time is startsAt + the new
 * window, but not before `at` — the switch does not breach an incident retroactively; one already past
 * its new window becomes due at `at` (and escalates now). A deadline already due before `at` is unchanged.
 * So: min(dueAt, max(startsAt + newWindow, at)).
 */
export function tightenedDeadline(running: { startsAt: Date; dueAt: Date }, newWindowSeconds: number, at: Date): Date {
  if (!Number.isFinite(newWindowSeconds) || newWindowSeconds < 0) throw new RangeError(`window ${newWindowSeconds} is not a duration`);
  const tightened = Math.max(running.startsAt.getTime() + newWindowSeconds * 1000, at.getTime());
  return new Date(Math.min(running.dueAt.getTime(), tightened));
}
