import { DEFAULT_DASHBOARD_FILTERS, hasNarrowingFilters, parseDashboardFilters, toSafetyQuery, toTrendsQuery, trendWindow, writeDashboardFilters } from './dashboard-filters';

describe('dashboard filters in the URL', () => {
  it('reads the period, operator, commune and severity, and drops what it does not know', () => {
    expect(parseDashboardFilters(new URLSearchParams('period=7d&operator=viettel&commune=06079&severity=critical'))).toEqual({
      period: '7d',
      operatorCode: 'viettel',
      communeCode: '06079',
      severity: 'critical',
    });
    expect(parseDashboardFilters(new URLSearchParams('period=1y&operator=acme&severity=cleared&commune=%20'))).toEqual(DEFAULT_DASHBOARD_FILTERS);
  });

  it('writes only what differs from the defaults, and keeps other parameters (the language)', () => {
    const written = writeDashboardFilters(new URLSearchParams('lang=en&operator=vnpt'), { ...DEFAULT_DASHBOARD_FILTERS, severity: 'major' });
    expect(written.toString()).toBe('lang=en&severity=major');
    const back = writeDashboardFilters(written, { period: '30d', operatorCode: 'mobifone', communeCode: '06079', severity: null });
    expect(parseDashboardFilters(back)).toEqual({ period: '30d', operatorCode: 'mobifone', communeCode: '06079', severity: null });
    expect(back.get('lang')).toBe('en');
  });

  it('knows when the figures are narrowed (the period alone does not narrow them)', () => {
    expect(hasNarrowingFilters({ ...DEFAULT_DASHBOARD_FILTERS, period: '7d' })).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_DASHBOARD_FILTERS, communeCode: '06079' })).toBe(true);
  });
});

describe('the queries', () => {
  it('sends only the filters that are set', () => {
    expect(toSafetyQuery(DEFAULT_DASHBOARD_FILTERS)).toEqual({});
    expect(toSafetyQuery({ ...DEFAULT_DASHBOARD_FILTERS, operatorCode: 'viettel', severity: 'critical' })).toEqual({ operatorCode: 'viettel', severity: 'critical' });
  });

  it('asks for the trends from the window start, by its bucket, without an end (the server means now)', () => {
    const window = trendWindow('24h', Date.parse('2026-11-22T02:15:30Z'));
    expect(toTrendsQuery({ ...DEFAULT_DASHBOARD_FILTERS, communeCode: '06079' }, window)).toEqual({ communeCode: '06079', from: '2026-11-21T03:00:00.000Z', bucket: 'hour' });
  });
});

describe('trendWindow', () => {
  const now = Date.parse('2026-11-22T02:15:30Z'); // 09:15 in Lạng Sơn

  it('ends the last 24 h with the current hour: the 23 hours before it and this one', () => {
    expect(trendWindow('24h', now)).toEqual({ from: '2026-11-21T03:00:00.000Z', bucket: 'hour', buckets: 24 });
  });

  it('gives 7 days by the hour: 168 buckets', () => {
    expect(trendWindow('7d', now)).toEqual({ from: '2026-11-15T03:00:00.000Z', bucket: 'hour', buckets: 168 });
  });

  it('gives 30 days by the province’s day: from its midnight 29 days ago', () => {
    // Midnight in Asia/Ho_Chi_Minh is 17:00 UTC the day before.
    expect(trendWindow('30d', now)).toEqual({ from: '2026-10-23T17:00:00.000Z', bucket: 'day', buckets: 30 });
  });

  it('does not move within the hour, so the query key stays the same between refetches', () => {
    expect(trendWindow('24h', Date.parse('2026-11-22T02:59:59Z')).from).toBe(trendWindow('24h', now).from);
    expect(trendWindow('24h', Date.parse('2026-11-22T03:00:00Z')).from).toBe('2026-11-21T04:00:00.000Z');
  });
});
