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
