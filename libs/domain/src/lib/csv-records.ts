/** One record of a CSV file, with the line it starts on (1-based): the row a spreadsheet shows it in. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParseResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; problem: 'unterminated_quote' | 'stray_quote' };

/**
 * Reads CSV text as RFC 4180 writes it: fields separated by commas, records by CRLF (LF and CR alone are
 * accepted too, as spreadsheets on other systems save them), a field in double quotes may hold commas,
 * line breaks and doubled quotes. A leading byte-order mark is dropped (Excel writes one). A quote inside
 * an unquoted field, or text after a closing quote, is refused rather than guessed at, naming its line.
 * A blank line is a record of one empty cell; a final line break ends the last record, it adds none.
 */
export function parseCsv(text: string): CsvParseResult {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let closedQuote = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    closedQuote = false;
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    const next = source[index + 1];
    if (inQuotes) {
      if (char === '"' && next === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        inQuotes = false;
        closedQuote = true;
      } else {
        // A CRLF inside quotes is one line break: count it at its LF.
        if (char === '\n' || (char === '\r' && next !== '\n')) line += 1;
        cell += char;
      }
      index += 1;
      continue;
    }
    if (char === ',') {
      endCell();
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endCell();
      records.push({ line: recordLine, cells });
      cells = [];
      index += char === '\r' && next === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else if (char === '"' && cell === '' && !closedQuote) {
      inQuotes = true;
      index += 1;
    } else if (char === '"' || closedQuote) {
      return { ok: false, line, problem: 'stray_quote' };
    } else {
      cell += char;
      index += 1;
    }
  }
  if (inQuotes) return { ok: false, line: recordLine, problem: 'unterminated_quote' };
  if (cell !== '' || closedQuote || cells.length > 0) {
    endCell();
    records.push({ line: recordLine, cells });
  }
  return { ok: true, records };
}
