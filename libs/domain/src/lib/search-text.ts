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
