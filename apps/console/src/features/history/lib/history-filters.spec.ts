import { EMPTY_HISTORY_FILTERS, historyExportFileName, toHistoryQuery } from './history-filters';

describe('toHistoryQuery', () => {
  it('asks for closed incidents, newest first', () => {
    expect(toHistoryQuery(EMPTY_HISTORY_FILTERS)).toEqual({ open: false, status: ['closed'], sort: 'recent' });
  });

  it('sends the search, operators, communes and the period as province days', () => {
    expect(
      toHistoryQuery({ text: ' dong kinh ', operator: ['viettel'], commune: ['05980'], dateRange: ['2026-11-22', '2026-11-20'] }),
    ).toEqual({
      open: false,
      status: ['closed'],
      sort: 'recent',
      q: 'dong kinh',
      operator: ['viettel'],
      commune: ['05980'],
      from: '2026-11-19T17:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
    });
  });
});

describe('historyExportFileName', () => {
  it('dates the file in the province, in the console language', () => {
    expect(historyExportFileName(new Date('2026-12-04T18:30:00Z'), 'xlsx', 'vi')).toBe('Sự cố NetDuty 2026-12-05.xlsx');
    expect(historyExportFileName(new Date('2026-12-04T16:30:00Z'), 'csv', 'en')).toBe('NetDuty incidents 2026-12-04.csv');
  });
});
