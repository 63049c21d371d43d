import { formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('shows instants on the Asia/Ho_Chi_Minh wall clock, whatever the machine zone', () => {
    expect(formatDateTime('2026-11-22T02:15:00Z')).toBe('22/11/2026 09:15');
    expect(formatDateTime('2026-11-21T20:00:00Z')).toBe('22/11/2026 03:00');
  });

  it('gives the same answer from its cache', () => {
    expect(formatDateTime('2026-11-22T02:15:00Z')).toBe(formatDateTime('2026-11-22T02:15:00Z'));
  });

  it('returns an empty string for a missing or invalid instant', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
