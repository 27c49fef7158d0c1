import { RE2JS } from 're2js';

/**
 * Admin-written patterns (field conditions) run on text any editor of an issue controls, inside
 * the workflow validator's time limit. JavaScript's backtracking RegExp takes exponential time on
 * patterns like `^(a+)+$`, so patterns run on RE2 (re2js), which matches in time linear in the
 * input. RE2 has no backreferences and no lookaround: such patterns are refused when settings are
 * saved, with the reason, rather than run slowly.
 */

export interface CompiledPattern {
  /** Whether the pattern matches anywhere in `text` (like `RegExp.prototype.test`). */
  test(text: string): boolean;
}

/** Compiles a pattern that {@link patternProblem} accepted; throws for one it refuses. */
export function compilePattern(pattern: string): CompiledPattern {
  const compiled = RE2JS.compile(pattern);
  return { test: (text) => compiled.test(text) };
}

/** Why `pattern` cannot be used, in words for the admin; null when it can. */
export function patternProblem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : '';
    return `not a pattern the app can run (${detail}); backreferences like \\1 and lookarounds like (?=...) are not supported`;
  }
}
