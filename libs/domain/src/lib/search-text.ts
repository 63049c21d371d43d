/**
 * Folds Vietnamese text for diacritics-insensitive search: "Đông Kinh" and "dong kinh" both become
 * "dong kinh". NFD splits base letters from combining marks; đ/Đ has no decomposition, so it is mapped.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Where a site stands in the results of a search for `query`: 0 when its name or code contains the
 * query as whole words (folded), 1 when its code starts with it, 2 otherwise (it matched only through
 * its commune or former district, or inside a word).
 */
export function siteSearchRank(query: string, site: { code: string; name: string }): number {
  const folded = foldForSearch(query);
  if (!folded) return 2;
  // Folded text is words of [a-z0-9] joined by single spaces, so padding makes a whole-word match.
  const asWords = (text: string) => ` ${foldForSearch(text)} `;
  const needle = ` ${folded} `;
  if (asWords(site.name).includes(needle) || asWords(site.code).includes(needle)) return 0;
  if (foldForSearch(site.code).startsWith(folded)) return 1;
  return 2;
}
