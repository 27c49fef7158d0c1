/**
 * Content rules for every string in a configuration, on top of the schema: saved and imported
 * configurations are shown in Jira to every user (standard names, checklist texts, override
 * reasons), so they must carry no markup and no invisible control characters.
 *
 * The app renders these strings as text, never as HTML, and never evaluates them; rejecting markup
 * is defence in depth (a copy-pasted "<script>" in a checklist item is refused with a clear message
 * instead of being stored and shown to everyone as source text). JQL and regular expressions are
 * exempt from the markup rule, since `<` and `>` are operators there; they never reach a page as
 * HTML either.
 */

export interface ContentProblem {
  path: string;
  message: string;
}

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls; bidi overrides. */
function findControlCharacter(text: string): number | undefined {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (
      code <= 0x1f ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    ) {
      return code;
    }
  }
  return undefined;
}

/**
 * An HTML tag as a browser reads one (`<script>`, `</b>`, `<img src=x onerror=...>`: the name right
 * after `<`), an unclosed dangerous tag, a comment, CDATA or a doctype. "a < b and c > d" is text.
 */
const MARKUP =
  /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|<!\[cdata\[|<!doctype|<\/?(script|iframe|img|svg|object|embed|style|link|meta|base|form|input|math|body|html)\b/iu;

/** Paths (with array indexes as `*`) whose strings may contain `<` and `>` legitimately. */
const MARKUP_EXEMPT = [/^portfolios\.\*\.scope\.jql$/, /^standards\.\*\.rules\.\*\.condition\.pattern$/];

export function contentProblems(value: unknown): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(value, [], problems);
  return problems;
}

function visit(value: unknown, path: (string | number)[], problems: ContentProblem[]): void {
  if (problems.length >= 50) return;
  if (typeof value === 'string') {
    checkString(value, path, problems);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, [...path, index], problems);
    });
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // Keys are data too (project keys of overrides, field roles): the schema restricts them.
      checkString(key, [...path, key], problems, 'key');
      visit(item, [...path, key], problems);
    }
  }
}

function checkString(
  text: string,
  path: (string | number)[],
  problems: ContentProblem[],
  what: 'value' | 'key' = 'value',
): void {
  const where = path.length === 0 ? '(root)' : path.map(String).join('.');
  const control = findControlCharacter(text);
  if (control !== undefined) {
    const code = control.toString(16).toUpperCase().padStart(4, '0');
    problems.push({
      path: where,
      message: `contains an invisible control character (U+${code}); remove it`,
    });
    return;
  }
  if (what === 'value') {
    const pattern = path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
    if (!MARKUP_EXEMPT.some((exempt) => exempt.test(pattern)) && MARKUP.test(text)) {
      problems.push({
        path: where,
        message: 'contains HTML or script markup, which settings do not accept; use plain text',
      });
    }
  }
}
