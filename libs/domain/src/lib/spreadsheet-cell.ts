/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula or
 * a DDE command. OWASP's rule for CSV injection: such a cell is prefixed with a single quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one exported cell (CSV or XLSX), never a formula; every export writes cells through it. */
export function spreadsheetCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The value behind a cell that spreadsheetCell wrote: its quote taken off again, so a file exported by
 * NetDuty (and saved back by a spreadsheet) imports as it was. Any other cell is returned unchanged.
 */
export function spreadsheetCellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
