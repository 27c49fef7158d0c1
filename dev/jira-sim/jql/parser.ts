/**
 * JQL parser: `query := [or] [ORDER BY field [ASC|DESC] {, ...}]`, `or := and {OR and}`,
 * `and := not {AND not}`, `not := NOT not | '(' or ')' | clause`. AND binds tighter than OR.
 */
import { JqlSyntaxError, position, type Token, tokenize } from './tokenizer';

export type Operator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '~'
  | '!~'
  | 'in'
  | 'not in'
  | 'is'
  | 'is not'
  | 'was'
  | 'was not'
  | 'was in'
  | 'was not in'
  | 'changed';

export type SingleOperand =
  | { kind: 'value'; value: string; quoted: boolean; raw: string; pos: number }
  | { kind: 'function'; name: string; args: string[]; raw: string; pos: number }
  | { kind: 'empty'; raw: string; pos: number };

export type Operand = SingleOperand | { kind: 'list'; items: SingleOperand[]; raw: string; pos: number };

export interface FieldRef {
  /** The field name as written, unquoted (`project`, `Story Points`, `cf[10016]`, `issue.property[k].p`). */
  name: string;
  raw: string;
  pos: number;
  /** Set for `cf[NNN]`. */
  cfId?: number;
  /** Set for `issue.property[key].path`. */
  property?: { key: string; path: string };
}

export interface TermClause {
  kind: 'term';
  field: FieldRef;
  operator: Operator;
  operand: Operand;
  pos: number;
}

export type Clause = { kind: 'and' | 'or'; clauses: Clause[] } | { kind: 'not'; clause: Clause } | TermClause;

export interface OrderByItem {
  field: FieldRef;
  direction?: 'asc' | 'desc';
}

export interface JqlQuery {
  where: Clause | null;
  orderBy: OrderByItem[];
}

/** JQL keywords: never a bare value; a value spelled like one must be quoted. */
export const RESERVED_VALUES: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'order',
  'by',
  'asc',
  'desc',
  'was',
  'changed',
]);
const OPERATORS_HINT =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

class Parser {
  private i = 0;

  constructor(
    private readonly query: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return (this.tokens[this.i + offset] ?? this.tokens[this.tokens.length - 1]) as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.i++;
    return t;
  }

  private isWord(t: Token, word: string): boolean {
    return t.type === 'word' && t.value.toLowerCase() === word;
  }

  private isKeyword(t: Token, word: 'and' | 'or' | 'not'): boolean {
    return this.isWord(t, word) || (t.type === 'op' && t.value === word);
  }

  private describe(t: Token): string {
    return t.type === 'eof' ? 'EOF' : t.raw;
  }

  private fail(message: string, t: Token): never {
    throw new JqlSyntaxError(`Error in the JQL Query: ${message} ${position(this.query, t.pos)}`, t.pos);
  }

  parse(): JqlQuery {
    let where: Clause | null = null;
    const first = this.peek();
    if (first.type !== 'eof' && !(this.isWord(first, 'order') && this.isWord(this.peek(1), 'by'))) {
      where = this.parseOr();
    }
    const orderBy: OrderByItem[] = [];
    const t = this.peek();
    if (this.isWord(t, 'order')) {
      this.next();
      const by = this.next();
      if (!this.isWord(by, 'by')) this.fail(`Expecting 'BY' but got '${this.describe(by)}'.`, by);
      for (;;) {
        const field = this.parseField();
        const item: OrderByItem = { field };
        const dir = this.peek();
        if (this.isWord(dir, 'asc') || this.isWord(dir, 'desc')) {
          this.next();
          item.direction = dir.value.toLowerCase() as 'asc' | 'desc';
        }
        orderBy.push(item);
        if (this.peek().type === 'comma') {
          this.next();
          continue;
        }
        break;
      }
      const end = this.peek();
      if (end.type !== 'eof')
        this.fail(`Expecting either ',' or the end of the query but got '${this.describe(end)}'.`, end);
    } else if (t.type !== 'eof') {
      if (t.type === 'rparen') this.fail(`Expecting either 'OR' or 'AND' but got ')'.`, t);
      this.fail(`Expecting either 'OR' or 'AND' but got '${this.describe(t)}'.`, t);
    }
    return { where, orderBy };
  }

  private parseOr(): Clause {
    return this.parseJoined('or', () => this.parseAnd());
  }

  private parseAnd(): Clause {
    return this.parseJoined('and', () => this.parseNot());
  }

  /** Operands joined by `keyword` (AND binds tighter than OR); one operand alone stands for itself. */
  private parseJoined(keyword: 'and' | 'or', parseOperand: () => Clause): Clause {
    const clauses = [parseOperand()];
    while (this.isKeyword(this.peek(), keyword)) {
      this.next();
      clauses.push(parseOperand());
    }
    return clauses.length === 1 ? (clauses[0] as Clause) : { kind: keyword, clauses };
  }

