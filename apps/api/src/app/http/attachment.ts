/**
 * `Content-Disposition` of a download: an ASCII fallback (Vietnamese without its diacritics) and the
 * UTF-8 name (RFC 6266 / 5987), so every browser saves it under its name.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
