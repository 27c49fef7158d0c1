/**
 * Jira's text search (`summary ~ "..."`, `text ~ "..."`) as its index behaves: words are matched
 * case-insensitively after English stemming ("deploying" finds "deployed"), common stop words are
 * ignored, every word of the query must occur (in any order), a quoted phrase (`"\"full screen\""`)
 * must occur as written, and `*` / `?` are wildcards inside or at the end of a word (never first).
 */

const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** A light English stemmer: enough that plural, past and -ing forms meet their stem. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const suffix of ['ingly', 'edly', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return word;
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

type Term = { kind: 'word'; test: (word: string) => boolean } | { kind: 'phrase'; stems: string[] };

export class TextQueryError extends Error {}

function wordTerm(raw: string): Term | null {
  if (/^[*?]/.test(raw)) {
    throw new TextQueryError(`The text query '${raw}' is not allowed to start with a wildcard.`);
  }
  if (/[*?]/.test(raw)) {
    const pattern = raw
      .toLowerCase()
      .split('')
      .map((char) =>
        char === '*' ? '[\\p{L}\\p{N}]*' : char === '?' ? '[\\p{L}\\p{N}]' : escapeRegexChar(char),
      )
      .join('');
    const regex = new RegExp(`^${pattern}$`, 'u');
    return { kind: 'word', test: (word) => regex.test(word) };
  }
  const [only] = words(raw);
  if (only === undefined || STOP_WORDS.has(only)) return null;
  const wanted = stem(only);
  return { kind: 'word', test: (word) => stem(word) === wanted };
}

function escapeRegexChar(char: string): string {
  return /[\\^$.|+()[\]{}]/.test(char) ? `\\${char}` : char;
}

/** Compiles a text query into a test over a field's text; throws TextQueryError for a query Jira refuses. */
export function compileTextQuery(query: string): (text: string) => boolean {
  const terms: Term[] = [];
  const phrases = /"([^"]*)"|(\S+)/g;
  for (const match of query.matchAll(phrases)) {
    if (match[1] !== undefined) {
      const stems = words(match[1]).map(stem);
      if (stems.length > 0) terms.push({ kind: 'phrase', stems });
      continue;
    }
    for (const part of (match[2] ?? '').split(/[^\p{L}\p{N}*?]+/u)) {
      if (part.length === 0) continue;
      const term = wordTerm(part);
      if (term) terms.push(term);
    }
  }
  if (terms.length === 0) return () => false;
  return (text) => {
    const found = words(text);
    const stems = found.map(stem);
    return terms.every((term) =>
      term.kind === 'word' ? found.some((word) => term.test(word)) : containsRun(stems, term.stems),
    );
  };
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= haystack.length; start++) {
    if (run.every((item, offset) => haystack[start + offset] === item)) return true;
  }
  return false;
}

/** The plain text of an Atlassian Document Format node (or of a string). */
export function adfText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node === null || typeof node !== 'object') return '';
  const record = node as { text?: unknown; content?: unknown };
  const own = typeof record.text === 'string' ? record.text : '';
  const children = Array.isArray(record.content) ? record.content.map(adfText).join(' ') : '';
  return `${own} ${children}`.trim();
}
