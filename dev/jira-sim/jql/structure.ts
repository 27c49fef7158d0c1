/** The `structure` that `/rest/api/3/jql/parse` returns for a parsed query (Jira's JqlQuery schema). */
import {
  type Clause,
  type FieldRef,
  type JqlQuery,
  type Operand,
  RESERVED_VALUES,
  type SingleOperand,
} from './parser';

const NEEDS_QUOTES = /[\s"'()=!<>~,[\]&|\\{}*+%^$#@?;/.]/;
/** Keywords, plus EMPTY and NULL, which unquoted would mean "no value". */
const RESERVED = new Set([...RESERVED_VALUES, 'empty', 'null']);

export function encodeValue(value: string): string {
  if (value === '' || NEEDS_QUOTES.test(value) || RESERVED.has(value.toLowerCase())) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return value;
}

function encodeField(field: FieldRef): Record<string, unknown> {
  if (field.property) {
    const { key, path } = field.property;
    return {
      name: field.name,
      encodedName: `issue.property[${encodeValue(key)}]${path ? `.${path}` : ''}`,
      property: [{ entity: 'issue', key, path }],
    };
  }
  if (field.cfId !== undefined) return { name: field.name, encodedName: field.name };
  return { name: field.name, encodedName: encodeValue(field.name) };
}

function encodeSingle(o: SingleOperand): Record<string, unknown> {
  switch (o.kind) {
    case 'empty':
      return { keyword: 'empty' };
    case 'function':
      return {
        function: o.name,
        arguments: o.args,
        encodedOperand: `${o.name}(${o.args.map(encodeValue).join(', ')})`,
      };
    default:
      return { value: o.value, encodedValue: encodeValue(o.value) };
  }
}

function encodeOperand(o: Operand): Record<string, unknown> {
  if (o.kind === 'list') {
    const values = o.items.map(encodeSingle);
    const encoded = o.items.map((i) =>
      i.kind === 'empty'
        ? 'EMPTY'
        : i.kind === 'function'
          ? `${i.name}(${i.args.map(encodeValue).join(', ')})`
          : encodeValue(i.value),
    );
    return { values, encodedOperand: `(${encoded.join(', ')})` };
  }
  return encodeSingle(o);
}

export function clauseStructure(clause: Clause): Record<string, unknown> {
  switch (clause.kind) {
    case 'and':
    case 'or':
      return { operator: clause.kind, clauses: clause.clauses.map(clauseStructure) };
    case 'not':
      return { operator: 'not', clauses: [clauseStructure(clause.clause)] };
    default:
      return {
        field: encodeField(clause.field),
        operator: clause.operator,
        operand: encodeOperand(clause.operand),
      };
  }
}

export function queryStructure(query: JqlQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (query.where) out.where = clauseStructure(query.where);
  if (query.orderBy.length > 0) {
    out.orderBy = {
      fields: query.orderBy.map((o) => {
        const item: Record<string, unknown> = { field: encodeField(o.field) };
        if (o.direction) item.direction = o.direction;
        return item;
      }),
    };
  }
  return out;
}
