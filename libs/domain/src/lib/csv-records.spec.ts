import { parseCsv } from './csv-records';

const cellsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${parsed.problem} at line ${parsed.line}`);
  return parsed.records.map((record) => record.cells);
};

describe('reading CSV (RFC 4180)', () => {
  it('splits records on CRLF, LF or CR and fields on commas, keeping empty fields', () => {
    expect(cellsOf('a,b,c\r\n1,,3\n4,5,\r6,7,8')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
      ['6', '7', '8'],
    ]);
  });

  it('adds no record for a final line break, and reads a blank line as one empty cell', () => {
    expect(cellsOf('a,b\r\n')).toEqual([['a', 'b']]);
    expect(cellsOf('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(cellsOf('')).toEqual([]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(cellsOf('"x, y","say ""hi""","two\r\nlines",""\nnext')).toEqual([
      ['x, y', 'say "hi"', 'two\r\nlines', ''],
      ['next'],
    ]);
  });

  it('keeps spaces and Vietnamese text as they are', () => {
    expect(cellsOf(' Trạm BTS Đông Kinh ,Tràng Định')).toEqual([[' Trạm BTS Đông Kinh ', 'Tràng Định']]);
  });

  it('drops a leading byte-order mark', () => {
    expect(cellsOf('\ufeffsite_code,power_feeder\nA,B')).toEqual([
      ['site_code', 'power_feeder'],
      ['A', 'B'],
    ]);
  });

  it('numbers each record by the line it starts on, counting the line breaks inside quotes', () => {
    const parsed = parseCsv('h1,h2\r\n"a\r\nb",c\r\nd,e\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 2, cells: ['a\r\nb', 'c'] },
        { line: 4, cells: ['d', 'e'] },
      ],
    });
  });

  it('refuses a quote inside an unquoted field or text after a closing quote, naming the line', () => {
    expect(parseCsv('a,b\nc,d"e\n')).toEqual({ ok: false, line: 2, problem: 'stray_quote' });
    expect(parseCsv('a\n"b"c\n')).toEqual({ ok: false, line: 2, problem: 'stray_quote' });
    expect(parseCsv('a\n "b"\n')).toEqual({ ok: false, line: 2, problem: 'stray_quote' });
  });

  it('refuses a quote left open, naming the line its record starts on', () => {
    expect(parseCsv('a\nb,"c\nd\n')).toEqual({ ok: false, line: 2, problem: 'unterminated_quote' });
  });
});
