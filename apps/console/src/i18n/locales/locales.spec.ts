import { en } from './en';
import { vi } from './vi';
import { leaves, placeholders } from './same-shape.spec-helper';

describe('translations', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have the same keys in Vietnamese and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [path, text] of [...viLeaves, ...enLeaves]) expect({ path, empty: text.trim() === '' }).toEqual({ path, empty: false });
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [path, text] of viLeaves) {
      expect({ path, placeholders: placeholders(enLeaves.get(path) ?? '') }).toEqual({ path, placeholders: placeholders(text) });
    }
  });

  it('use the glossary terms for the statuses', () => {
    expect(Object.values(vi.status)).toEqual(['Mới báo cáo', 'Đã tiếp nhận', 'Đang xử lý', 'Đã khắc phục', 'Đã đóng', 'Mở lại']);
  });
});
