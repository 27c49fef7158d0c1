/** JQL tokenizer: words, quoted strings (with Jira's escapes), operators and punctuation. */

export type TokenType =
  | 'word'
  | 'string'
  | 'op'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'lbracket'
  | 'rbracket'
  | 'eof';

export interface Token {
  type: TokenType;
  /** Unescaped text for strings and words; the operator for ops. */
  value: string;
  /** Source text of the token. */
  raw: string;
  /** 0-based offset in the query. */
  pos: number;
}

export class JqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'JqlSyntaxError';
  }
}

/** Jira's "(line L, character C)" suffix for a 0-based offset. */
export function position(query: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < query.length; i++) {
    if (query[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `(line ${line}, character ${col})`;
}

const DELIMITERS = new Set(['(', ')', ',', '=', '!', '<', '>', '~', '"', "'", '[', ']', '&', '|']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i] as string;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '(' || ch === ')' || ch === ',' || ch === '[' || ch === ']') {
      const type: TokenType =
        ch === '('
          ? 'lparen'
          : ch === ')'
            ? 'rparen'
            : ch === ','
              ? 'comma'
              : ch === '['
                ? 'lbracket'
                : 'rbracket';
      tokens.push({ type, value: ch, raw: ch, pos: start });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const quote = ch;
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const c = query[i] as string;
        if (c === '\\') {
          const next = query[i + 1];
          if (next === undefined) break;
          switch (next) {
            case '"':
            case "'":
            case '\\':
            case ' ':
              value += next;
              i += 2;
              continue;
            case 'n':
              value += '\n';
              i += 2;
              continue;
            case 't':
              value += '\t';
              i += 2;
              continue;
            case 'r':
              value += '\r';
              i += 2;
              continue;
            case 'u': {
              const hex = query.slice(i + 2, i + 6);
              if (/^[0-9a-fA-F]{4}$/.test(hex)) {
                value += String.fromCharCode(Number.parseInt(hex, 16));
                i += 6;
                continue;
              }
              break;
            }
          }
          throw new JqlSyntaxError(
            `Error in the JQL Query: '\\${next}' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. ${position(query, i)}`,
            i,
          );
        }
        if (c === quote) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) {
        throw new JqlSyntaxError(
          `Error in the JQL Query: The quoted string '${value}' has not been completed. ${position(query, n)}`,
          n,
        );
      }
      tokens.push({ type: 'string', value, raw: query.slice(start, i), pos: start });
      continue;
    }
    if (ch === '=' || ch === '~') {
      tokens.push({ type: 'op', value: ch, raw: ch, pos: start });
      i++;
      continue;
    }
    if (ch === '!') {
      const next = query[i + 1];
      if (next === '=' || next === '~') {
        tokens.push({ type: 'op', value: `!${next}`, raw: `!${next}`, pos: start });
        i += 2;
      } else {
        tokens.push({ type: 'op', value: 'not', raw: '!', pos: start });
        i++;
      }
      continue;
    }
    if (ch === '<' || ch === '>') {
      if (query[i + 1] === '=') {
        tokens.push({ type: 'op', value: `${ch}=`, raw: `${ch}=`, pos: start });
        i += 2;
      } else {
        tokens.push({ type: 'op', value: ch, raw: ch, pos: start });
        i++;
      }
      continue;
    }
    if (ch === '&' || ch === '|') {
      const double = query[i + 1] === ch;
      const raw = double ? ch + ch : ch;
      tokens.push({ type: 'op', value: ch === '&' ? 'and' : 'or', raw, pos: start });
      i += raw.length;
      continue;
    }
    // Unquoted word: runs to whitespace or a delimiter. Backslash escapes are allowed here too.
    let value = '';
    while (i < n) {
      const c = query[i] as string;
      if (isSpace(c) || DELIMITERS.has(c)) break;
      if (c === '\\' && i + 1 < n) {
        value += query[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    tokens.push({ type: 'word', value, raw: query.slice(start, i), pos: start });
  }
  tokens.push({ type: 'eof', value: '', raw: '', pos: n });
  return tokens;
}
