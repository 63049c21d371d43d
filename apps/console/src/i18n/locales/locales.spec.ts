import { en } from './en';
import { vi } from './vi';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [childPath, childValue] of leaves(value, path)) result.set(childPath, childValue);
  }
  return result;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

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
