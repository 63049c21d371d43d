type Tree = { [key: string]: string | Tree };

/** Every string of a strings tree by its dotted path. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [childPath, childValue] of leaves(value, path)) result.set(childPath, childValue);
  }
  return result;
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** For a spec: Vietnamese and English have the same keys and placeholders, and no string is empty. */
export function expectSameShape(vi: Tree, en: Tree): void {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);
  expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  for (const [path, text] of viLeaves) {
    expect({ path, empty: text.trim() === '' || (enLeaves.get(path) ?? '').trim() === '' }).toEqual({ path, empty: false });
    expect({ path, placeholders: placeholders(enLeaves.get(path) ?? '') }).toEqual({ path, placeholders: placeholders(text) });
  }
}
