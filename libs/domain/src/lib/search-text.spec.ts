import { foldForSearch, siteSearchRank } from './search-text';

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

describe('siteSearchRank', () => {
  it('ranks a whole-word match of the name or code first, then a code prefix, then the rest', () => {
    expect(siteSearchRank('chi lang', { code: 'LSN0412-01', name: 'Trạm BTS Chi Lăng 2' })).toBe(0);
    expect(siteSearchRank('chi lang', { code: 'Dong-Kinh_LSN', name: 'Trung tâm báo chí Đông Kinh' })).toBe(2);
    expect(siteSearchRank('LSN0412', { code: 'LSN0412-01', name: 'Trạm BTS Chi Lăng 2' })).toBe(0);
    expect(siteSearchRank('lsn04', { code: 'LSN0412-01', name: 'Trạm BTS Chi Lăng 2' })).toBe(1);
    expect(siteSearchRank('lan', { code: 'LSN0412-01', name: 'Trạm BTS Chi Lăng 2' })).toBe(2);
    expect(siteSearchRank('', { code: 'X', name: 'Y' })).toBe(2);
  });
});
