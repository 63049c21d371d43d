/**
 * A drill (diễn tập) copy of the province runs with NETDUTY_DRILL=true. Everything it produces for people
 * (report and export titles, e-mail subjects, SMS, in-app notifications) carries this mark, so nothing
 * from a drill can be mistaken for a real incident. Kept in one place: callers never test the flag twice.
 */
export const DRILL_MARK = '[DIỄN TẬP]';

/** The console's banner, Vietnamese first. */
export const DRILL_BANNER = { vi: 'DIỄN TẬP — không phải sự cố thật', en: 'DRILL — not a real incident' } as const;

/** `text` with the drill mark in front when `drill` is on; marking twice does not add a second mark. */
export function markForDrill(text: string, drill: boolean): string {
  if (!drill || text.startsWith(DRILL_MARK)) return text;
  return `${DRILL_MARK} ${text}`;
}
