/**
 * ISO-8601 instants accepted on the wire: a date, a time and an explicit `Z` or offset. A reading without
 * one ("2026-12-01T07:00") would be taken in the process's TZ by Date, the time-zone shift this refuses.
 */
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseWireInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_INSTANT_PATTERN.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
