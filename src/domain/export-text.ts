/**
 * Text from Jira and from settings written into files people open elsewhere: spreadsheets (CSV)
 * and Markdown (wikis, e-mail). One implementation each, used by the Custom UI's CSV export and the
 * report CLI.
 */

/**
 * Characters a spreadsheet skips or trims before it looks for a formula sign: whitespace and line
 * breaks, zero-width characters, word joiner, byte order mark, no-break and other Unicode spaces.
 */
const IGNORED_LEAD = /^[\s\u200B-\u200D\u2060\uFEFF\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*/u;
/** Signs that start a formula, in ASCII and full width (some spreadsheets accept both). */
const FORMULA_SIGN = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Whether a spreadsheet could read the cell as a formula (CSV injection). */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  return FORMULA_SIGN.test(text.replace(IGNORED_LEAD, ''));
}

/** A CSV cell a spreadsheet shows as text: a formula-like cell gets a leading apostrophe. */
export function neutralizeSpreadsheetCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** Line breaks of every kind (a Markdown table row must stay on one line). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Other control characters and bidi controls: dropped (they have no place in a report and may hide text). */
function isControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function withoutControls(text: string): string {
  let out = '';
  for (const char of text) if (!isControl(char.codePointAt(0) ?? 0)) out += char;
  return out;
}
/** Markdown punctuation that can start emphasis, code, links, images, tables or HTML. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+!|~]/g;

/**
 * Text as inert Markdown (for a table cell or a list item): one line, no emphasis, no links or
 * images (brackets and parentheses escaped, bare URLs and `www.` not auto-linked), no HTML.
 */
export function markdownText(text: string): string {
  return withoutControls(text.replace(LINE_BREAKS, ' '))
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`)
    .replace(/[<>&]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&amp;'))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`);
}
