import { JSONPath } from 'jsonpath-plus';

/**
 * JSONPath as the webhook mappings use it: jsonpath-plus with `eval: false`, so a filter `[?(…)]` or a
 * dynamic `[(…)]` is refused by the library itself rather than run (not even in its "safe" sandboxed
 * evaluator: a mapping is data an administrator types, never code the api executes). Saved paths are
 * also checked beforehand (scriptProblem), so a refused path is named when the mapping is saved, not
 * when an NMS posts.
 */
export function evaluatePath(path: string, json: unknown): unknown[] {
  if (json === null || typeof json !== 'object') return [];
  const found: unknown = JSONPath({ path, json: json as object, eval: false, wrap: true, resultType: 'value' });
  return Array.isArray(found) ? found : [];
}

/**
 * Why a path cannot be used, if it cannot: not starting at `$`, a script of any kind (`?(…)`, `(…)`),
 * a type operator (`@string()`, `@other()`), or a syntax jsonpath-plus does not evaluate.
 */
export function pathProblem(path: string): 'not_rooted' | 'script_not_allowed' | 'jsonpath_syntax' | null {
  if (!path.startsWith('$')) return 'not_rooted';
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(path);
  } catch {
    return 'jsonpath_syntax';
  }
  if (segments.some((segment) => /^(\?|\(|@)/.test(segment))) return 'script_not_allowed';
  try {
    evaluatePath(path, { probe: [{ probe: 1 }] });
  } catch {
    return 'jsonpath_syntax';
  }
  return null;
}
