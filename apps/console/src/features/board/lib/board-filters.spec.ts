import { EMPTY_BOARD_FILTERS, parseBoardFilters, toListQuery, writeBoardFilters } from './board-filters';

describe('board filters in the URL', () => {
  it('reads comma-separated and repeated parameters, dropping unknown values', () => {
    const params = new URLSearchParams('severity=critical,bogus&severity=major&operator=viettel&commune=05980&status=reported');
    expect(parseBoardFilters(params)).toEqual({
      severity: ['critical', 'major'],
      operator: ['viettel'],
      commune: ['05980'],
      status: ['reported'],
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
});
