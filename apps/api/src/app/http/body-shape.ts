import type { FieldProblem } from '@netduty/contracts';

/** No request body of ours is deeper than a few levels; anything past this is refused before any handler. */
export const MAX_BODY_DEPTH = 64;

/** Keys that reach an object's prototype when a body is merged or assigned; refused wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type BodyShapeProblem =
  | { kind: 'too_deep'; depth: number }
  | { kind: 'fields'; fields: FieldProblem[] };

/**
 * Walks a parsed JSON value once, without recursion (a body 5,000 levels deep must not exhaust the
 * stack): too deep, prototype keys and NUL characters (which PostgreSQL text cannot store), each named
 * by its path. `root` names the value itself (a body has none; a route parameter its name).
 */
export function bodyShapeProblem(value: unknown, root = ''): BodyShapeProblem | null {
  const fields: FieldProblem[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) fields.push({ field: path || 'value', code: 'contains_nul' });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { kind: 'too_deep', depth: MAX_BODY_DEPTH };
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [String(index), item])
      : Object.keys(current).map((key) => [key, (current as Record<string, unknown>)[key]]);
    for (const [key, item] of entries) {
      if (!Array.isArray(current) && PROTOTYPE_KEYS.has(key)) {
        fields.push({ field: join(path, key), code: 'unknown_field' });
        continue;
      }
      pending.push({ value: item, path: join(path, key), depth: depth + 1 });
    }
  }
  if (fields.length === 0) return null;
  return { kind: 'fields', fields: fields.sort((a, b) => a.field.localeCompare(b.field)) };
}
