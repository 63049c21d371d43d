import { foldForSearch } from './search-text';

describe('foldForSearch', () => {
  it('makes Vietnamese names match without diacritics', () => {
    expect(foldForSearch('Phường Đông Kinh')).toBe('phuong dong kinh');
    expect(foldForSearch('Lương Văn Tri')).toBe(foldForSearch('luong van tri'));
    expect(foldForSearch('Kỳ Lừa')).toBe('ky lua');
  });

  it('keeps codes searchable by their parts', () => {
    expect(foldForSearch('LSN0324-11')).toBe('lsn0324 11');
    expect(foldForSearch('Dong-Kinh_LSN')).toBe('dong kinh lsn');
  });

  it('handles precomposed and decomposed input alike', () => {
    expect(foldForSearch('Đồng Đăng'.normalize('NFD'))).toBe(foldForSearch('Đồng Đăng'.normalize('NFC')));
  });
});