  private parseNot(): Clause {
    const t = this.peek();
    if (this.isKeyword(t, 'not')) {
      this.next();
      return { kind: 'not', clause: this.parseNot() };
    }
    if (t.type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.type !== 'rparen') this.fail(`Expecting ')' but got '${this.describe(close)}'.`, close);
      return inner;
    }
    return this.parseTerm();
  }

  private parseField(): FieldRef {
    const t = this.next();
    if (t.type !== 'word' && t.type !== 'string') {
      this.fail(`Expecting a field name but got '${this.describe(t)}'.`, t);
    }
    if (t.type === 'word' && RESERVED_VALUES.has(t.value.toLowerCase())) {
      this.fail(
        `'${t.value}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
        t,
      );
    }
    const lower = t.value.toLowerCase();
    if (
      t.type === 'word' &&
      (lower === 'cf' || lower === 'issue.property') &&
      this.peek().type === 'lbracket'
    ) {
      this.next();
      const inner = this.next();
      if (inner.type !== 'word' && inner.type !== 'string') {
        this.fail(`Expecting a value but got '${this.describe(inner)}'.`, inner);
      }
      const close = this.next();
      if (close.type !== 'rbracket') this.fail(`Expecting ']' but got '${this.describe(close)}'.`, close);
      if (lower === 'cf') {
        if (!/^\d+$/.test(inner.value)) {
          this.fail(`The custom field id '${inner.value}' is not valid; expecting a number.`, inner);
        }
        const cfId = Number(inner.value);
        return { name: `cf[${cfId}]`, raw: this.query.slice(t.pos, close.pos + 1), pos: t.pos, cfId };
      }
      let path = '';
      let end = close.pos + 1;
      const after = this.peek();
      if (after.type === 'word' && after.pos === close.pos + 1 && after.value.startsWith('.')) {
        this.next();
        path = after.value.slice(1);
        end = after.pos + after.raw.length;
      }
      return {
        name: `issue.property[${inner.value}]${path ? `.${path}` : ''}`,
        raw: this.query.slice(t.pos, end),
        pos: t.pos,
        property: { key: inner.value, path },
      };
    }
    return { name: t.value, raw: t.raw, pos: t.pos };
  }

  private parseOperator(): Operator {
    const t = this.next();
    if (t.type === 'op' && ['=', '!=', '<', '<=', '>', '>=', '~', '!~'].includes(t.value))
      return t.value as Operator;
    if (t.type === 'word') {
      const w = t.value.toLowerCase();
      if (w === 'in') return 'in';
      if (w === 'changed') return 'changed';
      if (w === 'not') {
        const n = this.next();
        if (this.isWord(n, 'in')) return 'not in';
        this.fail(`Expecting 'IN' but got '${this.describe(n)}'.`, n);
      }
      if (w === 'is') {
        if (this.isKeyword(this.peek(), 'not')) {
          this.next();
          return 'is not';
        }
        return 'is';
      }
      if (w === 'was') {
        if (this.isKeyword(this.peek(), 'not')) {
          this.next();
          if (this.isWord(this.peek(), 'in')) {
            this.next();
            return 'was not in';
          }
          return 'was not';
        }
        if (this.isWord(this.peek(), 'in')) {
          this.next();
          return 'was in';
        }
        return 'was';
      }
    }
    if (t.type === 'op' && t.value === 'not' && this.isWord(this.peek(), 'in')) {
      this.next();
      return 'not in';
    }
    this.fail(`Expecting operator but got '${this.describe(t)}'. ${OPERATORS_HINT}`, t);
  }

  private parseSingleOperand(): SingleOperand {
    const t = this.next();
    if (t.type === 'string') return { kind: 'value', value: t.value, quoted: true, raw: t.raw, pos: t.pos };
    if (t.type === 'word') {
      const lower = t.value.toLowerCase();
      if (lower === 'empty' || lower === 'null') return { kind: 'empty', raw: t.raw, pos: t.pos };
      if (this.peek().type === 'lparen') {
        this.next();
        const args: string[] = [];
        if (this.peek().type !== 'rparen') {
          for (;;) {
            const a = this.next();
            if (a.type !== 'word' && a.type !== 'string') {
              this.fail(`Expecting a function argument but got '${this.describe(a)}'.`, a);
            }
            args.push(a.value);
            const sep = this.peek();
            if (sep.type === 'comma') {
              this.next();
              continue;
            }
            break;
          }
        }
        const close = this.next();
        if (close.type !== 'rparen') this.fail(`Expecting ')' but got '${this.describe(close)}'.`, close);
        return {
          kind: 'function',
          name: t.value,
          args,
          raw: this.query.slice(t.pos, close.pos + 1),
          pos: t.pos,
        };
      }
      if (RESERVED_VALUES.has(lower)) {
        this.fail(
          `'${t.value}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
          t,
        );
      }
      return { kind: 'value', value: t.value, quoted: false, raw: t.raw, pos: t.pos };
    }
    this.fail(`Expecting either a value, list or function but got '${this.describe(t)}'.`, t);
  }

  private parseOperand(): Operand {
    const t = this.peek();
    if (t.type === 'lparen') {
      this.next();
      const items: SingleOperand[] = [];
      for (;;) {
        items.push(this.parseSingleOperand());
        const sep = this.next();
        if (sep.type === 'comma') continue;
        if (sep.type === 'rparen') {
          return { kind: 'list', items, raw: this.query.slice(t.pos, sep.pos + 1), pos: t.pos };
        }
        this.fail(`Expecting either ',' or ')' but got '${this.describe(sep)}'.`, sep);
      }
    }
    return this.parseSingleOperand();
  }

  private parseTerm(): TermClause {
    const start = this.peek();
    const field = this.parseField();
    const opToken = this.peek();
    const operator = this.parseOperator();
    if (operator === 'changed' || operator.startsWith('was')) {
      throw new JqlSyntaxError(
        `The operator '${operator.toUpperCase()}' is not supported by the Jira simulator (history searches are not simulated). ${position(this.query, opToken.pos)}`,
        opToken.pos,
      );
    }
    const operand = this.parseOperand();
    return { kind: 'term', field, operator, operand, pos: start.pos };
  }
}

/** Parse a JQL query; throws `JqlSyntaxError` with a Jira-style message. */
export function parseJql(query: string): JqlQuery {
  return new Parser(query, tokenize(query)).parse();
}
