/** JQL subset: tokenizer, parser, evaluator and the `jql/parse` structure. */
export { DATE_FORMAT_HINT, evalDateFunction, parseDateText } from './dates';
export { type CompiledQuery, type CompileOptions, compileJql, type ValidationMode } from './evaluator';
export type {
  Clause,
  FieldRef,
  JqlQuery,
  Operand,
  Operator,
  OrderByItem,
  SingleOperand,
  TermClause,
} from './parser';
export { parseJql } from './parser';
export { clauseStructure, encodeValue, queryStructure } from './structure';
export { JqlSyntaxError, position, type Token, tokenize } from './tokenizer';
