import { spreadsheetCell, spreadsheetCellValue } from './spreadsheet-cell';

describe('a cell of an exported spreadsheet', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "=cmd|' /C calc'!A0"])('is never a formula: %j', (value) => {
    expect(spreadsheetCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers and JSON as they are', () => {
    expect(spreadsheetCell('Mất điện = nghiêm trọng')).toBe('Mất điện = nghiêm trọng');
    expect(spreadsheetCell(42)).toBe('42');
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell({ a: 1 })).toBe('{"a":1}');
  });
});

describe('the value behind an exported cell', () => {
  it.each(['=1+1', '-12', '@SUM(A1)', 'LSN0001-11', "'quoted", ''])('is what was exported: %j', (value) => {
    expect(spreadsheetCellValue(spreadsheetCell(value))).toBe(value);
  });

  it('keeps an apostrophe that spreadsheetCell did not add', () => {
    expect(spreadsheetCellValue("'abc")).toBe("'abc");
  });
});
