import { EMPTY_BOARD_FILTERS, isP0Only, parseBoardFilters, toListQuery, withP0Only, writeBoardFilters } from './board-filters';

describe('board filters in the URL', () => {
  it('reads comma-separated and repeated parameters, dropping unknown values', () => {
    const params = new URLSearchParams('severity=critical,bogus&severity=major&operator=viettel&commune=05980&status=reported');
    expect(parseBoardFilters(params)).toEqual({
      severity: ['critical', 'major'],
      operator: ['viettel'],
      commune: ['05980'],
      status: ['reported'],
      priority: [],
      text: '',
    });
  });

  it('round-trips and keeps unrelated parameters', () => {
    const filters = { ...EMPTY_BOARD_FILTERS, severity: ['critical' as const], commune: ['05980', '06001'] };
    const written = writeBoardFilters(new URLSearchParams('lang=en&status=reported'), filters);
    expect(written.get('lang')).toBe('en');
    expect(written.has('status')).toBe(false);
    expect(written.has('q')).toBe(false);
    expect(parseBoardFilters(written)).toEqual(filters);
  });

  it('keeps the quick-find text as q', () => {
    const written = writeBoardFilters(new URLSearchParams(), { ...EMPTY_BOARD_FILTERS, text: 'dong kinh' });
    expect(written.toString()).toBe('q=dong+kinh');
    expect(parseBoardFilters(written).text).toBe('dong kinh');
  });

  it('asks the api for open incidents with only the filters that are set', () => {
    expect(toListQuery({ ...EMPTY_BOARD_FILTERS, operator: ['vnpt'] })).toEqual({ open: true, operator: ['vnpt'] });
  });

  it('switches to P0 sites only through the list api\'s priority filter, kept in the URL', () => {
    const p0 = withP0Only(EMPTY_BOARD_FILTERS, true);
    expect(isP0Only(p0)).toBe(true);
    expect(toListQuery(p0)).toEqual({ open: true, priority: ['P0'] });
    const written = writeBoardFilters(new URLSearchParams(), p0);
    expect(written.toString()).toBe('priority=P0');
    expect(parseBoardFilters(new URLSearchParams('priority=P0,P9')).priority).toEqual(['P0']);
    expect(isP0Only(withP0Only(p0, false))).toBe(false);
    expect(toListQuery(withP0Only(p0, false))).toEqual({ open: true });
  });
});
