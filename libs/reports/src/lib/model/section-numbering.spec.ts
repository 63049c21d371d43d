import { numberSections, romanNumeral } from './section-numbering';
import { reportNumberLabel } from './report-number';

describe('section numbering', () => {
  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 14, 40, 1994].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'IX', 'XIV', 'XL', 'MCMXCIV']);
    expect(() => romanNumeral(0)).toThrow(RangeError);
  });

  it('numbers sections I., II. (upper-cased, Vietnamese letters included) and their sub-sections 1., 2., restarting in each', () => {
    const numbered = numberSections<string>([
      { title: 'Tình hình chung', blocks: ['a', { subsection: 'Theo loại sự cố', blocks: ['b'] }, { subsection: 'Theo doanh nghiệp', blocks: [] }] },
      { title: 'Quá hạn và chuyển cấp', blocks: [{ subsection: 'Quá hạn', blocks: [] }] },
      { title: 'Ý kiến của cán bộ trực', blocks: [] },
    ]);
    expect(numbered.map((section) => section.heading)).toEqual(['I. TÌNH HÌNH CHUNG', 'II. QUÁ HẠN VÀ CHUYỂN CẤP', 'III. Ý KIẾN CỦA CÁN BỘ TRỰC']);
    expect(numbered[0]?.blocks).toEqual(['a', { heading: '1. Theo loại sự cố', blocks: ['b'] }, { heading: '2. Theo doanh nghiệp', blocks: [] }]);
    expect(numbered[1]?.blocks).toEqual([{ heading: '1. Quá hạn', blocks: [] }]);
  });
});

describe('the report number', () => {
  it('is the number of the year and the symbol', () => {
    expect(reportNumberLabel(12, 'BC-STTTT')).toBe('12/BC-STTTT');
    expect(() => reportNumberLabel(0, 'BC-SKHCN')).toThrow(RangeError);
  });
});
