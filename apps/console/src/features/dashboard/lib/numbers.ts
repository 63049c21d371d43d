/** Counts and percentages with Vietnamese grouping and decimal comma ("8.100", "98,5"), in either language. */
const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : COUNT.format(value);
}

/** "98,5%"; "–" when there is nothing to measure. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${PERCENT.format(value)}%`;
}

/** part / whole × 100 with one decimal; null when the whole is zero. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
