/** Text helpers shared by place names, site codes and people. */

// --------------------------------------------------------------------------------- text helpers

/** Removes Vietnamese diacritics, keeping case: 'Đông Kinh' → 'Dong Kinh'. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function words(label: string): string[] {
  return stripDiacritics(label)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1));
}

export function slug(label: string): string {
  return stripDiacritics(label)
    .toLowerCase()
    .replace(/thanh pho lang son/g, 'tp-lang-son')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
