import { DRILL_MARK, markForDrill } from './drill-mark';

describe('markForDrill', () => {
  it('puts [DIỄN TẬP] in front of the text in a drill', () => {
    expect(markForDrill('BÁO CÁO TÌNH HÌNH', true)).toBe('[DIỄN TẬP] BÁO CÁO TÌNH HÌNH');
  });

  it('leaves the text as it is outside a drill', () => {
    expect(markForDrill('BÁO CÁO TÌNH HÌNH', false)).toBe('BÁO CÁO TÌNH HÌNH');
  });

  it('does not mark an already marked text twice', () => {
    const once = markForDrill('Chuyển cấp sự cố', true);
    expect(markForDrill(once, true)).toBe(once);
    expect(once.split(DRILL_MARK)).toHaveLength(2);
  });

  it('marks an empty text with the mark alone in front', () => {
    expect(markForDrill('', true)).toBe('[DIỄN TẬP] ');
  });
});
