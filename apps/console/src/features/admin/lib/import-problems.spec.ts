import { importProblemPlace } from './import-problems';

describe('the place of a problem in an imported file', () => {
  it('reads the row and the column', () => {
    expect(importProblemPlace('row 12: power_feeder')).toEqual({ row: 12, column: 'power_feeder' });
    expect(importProblemPlace('row 1: column 3')).toEqual({ row: 1, column: 'column 3' });
  });

  it('reads a row alone', () => {
    expect(importProblemPlace('row 7')).toEqual({ row: 7, column: null });
  });

  it('has no place for the file as a whole or any other field', () => {
    expect(importProblemPlace('body')).toBeNull();
    expect(importProblemPlace('powerFeeder')).toBeNull();
  });
});
