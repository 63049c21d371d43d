/** Where a problem of an imported file is, as the api names it: 'row 12: power_feeder', 'row 7' or 'body' (the whole file). */
export interface ImportProblemPlace {
  /** The row as a spreadsheet shows it: the header is row 1. */
  row: number;
  column: string | null;
}

const PLACE = /^row (\d+)(?:: (.+))?$/;

/** The row and column a field problem of an import names; null for the file as a whole. */
export function importProblemPlace(field: string): ImportProblemPlace | null {
  const match = PLACE.exec(field);
  if (!match) return null;
  return { row: Number(match[1]), column: match[2] ?? null };
}
