import {
  BATTERY_CAPACITY_AH_MAX,
  LOAD_WATTS_MAX,
  LOAD_WATTS_MIN,
  SITE_DEPENDENCY_CSV_COLUMNS,
  SITE_DEPENDENCY_CSV_MAX_PROBLEMS,
  SITE_DEPENDENCY_CSV_MAX_ROWS,
  UPSTREAM_CODE_MAX_LENGTH,
  UPSTREAM_CODE_PATTERN,
  type FieldProblem,
  type SiteDependencyCsvColumn,
} from '@netduty/contracts';
import { parseCsv } from './csv-records';
import { spreadsheetCell, spreadsheetCellValue } from './spreadsheet-cell';

/** What a site depends on: its upstreams and its battery profile (null: not known / the kind's default). */
export interface SiteDependencies {
  powerFeeder: string | null;
  transmissionRoute: string | null;
  aggregationNode: string | null;
  batteryCapacityAh: number | null;
  loadWatts: number | null;
}

type DependencyColumn = Exclude<SiteDependencyCsvColumn, 'site_code'>;

/** Each column of the file and the field it sets. */
export const SITE_DEPENDENCY_FIELD_OF: Readonly<Record<DependencyColumn, keyof SiteDependencies>> = {
  power_feeder: 'powerFeeder',
  transmission_route: 'transmissionRoute',
  aggregation_node: 'aggregationNode',
  battery_capacity_ah: 'batteryCapacityAh',
  load_watts: 'loadWatts',
};

/** One data row: the site it names and the fields its columns set (an empty cell sets null). */
export interface SiteDependencyRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  siteCode: string;
  change: Partial<SiteDependencies>;
}

export interface SiteDependencyCsv {
  rows: SiteDependencyRow[];
  /** Every problem found, in row order, at most SITE_DEPENDENCY_CSV_MAX_PROBLEMS; none means the file may be applied. */
  problems: FieldProblem[];
}

type CellProblem = Omit<FieldProblem, 'field'>;
type CellReading = { value: string | number | null } | { problem: CellProblem };

const DECIMAL = /^\d+(?:\.\d+)?$/;

function upstreamCode(cell: string): CellReading {
  if (cell === '') return { value: null };
  if (cell.length > UPSTREAM_CODE_MAX_LENGTH) return { problem: { code: 'too_long', params: { max: UPSTREAM_CODE_MAX_LENGTH } } };
  if (!UPSTREAM_CODE_PATTERN.test(cell)) return { problem: { code: 'invalid_format' } };
  return { value: cell };
}

function quantity(cell: string, min: number, max: number): CellReading {
  if (cell === '') return { value: null };
  if (!DECIMAL.test(cell)) return { problem: { code: 'not_a_number' } };
  const value = Number(cell);
  if (value < min) return { problem: { code: 'too_small', params: { min } } };
  if (value > max) return { problem: { code: 'too_large', params: { max } } };
  return { value };
}

/** The rules of each column, the same as the site body's (libs/contracts limits). */
const READ: Readonly<Record<DependencyColumn, (cell: string) => CellReading>> = {
  power_feeder: upstreamCode,
  transmission_route: upstreamCode,
  aggregation_node: upstreamCode,
  battery_capacity_ah: (cell) => quantity(cell, 0, BATTERY_CAPACITY_AH_MAX),
  load_watts: (cell) => quantity(cell, LOAD_WATTS_MIN, LOAD_WATTS_MAX),
};

const isColumn = (name: string): name is SiteDependencyCsvColumn => (SITE_DEPENDENCY_CSV_COLUMNS as readonly string[]).includes(name);

/** A cell as the file gives it: the export's formula quote taken off, surrounding spaces trimmed. */
const cellText = (cell: string): string => spreadsheetCellValue(cell.trim()).trim();

/**
 * Reads a site dependencies file (header `site_code,power_feeder,transmission_route,aggregation_node,
 * battery_capacity_ah,load_watts`; only site_code is required, the others in any order). Every problem
 * is named as `row N` or `row N: column`, N the row a spreadsheet shows (the header is row 1), so an
 * administrator can fix them all in one go; blank rows are skipped. Whether the sites exist is the
 * caller's to check: this reads text only.
 */
export function readSiteDependencyCsv(text: string): SiteDependencyCsv {
  const problems: FieldProblem[] = [];
  const done = (rows: SiteDependencyRow[]): SiteDependencyCsv => ({ rows: problems.length ? [] : rows, problems: problems.slice(0, SITE_DEPENDENCY_CSV_MAX_PROBLEMS) });
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    problems.push({ field: `row ${parsed.line}`, code: 'invalid_format', params: { rule: parsed.problem } });
    return done([]);
  }
  const records = parsed.records.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const [header, ...data] = records;
  if (!header) {
    problems.push({ field: 'body', code: 'required' });
    return done([]);
  }
  if (data.length > SITE_DEPENDENCY_CSV_MAX_ROWS) {
    problems.push({ field: 'body', code: 'too_many_items', params: { max: SITE_DEPENDENCY_CSV_MAX_ROWS } });
    return done([]);
  }

  const columns = header.cells.map((cell) => cellText(cell).toLowerCase());
  const seenColumns = new Set<string>();
  columns.forEach((name, index) => {
    const field = `row ${header.line}: ${name || `column ${index + 1}`}`;
    if (!isColumn(name)) problems.push({ field, code: 'unknown_field', params: { allowed: [...SITE_DEPENDENCY_CSV_COLUMNS] } });
    else if (seenColumns.has(name)) problems.push({ field, code: 'already_used' });
    seenColumns.add(name);
  });
  if (!seenColumns.has('site_code')) problems.push({ field: `row ${header.line}: site_code`, code: 'required' });
  if (problems.length) return done([]);

  const rows: SiteDependencyRow[] = [];
  const rowOfCode = new Map<string, number>();
  for (const record of data) {
    if (problems.length >= SITE_DEPENDENCY_CSV_MAX_PROBLEMS) break;
    if (record.cells.length !== columns.length) {
      problems.push({ field: `row ${record.line}`, code: 'invalid', params: { rule: 'csv_column_count', columns: columns.length } });
      continue;
    }
    let siteCode = '';
    const change: Partial<SiteDependencies> = {};
    columns.forEach((name, index) => {
      const raw = record.cells[index] ?? '';
      const field = `row ${record.line}: ${name}`;
      if (raw.includes('\u0000')) {
        problems.push({ field, code: 'contains_nul' });
        return;
      }
      const cell = cellText(raw);
      if (name === 'site_code') {
        siteCode = cell;
        const earlier = rowOfCode.get(cell);
        if (cell === '') problems.push({ field, code: 'required' });
        else if (earlier !== undefined) problems.push({ field, code: 'already_used', params: { row: earlier } });
        else rowOfCode.set(cell, record.line);
        return;
      }
      const reading = READ[name as DependencyColumn](cell);
      if ('problem' in reading) problems.push({ field, ...reading.problem });
      else Object.assign(change, { [SITE_DEPENDENCY_FIELD_OF[name as DependencyColumn]]: reading.value });
    });
    rows.push({ row: record.line, siteCode, change });
  }
  return done(rows);
}

/** One row of the export, every cell through spreadsheetCell (as every export of NetDuty's). */
export function siteDependencyCsvRow(site: { code: string } & SiteDependencies): string[] {
  return SITE_DEPENDENCY_CSV_COLUMNS.map((column) => spreadsheetCell(column === 'site_code' ? site.code : site[SITE_DEPENDENCY_FIELD_OF[column]]));
}
