/**
 * Checks of the raw shape of untrusted JSON (resolver payloads, imported files), made before any
 * schema sees it. zod's records silently skip a `__proto__` key and its objects strip it, so such a
 * key would vanish without a word; and a value nested thousands of levels deep would exhaust the
 * stack of a recursive parser. Both are refused with a clear message instead.
 */

/** Deepest nesting of objects and arrays accepted (a configuration needs about 10). */
export const MAX_NESTING = 64;

/** Keys that name a prototype when used to index a plain object. */
const PROTOTYPE_KEYS = new Set(['__proto__']);

export interface ShapeProblem {
  path: string;
  message: string;
}

/** The first problem of the raw shape of `value`, or undefined. Iterative: safe at any depth. */
export function untrustedShapeProblem(value: unknown, root = '(root)'): ShapeProblem | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path, depth } = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_NESTING) {
      return { path, message: `is nested more than ${MAX_NESTING} levels deep` };
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push({ value: item, path: `${path}.${index}`, depth: depth + 1 });
      });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (PROTOTYPE_KEYS.has(key)) {
        return { path: `${path}.${key}`, message: `the key "${key}" is not accepted` };
      }
      pending.push({
        value: (current as Record<string, unknown>)[key],
        path: `${path}.${key}`,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}
