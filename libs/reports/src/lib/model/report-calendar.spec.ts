import { administrativeDateLine, latestLocalSlot, reportInstant, reportPeriodLine, reportYear, zonedParts } from './report-calendar';

describe('the Vietnamese date line of an administrative report', () => {
  it('writes the date in Asia/Ho_Chi_Minh, with a leading zero on days below 10 and on January and February', () => {
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-02-04T18:30:00Z'), 'vi')).toBe('Lạng Sơn, ngày 05 tháng 02 năm 2026');
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-12-15T03:00:00Z'), 'vi')).toBe('Lạng Sơn, ngày 15 tháng 12 năm 2026');
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-03-09T03:00:00Z'), 'vi')).toBe('Lạng Sơn, ngày 09 tháng 3 năm 2026');
  });

  it('moves to the next day at 17:00 UTC, whatever zone the server runs in', () => {
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-12-31T16:59:00Z'), 'vi')).toBe('Lạng Sơn, ngày 31 tháng 12 năm 2026');
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-12-31T17:00:00Z'), 'vi')).toBe('Lạng Sơn, ngày 01 tháng 01 năm 2027');
    expect(reportYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('has an English form', () => {
    expect(administrativeDateLine('Lạng Sơn', new Date('2026-12-05T00:00:00Z'), 'en')).toBe('Lạng Sơn, 5 December 2026');
  });

  it('words instants and periods in local time', () => {
    expect(zonedParts(new Date('2026-12-05T00:00:00Z'))).toEqual({ year: 2026, month: 12, day: 5, hour: 7, minute: 0 });
    expect(reportInstant('2026-12-05T00:00:00Z', 'vi')).toBe('07:00 ngày 05/12/2026');
    expect(reportPeriodLine('2026-12-04T10:00:00Z', '2026-12-05T00:00:00Z', 'vi')).toBe('Từ 17:00 ngày 04/12/2026 đến 07:00 ngày 05/12/2026');
    expect(reportPeriodLine('2026-12-04T10:00:00Z', '2026-12-05T00:00:00Z', 'en')).toBe('From 17:00, 04/12/2026 to 07:00, 05/12/2026');
  });
});

describe('the latest local slot', () => {
  it("is this morning's 07:00 once it has passed, else yesterday's", () => {
    expect(latestLocalSlot(new Date('2026-12-05T03:00:00Z'), 7).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(latestLocalSlot(new Date('2026-12-05T00:00:00Z'), 7).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(latestLocalSlot(new Date('2026-12-04T23:59:00Z'), 7).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(latestLocalSlot(new Date('2026-12-04T18:30:00Z'), 7).toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });
});
