import { reportFileName } from './report-files';

describe('reportFileName', () => {
  it('names the file after the kind and the number, in ASCII', () => {
    expect(reportFileName({ kind: 'situation', numberLabel: '12/BC-SKHCN' }, 'pdf')).toBe('bao-cao-tinh-hinh-so-12-bc-skhcn.pdf');
    expect(reportFileName({ kind: 'cyber_initial', numberLabel: '3/BC-SKHCN' }, 'xlsx')).toBe('bao-cao-ban-dau-su-co-attt-so-3-bc-skhcn.xlsx');
  });
});
