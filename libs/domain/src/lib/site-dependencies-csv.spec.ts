import { SITE_DEPENDENCY_CSV_COLUMNS, SITE_DEPENDENCY_CSV_MAX_PROBLEMS } from '@netduty/contracts';
import { parseCsv } from './csv-records';
import { readSiteDependencyCsv, siteDependencyCsvRow } from './site-dependencies-csv';

const HEADER = SITE_DEPENDENCY_CSV_COLUMNS.join(',');

describe('reading a site dependencies file', () => {
  it('reads every column, an empty cell as null (clear)', () => {
    const read = readSiteDependencyCsv(`${HEADER}\r\nLSN0001-11,EVN-LS/TrangDinh-371,VTL-LSN-RING-03,LSN-TD-003,200,1200\r\nLSN0002-12,,,,,\r\n`);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 2,
        siteCode: 'LSN0001-11',
        change: { powerFeeder: 'EVN-LS/TrangDinh-371', transmissionRoute: 'VTL-LSN-RING-03', aggregationNode: 'LSN-TD-003', batteryCapacityAh: 200, loadWatts: 1200 },
      },
      { row: 3, siteCode: 'LSN0002-12', change: { powerFeeder: null, transmissionRoute: null, aggregationNode: null, batteryCapacityAh: null, loadWatts: null } },
    ]);
  });

  it('sets only the columns the file has, in any order, whatever their case, and skips blank rows', () => {
    const read = readSiteDependencyCsv('Load_Watts, SITE_CODE\n\n1500.5,Dong-Kinh_LSN\n,\n');
    expect(read).toEqual({ rows: [{ row: 3, siteCode: 'Dong-Kinh_LSN', change: { loadWatts: 1500.5 } }], problems: [] });
  });

  it('trims cells and takes off the quote the export puts before a code that starts like a formula', () => {
    const read = readSiteDependencyCsv("site_code,power_feeder\n'-12 ,  EVN-LS/ChiLang-472  \n");
    expect(read.rows).toEqual([{ row: 2, siteCode: '-12', change: { powerFeeder: 'EVN-LS/ChiLang-472' } }]);
  });

  it('names every bad cell by its row and column, and applies none of the rows', () => {
    const read = readSiteDependencyCsv(
      [
        HEADER,
        'A,ok-feeder,,,,',
        `B,${'x'.repeat(65)},route;1,-node,abc,0`,
        ',,,,-1,100001',
        'A,,,,10001,',
        'C,,,,',
      ].join('\n'),
    );
    expect(read.rows).toEqual([]);
    expect(read.problems).toEqual([
      { field: 'row 3: power_feeder', code: 'too_long', params: { max: 64 } },
      { field: 'row 3: transmission_route', code: 'invalid_format' },
      { field: 'row 3: aggregation_node', code: 'invalid_format' },
      { field: 'row 3: battery_capacity_ah', code: 'not_a_number' },
      { field: 'row 3: load_watts', code: 'too_small', params: { min: 1 } },
      { field: 'row 4: site_code', code: 'required' },
      { field: 'row 4: battery_capacity_ah', code: 'not_a_number' },
      { field: 'row 4: load_watts', code: 'too_large', params: { max: 100000 } },
      { field: 'row 5: site_code', code: 'already_used', params: { row: 2 } },
      { field: 'row 5: battery_capacity_ah', code: 'too_large', params: { max: 10000 } },
      { field: 'row 6', code: 'invalid', params: { rule: 'csv_column_count', columns: 6 } },
    ]);
  });

  it('refuses a header without site_code, with an unknown or a repeated column', () => {
    expect(readSiteDependencyCsv('power_feeder,feeder,power_feeder\nx,y,z').problems).toEqual([
      { field: 'row 1: feeder', code: 'unknown_field', params: { allowed: [...SITE_DEPENDENCY_CSV_COLUMNS] } },
      { field: 'row 1: power_feeder', code: 'already_used' },
      { field: 'row 1: site_code', code: 'required' },
    ]);
  });

  it('refuses an empty file, and broken quoting by its line', () => {
    expect(readSiteDependencyCsv('\ufeff\r\n').problems).toEqual([{ field: 'body', code: 'required' }]);
    expect(readSiteDependencyCsv('site_code\n"A\n').problems).toEqual([{ field: 'row 2', code: 'invalid_format', params: { rule: 'unterminated_quote' } }]);
  });

  it('accepts a header alone as a file that changes nothing', () => {
    expect(readSiteDependencyCsv(`${HEADER}\n`)).toEqual({ rows: [], problems: [] });
  });

  it(`names at most ${SITE_DEPENDENCY_CSV_MAX_PROBLEMS} problems`, () => {
    const rows = Array.from({ length: 300 }, (_, index) => `S${index},bad feeder!`);
    expect(readSiteDependencyCsv(['site_code,power_feeder', ...rows].join('\n')).problems).toHaveLength(SITE_DEPENDENCY_CSV_MAX_PROBLEMS);
  });
});

describe('a row of the site dependencies export', () => {
  it('reads back as it was written', () => {
    const site = { code: '-12', powerFeeder: 'EVN-LS/TrangDinh-371', transmissionRoute: null, aggregationNode: 'LSN-TD-003', batteryCapacityAh: 150.5, loadWatts: null };
    const cells = siteDependencyCsvRow(site);
    expect(cells).toEqual(["'-12", 'EVN-LS/TrangDinh-371', '', 'LSN-TD-003', '150.5', '']);
    const parsed = parseCsv(`${SITE_DEPENDENCY_CSV_COLUMNS.join(',')}\n${cells.join(',')}\n`);
    expect(parsed.ok).toBe(true);
    const read = readSiteDependencyCsv(`${SITE_DEPENDENCY_CSV_COLUMNS.join(',')}\n${cells.join(',')}\n`);
    expect(read.rows).toEqual([
      { row: 2, siteCode: '-12', change: { powerFeeder: 'EVN-LS/TrangDinh-371', transmissionRoute: null, aggregationNode: 'LSN-TD-003', batteryCapacityAh: 150.5, loadWatts: null } },
    ]);
  });
});
