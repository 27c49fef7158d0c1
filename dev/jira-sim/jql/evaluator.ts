/**
 * Compiles a parsed JQL query, for one user, into a predicate and a comparator over the site's issues.
 * Validation follows Jira: unknown fields, unsupported operators and bad dates are errors; values that
 * do not exist (or that the user cannot see) are errors in `strict` mode and warnings in `warn` mode.
 */
import type { Access } from '../access';
import type { SprintState } from '../agile';
import { ISSUE_TYPES, STATUS_CATEGORIES } from '../catalog';
import type { IndexedProperty, IndexedPropertyType } from '../entity-properties';
import { statusCategoryOf } from '../generator';
import { issueDescription } from '../render';
import type { SimState } from '../state';
import { dateToMs, startOfUtcDay } from '../time';
import type { SimField, SimIssue } from '../types';
import { DATE_FORMAT_HINT, evalDateFunction, isDateFunction, parseDateText } from './dates';
import type { Clause, FieldRef, JqlQuery, Operand, Operator, SingleOperand, TermClause } from './parser';
import { adfText, compileTextQuery, TextQueryError } from './text-search';

export type ValidationMode = 'strict' | 'warn' | 'none';

export interface CompileOptions {
  state: SimState;
  access: Access;
  now: number;
  validation?: ValidationMode;
}

export interface CompiledQuery {
  predicate: (issue: SimIssue) => boolean;
  compare: (a: SimIssue, b: SimIssue) => number;
  /** Project indexes the query is restricted to (null: any project). */
  scopeProjects: Set<number> | null;
  /** Issue ids the query is restricted to (null: any issue). */
  scopeIssues: Set<number> | null;
  errors: string[];
  warnings: string[];
  bounded: boolean;
}

type Kind =
  | 'project'
  | 'category'
  | 'issuekey'
  | 'issuetype'
  | 'status'
  | 'statusCategory'
  | 'priority'
  | 'resolution'
  | 'labels'
  | 'user'
  | 'parent'
  | 'datetime'
  | 'date'
  | 'number'
  | 'option'
  | 'team'
  | 'property'
  | 'sprint'
  | 'version'
  | 'component'
  | 'text';

interface FieldDef {
  kind: Kind;
  /** For `property`: the declaration Jira indexes it by (none: not indexed, so never has a value). */
  indexed?: IndexedProperty | null;
  /** Canonical id used for sorting and accessors. */
  id: string;
  /** Display name for messages (custom fields use their name). */
  label: string;
}

type Pred = (issue: SimIssue) => boolean;

const EQ_OPS: ReadonlySet<Operator> = new Set(['=', '!=', 'in', 'not in', 'is', 'is not']);
const ORD_OPS: ReadonlySet<Operator> = new Set([...EQ_OPS, '<', '<=', '>', '>=']);
const OPS_BY_KIND: Record<Kind, ReadonlySet<Operator>> = {
  project: EQ_OPS,
  category: EQ_OPS,
  issuekey: ORD_OPS,
  issuetype: EQ_OPS,
  status: EQ_OPS,
  statusCategory: EQ_OPS,
  priority: EQ_OPS,
  resolution: EQ_OPS,
  labels: EQ_OPS,
  user: EQ_OPS,
  parent: EQ_OPS,
  datetime: ORD_OPS,
  date: ORD_OPS,
  number: ORD_OPS,
  option: EQ_OPS,
  team: EQ_OPS,
  property: EQ_OPS,
  sprint: EQ_OPS,
  version: EQ_OPS,
  component: EQ_OPS,
  text: new Set(['~', '!~', 'is', 'is not']),
};
const TEXT_OPS: ReadonlySet<Operator> = OPS_BY_KIND.text;
/** Operators by the type an entity property is indexed with. */
const OPS_BY_PROPERTY_TYPE: Record<IndexedPropertyType, ReadonlySet<Operator>> = {
  number: ORD_OPS,
  date: ORD_OPS,
  string: EQ_OPS,
  user: EQ_OPS,
  text: TEXT_OPS,
};
/** Multi-valued fields: a clause holds when any of the issue's values matches. */
const MULTI_KINDS: ReadonlySet<Kind> = new Set(['labels', 'property', 'version', 'component']);

const SYSTEM_FIELDS: Record<string, FieldDef> = {};
function sys(names: string[], kind: Kind, id: string): void {
  for (const n of names) SYSTEM_FIELDS[n] = { kind, id, label: n };
}
sys(['project'], 'project', 'project');
sys(['category'], 'category', 'category');
sys(['key', 'issuekey', 'id', 'issue'], 'issuekey', 'issuekey');
sys(['issuetype', 'type'], 'issuetype', 'issuetype');
sys(['status'], 'status', 'status');
sys(['statuscategory'], 'statusCategory', 'statusCategory');
sys(['priority'], 'priority', 'priority');
sys(['resolution'], 'resolution', 'resolution');
sys(['labels'], 'labels', 'labels');
sys(['assignee'], 'user', 'assignee');
sys(['reporter'], 'user', 'reporter');
sys(['creator'], 'user', 'creator');
sys(['parent'], 'parent', 'parent');
sys(['created', 'createddate'], 'datetime', 'created');
sys(['updated', 'updateddate'], 'datetime', 'updated');
sys(['resolved', 'resolutiondate'], 'datetime', 'resolved');
sys(['statuscategorychangeddate'], 'datetime', 'statusCategoryChangedDate');
sys(['due', 'duedate'], 'date', 'duedate');
sys(['summary'], 'text', 'summary');
sys(['description'], 'text', 'description');
sys(['environment'], 'text', 'environment');
sys(['comment'], 'text', 'comment');
sys(['text'], 'text', 'text');
sys(['sprint'], 'sprint', 'sprint');
sys(['fixversion'], 'version', 'fixVersion');
sys(['component'], 'component', 'component');

/** Real Jira fields that this simulator does not search on. */
const UNSUPPORTED_FIELDS = new Set([
  'affectedversion',
  'attachments',
  'watcher',
  'watchers',
  'voter',
  'votes',
  'worklogdate',
  'worklogauthor',
  'timespent',
  'originalestimate',
  'remainingestimate',
  'lastviewed',
  'filter',
  'savedfilter',
  'rank',
  'epic link',
  'level',
  'issuelink',
  'issuelinktype',
  'subtasks',
]);

const CUSTOM_KIND: Record<string, Kind> = {
  customfield_10001: 'team',
  customfield_10015: 'date',
  customfield_10016: 'number',
  customfield_10301: 'number',
  customfield_10302: 'number',
  customfield_10303: 'user',
  customfield_10304: 'option',
};

let customIndex: { fields: readonly SimField[]; byName: Map<string, SimField> } | undefined;
function customFieldsByName(fields: readonly SimField[]): Map<string, SimField> {
  if (customIndex?.fields === fields) return customIndex.byName;
  const byName = new Map<string, SimField>();
  for (const f of fields) {
    if (!f.custom) continue;
    byName.set(f.id.toLowerCase(), f);
    for (const c of f.clauseNames) byName.set(c.toLowerCase(), f);
  }
  customIndex = { fields, byName };
  return byName;
}

class Compiler {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly validation: ValidationMode;

  constructor(private readonly opts: CompileOptions) {
    this.validation = opts.validation ?? 'strict';
  }

  private get state(): SimState {
    return this.opts.state;
  }

  private error(message: string): void {
    if (this.validation !== 'none') this.errors.push(message);
  }

  /** A value that does not exist: an error in strict mode, a warning in warn mode. */
  private valueError(message: string): void {
    if (this.validation === 'strict') this.errors.push(message);
    else if (this.validation === 'warn') this.warnings.push(message);
  }

  resolveField(ref: FieldRef): FieldDef | null {
    if (ref.property) return this.propertyField(ref.name, ref.property.key, ref.property.path);
    const lower = ref.name.toLowerCase();
    const aliased = this.state.indexedProperties.find((p) => p.searchAlias?.toLowerCase() === lower);
    if (aliased) return this.propertyField(ref.name, aliased.propertyKey, aliased.path);
    if (ref.cfId !== undefined || lower.startsWith('customfield_')) {
      const id = ref.cfId !== undefined ? `customfield_${ref.cfId}` : lower;
      const field = this.state.dataset.fields.find((f) => f.id === id);
      const kind = CUSTOM_KIND[id];
      if (!field || !kind) {
        this.error(`Field '${ref.name}' does not exist or you do not have permission to view it.`);
        return null;
      }
      return { kind, id, label: ref.name };
    }
    const system = SYSTEM_FIELDS[lower];
    if (system) return { ...system, label: ref.name };
    const custom = customFieldsByName(this.state.dataset.fields).get(lower);
    if (custom) {
      const kind = CUSTOM_KIND[custom.id];
      if (kind) return { kind, id: custom.id, label: ref.name };
    }
    if (UNSUPPORTED_FIELDS.has(lower)) {
      this.error(`Field '${ref.name}' is not supported by the Jira simulator.`);
      return null;
    }
    this.error(`Field '${ref.name}' does not exist or you do not have permission to view it.`);
    return null;
  }

  private propertyField(label: string, key: string, path: string): FieldDef {
    const indexed =
      this.state.indexedProperties.find((p) => p.propertyKey === key && p.path === path) ?? null;
    return { kind: 'property', id: `issue.property[${key}]${path ? `.${path}` : ''}`, label, indexed };
  }

  private operatorsOf(field: FieldDef): ReadonlySet<Operator> {
    if (field.kind !== 'property') return OPS_BY_KIND[field.kind];
    // An undeclared property accepts any comparison and simply has no value.
    return field.indexed ? OPS_BY_PROPERTY_TYPE[field.indexed.type] : ORD_OPS;
  }

  compileClause(clause: Clause): Pred {
    switch (clause.kind) {
      case 'and': {
        const preds = clause.clauses.map((c) => this.compileClause(c));
        return (i) => {
          for (const p of preds) if (!p(i)) return false;
          return true;
        };
      }
      case 'or': {
        const preds = clause.clauses.map((c) => this.compileClause(c));
        return (i) => {
          for (const p of preds) if (p(i)) return true;
          return false;
        };
      }
      case 'not': {
        const inner = this.compileClause(clause.clause);
        return (i) => !inner(i);
      }
      default:
        return this.compileTerm(clause);
    }
  }

  private compileTerm(term: TermClause): Pred {
    const never: Pred = () => false;
    const field = this.resolveField(term.field);
    if (!field) return never;
    const op = term.operator;
    if (field.kind === 'version' && ['<', '<=', '>', '>='].includes(op)) {
      this.error(
        `The operator '${op}' on '${field.label}' (version order) is not supported by the Jira simulator.`,
      );
      return never;
    }
    if (!this.operatorsOf(field).has(op)) {
      this.error(`The operator '${op}' is not supported by the '${field.label}' field.`);
      return never;
    }
    if (op === '~' || op === '!~') return this.compileTextSearch(field, op, term.operand);
    const operand = term.operand;
    // Operand shape.
    if (op === 'is' || op === 'is not') {
      if (operand.kind !== 'empty') {
        this.error(
          `The operator '${op.toUpperCase()}' only supports the values 'EMPTY' or 'NULL' for field '${field.label}'.`,
        );
        return never;
      }
    } else if (op === 'in' || op === 'not in') {
      if (operand.kind !== 'list' && operand.kind !== 'function') {
        this.error(
          `Operator '${op}' does not support the non-list value '${operand.raw}' for field '${field.label}'.`,
        );
        return never;
      }
    } else if (operand.kind === 'list') {
      this.error(
        `Operator '${op}' does not support the list value '${operand.raw}' for field '${field.label}'.`,
      );
      return never;
    } else if (op !== '=' && op !== '!=' && operand.kind === 'empty') {
      this.error(`The operator '${op}' does not support the value 'EMPTY' for field '${field.label}'.`);
      return never;
    }

    const items: SingleOperand[] = operand.kind === 'list' ? operand.items : [operand];
    if (op === '<' || op === '<=' || op === '>' || op === '>=')
      return this.compileOrdering(field, op, items[0] as SingleOperand);

    // Equality family: resolve operands to a set of canonical values (+ whether EMPTY was named).
    let wantsEmpty = false;
    const values = new Set<string>();
    for (const item of items) {
      if (item.kind === 'empty') {
        wantsEmpty = true;
        continue;
      }
      for (const v of this.resolveValues(field, item)) values.add(v);
    }
    const positive = op === '=' || op === 'in' || op === 'is';
    if (op === 'is' || op === 'is not') wantsEmpty = true;

    const getter = this.getter(field);
    if (MULTI_KINDS.has(field.kind)) {
      const multi = this.multiGetter(field);
      return (i) => {
        const vals = multi(i);
        if (vals.length === 0) return positive ? wantsEmpty : false;
        if (op === 'is') return false;
        if (op === 'is not') return true;
        let hit = false;
        for (const v of vals) {
          if (values.has(v)) {
            hit = true;
            break;
          }
        }
        return positive ? hit : !hit;
      };
    }
    if (field.kind === 'date' && (op === '=' || op === '!=')) {
      // Compare date fields by day.
      const days = new Set([...values].map((v) => String(startOfUtcDay(Number(v)))));
      return (i) => {
        const v = getter(i);
        if (v === null) return positive ? wantsEmpty : false;
        const hit = days.has(String(startOfUtcDay(Number(v))));
        return positive ? hit : !hit;
      };
    }
    return (i) => {
      const v = getter(i);
      if (v === null) return positive ? wantsEmpty : false;
      if (op === 'is') return false;
      if (op === 'is not') return true;
      const hit = values.has(v);
      return positive ? hit : !hit;
    };
  }

  private compileOrdering(field: FieldDef, op: '<' | '<=' | '>' | '>=', operand: SingleOperand): Pred {
    const never: Pred = () => false;
    if (field.kind === 'issuekey') {
      if (operand.kind !== 'value') {
        this.error(
          `The operator '${op}' does not support the value '${operand.raw}' for field '${field.label}'.`,
        );
        return never;
      }
      const target = this.findVisibleIssue(operand.value);
      if (!target) {
        this.valueError(`An issue with key '${operand.value}' does not exist for field '${field.label}'.`);
        return never;
      }
      const num = issueNumber(target.key);
      return (i) => i.projectIdx === target.projectIdx && cmp(op, issueNumber(i.key), num);
    }
    const resolved = this.resolveValues(field, operand);
    const first = resolved[0];
    if (first === undefined) return never;
    const bound = Number(first);
    if (field.kind === 'property') {
      const multi = this.multiGetter(field);
      return (i) => multi(i).some((v) => cmp(op, Number(v), bound));
    }
    const getter = this.getter(field);
    return (i) => {
      const v = getter(i);
      return v !== null && cmp(op, Number(v), bound);
    };
  }

  /** Canonical string values the operand stands for (ids, account ids, epoch ms, numbers ...). */
  private resolveValues(field: FieldDef, item: SingleOperand): string[] {
    if (item.kind === 'empty') return [];
    if (item.kind === 'function') return this.resolveFunction(field, item);
    const v = item.value;
    const lower = v.toLowerCase();
    const ds = this.state.dataset;
    switch (field.kind) {
      case 'project': {
        const idx = this.findVisibleProject(v);
        if (idx === undefined) {
          this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
          return [];
        }
        return [String(idx)];
      }
      case 'category': {
        const c = ds.categories.find((x) => x.id === v || x.name.toLowerCase() === lower);
        if (!c) {
          this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
          return [];
        }
        return [c.id];
      }
      case 'issuekey':
      case 'parent': {
        const issue = this.findVisibleIssue(v);
        if (!issue) {
          this.valueError(`An issue with key '${v}' does not exist for field '${field.label}'.`);
          return [];
        }
        return [String(issue.id)];
      }
      case 'issuetype':
        return this.byIdOrName(field, v, ds.issueTypes);
      case 'status':
        return this.byIdOrName(field, v, ds.statuses);
      case 'priority':
        return this.byIdOrName(field, v, ds.priorities);
      case 'resolution':
        return this.byIdOrName(field, v, ds.resolutions);
      case 'statusCategory': {
        const c = ds.statusCategories.find(
          (x) => String(x.id) === v || x.key === lower || x.name.toLowerCase() === lower,
        );
        if (!c) {
          this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
          return [];
        }
        return [c.key];
      }
      case 'labels':
        return [v];
      case 'user': {
        const person =
          this.state.people.get(v) ??
          ds.people.find(
            (p) => p.emailAddress.toLowerCase() === lower || p.displayName.toLowerCase() === lower,
          );
        if (!person) {
          this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
          return [];
        }
        return [person.accountId];
      }
      case 'datetime':
      case 'date':
        return this.dateValue(field, v);
      case 'number':
        return this.numberValue(field, v);
      case 'option': {
        const o = ds.roamOptions.find((x) => x.id === v || x.value.toLowerCase() === lower);
        if (!o) {
          this.valueError(`The option '${v}' for field '${field.label}' does not exist.`);
          return [];
        }
        return [o.id];
      }
      case 'team': {
        const t = ds.teams.find((x) => x.id === v || x.name.toLowerCase() === lower);
        if (!t) {
          this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
          return [];
        }
        return [t.id];
      }
      case 'property':
        return this.propertyValue(field, v);
      case 'sprint':
        return this.named(field, v, this.visible(this.state.dataset.sprints), (s) => String(s.id));
      case 'version':
        return this.named(field, v, this.visible(this.state.dataset.versions), (x) => x.id);
      case 'component':
        return this.named(field, v, this.visible(this.state.dataset.components), (x) => x.id);
      default:
        return [];
    }
  }

  /** A property clause's value in the form its declared type is indexed in. */
  private propertyValue(field: FieldDef, v: string): string[] {
    switch (field.indexed?.type) {
      case 'number':
        return this.numberValue(field, v);
      case 'date':
        return this.dateValue(field, v);
      case 'user':
        return [v];
      default:
        return [v.toLowerCase()];
    }
  }

  /** A date value as the index holds it (epoch ms), or a JQL error naming the field. */
  private dateValue(field: FieldDef, v: string): string[] {
    const d = parseDateText(v, this.opts.now);
    if (!d) {
      this.error(`Date value '${v}' for field '${field.label}' is invalid. ${DATE_FORMAT_HINT}`);
      return [];
    }
    return [String(d.ms)];
  }

  /** A number value as the index holds it, or a JQL error naming the field. */
  private numberValue(field: FieldDef, v: string): string[] {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) {
      this.error(`The value '${v}' is not a valid number for the field '${field.label}'.`);
      return [];
    }
    return [String(n)];
  }

  /** Sprints, versions or components of projects the user can browse. */
  private visible<T extends { projectIdx: number }>(items: readonly T[]): T[] {
    return items.filter((item) => this.opts.access.canBrowse(item.projectIdx));
  }

  /** Every item whose id or name (any case) is `v`: names repeat across projects, like Jira's. */
  private named<T extends { id: string | number; name: string }>(
    field: FieldDef,
    v: string,
    items: readonly T[],
    idOf: (item: T) => string,
  ): string[] {
    const lower = v.toLowerCase();
    const hits = items.filter((x) => String(x.id) === v || x.name.toLowerCase() === lower);
    if (hits.length === 0) {
      this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
      return [];
    }
    return hits.map(idOf);
  }

  private compileTextSearch(field: FieldDef, op: '~' | '!~', operand: Operand): Pred {
    const never: Pred = () => false;
    if (operand.kind !== 'value') {
      this.error(`The operator '${op}' only supports a text value for field '${field.label}'.`);
      return never;
    }
    let matches: (text: string) => boolean;
    try {
      matches = compileTextQuery(operand.value);
    } catch (error) {
      if (!(error instanceof TextQueryError)) throw error;
      this.error(`${error.message} (field '${field.label}')`);
      return never;
    }
    const text = this.getter(field);
    return (i) => {
      const value = text(i);
      if (value === null) return false;
      return op === '~' ? matches(value) : !matches(value);
    };
  }

  private sprintsIn(states: readonly SprintState[]): string[] {
    return this.visible(this.state.dataset.sprints)
      .filter((sprint) => states.includes(sprint.state))
      .map((sprint) => String(sprint.id));
  }

  private versionsFrom(fn: Extract<SingleOperand, { kind: 'function' }>, released: boolean): string[] | null {
    const [projectRef, extra] = fn.args;
    if (extra !== undefined) return null;
    let versions = this.visible(this.state.dataset.versions).filter((x) => x.released === released);
    if (projectRef !== undefined) {
      const idx = this.findVisibleProject(projectRef);
      if (idx === undefined) return null;
      versions = versions.filter((x) => x.projectIdx === idx);
    }
    const name = fn.name.toLowerCase();
    if (name === 'latestreleasedversion' || name === 'earliestunreleasedversion') {
      if (projectRef === undefined) return null;
      const sorted = [...versions].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
      const pick = name === 'latestreleasedversion' ? sorted.at(-1) : sorted[0];
      return pick ? [pick.id] : [];
    }
    return versions.map((x) => x.id);
  }

  /** `linkedIssues(KEY[, "link description"])`: the issues linked to KEY (that way, when given). */
  private linkedIssues(fn: Extract<SingleOperand, { kind: 'function' }>): string[] {
    const [key, description, extra] = fn.args;
    if (key === undefined || extra !== undefined) {
      this.error(
        `Function 'linkedIssues' expects an issue key and optionally a link description: ${fn.raw}.`,
      );
      return [];
    }
    const target = this.findVisibleIssue(key);
    if (!target) {
      this.error(`Issue '${key}' could not be found in function 'linkedIssues'.`);
      return [];
    }
    const wanted = description?.toLowerCase();
    if (
      wanted !== undefined &&
      !this.state.dataset.linkTypes.some(
        (t) => t.inward.toLowerCase() === wanted || t.outward.toLowerCase() === wanted,
      )
    ) {
      this.error(`Issue link type '${description}' could not be found in function 'linkedIssues'.`);
      return [];
    }
    const out: string[] = [];
    for (const link of this.state.linksByIssue.get(target.id) ?? []) {
      const type = this.state.linkTypes.get(link.typeId);
      const outward = link.from === target.id;
      const reads = outward ? type?.outward : type?.inward;
      if (wanted !== undefined && reads?.toLowerCase() !== wanted) continue;
      out.push(String(outward ? link.to : link.from));
    }
    return out;
  }

  private resolveFunction(field: FieldDef, fn: Extract<SingleOperand, { kind: 'function' }>): string[] {
    const name = fn.name.toLowerCase();
    if (name === 'currentuser') {
      if (field.kind !== 'user') {
        this.error(
          `A value provided by the function 'currentUser' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      return [this.opts.access.user.accountId];
    }
    if (isDateFunction(name)) {
      if (field.kind !== 'datetime' && field.kind !== 'date') {
        this.error(
          `A value provided by the function '${fn.name}' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      const ms = evalDateFunction(name, fn.args, this.opts.now);
      if (ms === null) {
        this.error(`The function '${fn.name}' was given invalid arguments: ${fn.raw}.`);
        return [];
      }
      return [String(ms)];
    }
    if (name === 'opensprints' || name === 'closedsprints' || name === 'futuresprints') {
      if (field.kind !== 'sprint' || fn.args.length > 0) {
        this.error(
          `A value provided by the function '${fn.name}' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      if (name === 'closedsprints') return this.sprintsIn(['closed']);
      return this.sprintsIn(name === 'futuresprints' ? ['future'] : ['active', 'future']);
    }
    if (VERSION_FUNCTIONS.has(name)) {
      if (field.kind !== 'version') {
        this.error(
          `A value provided by the function '${fn.name}' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      const ids = this.versionsFrom(fn, name.includes('unreleased') === false);
      if (ids === null) {
        this.error(`The function '${fn.name}' was given invalid arguments: ${fn.raw}.`);
        return [];
      }
      return ids;
    }
    if (name === 'linkedissues') {
      if (field.kind !== 'issuekey') {
        this.error(
          `A value provided by the function '${fn.name}' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      return this.linkedIssues(fn);
    }
    if (name === 'standardissuetypes' || name === 'subtaskissuetypes') {
      if (field.kind !== 'issuetype') {
        this.error(
          `A value provided by the function '${fn.name}' is invalid for the field '${field.label}'.`,
        );
        return [];
      }
      const sub = name === 'subtaskissuetypes';
      return ISSUE_TYPES.filter((t) => t.subtask === sub).map((t) => t.id);
    }
    this.error(`Unable to find JQL function '${fn.raw}'.`);
    return [];
  }

  private byIdOrName(field: FieldDef, v: string, items: readonly { id: string; name: string }[]): string[] {
    const lower = v.toLowerCase();
    const hit = items.find((x) => x.id === v || x.name.toLowerCase() === lower);
    if (!hit) {
      this.valueError(`The value '${v}' does not exist for the field '${field.label}'.`);
      return [];
    }
    return [hit.id];
  }

  private findVisibleProject(v: string): number | undefined {
    const idx =
      this.state.findProject(v) ??
      (() => {
        const lower = v.toLowerCase();
        const i = this.state.dataset.projects.findIndex((p) => p.name.toLowerCase() === lower);
        return i >= 0 ? i : undefined;
      })();
    if (idx === undefined || !this.opts.access.canBrowse(idx)) return undefined;
    return idx;
  }

  private findVisibleIssue(v: string): SimIssue | undefined {
    const issue = this.state.findIssue(v);
    return issue && this.opts.access.canSee(issue) ? issue : undefined;
  }

  /** Single-valued accessor returning the canonical string form (or null when empty). */
  getter(field: FieldDef): (i: SimIssue) => string | null {
    const state = this.state;
    switch (field.kind) {
      case 'project':
        return (i) => String(i.projectIdx);
      case 'category':
        return (i) => state.dataset.projects[i.projectIdx]?.categoryId ?? null;
      case 'issuekey':
        return (i) => String(i.id);
      case 'parent':
        return (i) => (i.parentId === null ? null : String(i.parentId));
      case 'issuetype':
        return (i) => i.typeId;
      case 'status':
        return (i) => i.statusId;
      case 'statusCategory':
        return (i) => statusCategoryOf(i.statusId);
      case 'priority':
        return (i) => i.priorityId;
      case 'resolution':
        return (i) => i.resolutionId;
      case 'user':
        if (field.id === 'assignee') return (i) => i.assignee;
        if (field.id === 'customfield_10303') return (i) => i.riskOwner;
        return (i) => i.reporter;
      case 'datetime':
        if (field.id === 'created') return (i) => String(i.created);
        if (field.id === 'updated') return (i) => String(i.updated);
        if (field.id === 'resolved') return (i) => (i.resolved === null ? null : String(i.resolved));
        return (i) => String(i.statusChanged);
      case 'date':
        if (field.id === 'duedate') return (i) => (i.duedate === null ? null : String(dateToMs(i.duedate)));
        return (i) => (i.startDate === null ? null : String(dateToMs(i.startDate)));
      case 'number':
        if (field.id === 'customfield_10016')
          return (i) => (i.storyPoints === null ? null : String(i.storyPoints));
        if (field.id === 'customfield_10301')
          return (i) => (i.riskProbability === null ? null : String(i.riskProbability));
        return (i) => (i.riskImpact === null ? null : String(i.riskImpact));
      case 'option':
        return (i) => i.roamId;
      case 'team':
        return (i) => i.teamId;
      case 'sprint':
        return (i) => (i.sprintId === null || i.sprintId === undefined ? null : String(i.sprintId));
      case 'text':
        return this.textOf(field);
      case 'property':
        if (field.indexed?.type === 'text') {
          const multi = this.multiGetter(field);
          return (i) => {
            const values = multi(i);
            return values.length === 0 ? null : values.join(' ');
          };
        }
        return () => null;
      default:
        return () => null;
    }
  }

  /** The text a text-search field indexes (null: the field is empty). */
  private textOf(field: FieldDef): (i: SimIssue) => string | null {
    const description = (i: SimIssue) => adfText(issueDescription(i, this.state.project(i.projectIdx).name));
    switch (field.id) {
      case 'summary':
        return (i) => i.summary;
      case 'description':
        return (i) => description(i) || null;
      case 'text':
        return (i) => `${i.summary} ${description(i)}`;
      default:
        // Environment and comments: the simulated issues have none.
        return () => null;
    }
  }

  private multiGetter(field: FieldDef): (i: SimIssue) => readonly string[] {
    if (field.kind === 'labels') return (i) => i.labels;
    if (field.kind === 'version') return (i) => i.fixVersionIds ?? [];
    if (field.kind === 'component') return (i) => i.componentIds ?? [];
    const type = field.indexed?.type;
    if (!type) return () => [];
    const ref = field.id;
    const m = /^issue\.property\[(.*)\](?:\.(.*))?$/s.exec(ref);
    const key = m?.[1] ?? '';
    const path = (m?.[2] ?? '').split('.').filter((p) => p.length > 0);
    return (i) => {
      const props = this.state.properties.get(i.id);
      if (!props?.has(key)) return [];
      let value: unknown = props.get(key);
      for (const p of path) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          value = (value as Record<string, unknown>)[p];
        } else return [];
      }
      const flat = Array.isArray(value) ? value : [value];
      const out: string[] = [];
      for (const v of flat) {
        const indexed = indexedValue(type, v);
        if (indexed !== null) out.push(indexed);
      }
      return out;
    };
  }

  compileOrder(query: JqlQuery): (a: SimIssue, b: SimIssue) => number {
    if (query.orderBy.length === 0) {
      return (a, b) => b.created - a.created || b.id - a.id;
    }
    const keys: ((a: SimIssue, b: SimIssue) => number)[] = [];
    for (const item of query.orderBy) {
      // Rank: the simulator's backlog order is the creation order (Jira's default rank).
      const isRank = item.field.name.toLowerCase() === 'rank' && !item.field.property;
      const field = isRank ? (SYSTEM_FIELDS.issuekey ?? null) : this.resolveField(item.field);
      if (!field) continue;
      const sortKey = this.sortKey(field);
      if (!sortKey) {
        this.error(`Field '${item.field.name}' does not support sorting.`);
        continue;
      }
      const dir = item.direction === 'desc' ? -1 : 1;
      keys.push((a, b) => {
        const x = sortKey(a);
        const y = sortKey(b);
        if (x === y) return 0;
        // Empty values sort as the largest.
        if (x === null) return dir;
        if (y === null) return -dir;
        return (x < y ? -1 : 1) * dir;
      });
    }
    return (a, b) => {
      for (const k of keys) {
        const r = k(a, b);
        if (r !== 0) return r;
      }
      return a.id - b.id;
    };
  }

  private sortKey(field: FieldDef): ((i: SimIssue) => string | number | null) | null {
    const state = this.state;
    const name = (id: string | null, map: Map<string, { name: string }>) =>
      id === null ? null : (map.get(id)?.name ?? id);
    switch (field.kind) {
      case 'issuekey':
        return (i) =>
          `${state.dataset.projects[i.projectIdx]?.key ?? ''}-${String(issueNumber(i.key)).padStart(9, '0')}`;
      case 'project':
        return (i) => state.dataset.projects[i.projectIdx]?.name.toLowerCase() ?? '';
      case 'issuetype':
        return (i) => name(i.typeId, state.issueTypes);
      case 'status':
        return (i) => name(i.statusId, state.statuses);
      case 'statusCategory':
        return (i) => STATUS_CATEGORIES.findIndex((c) => c.key === statusCategoryOf(i.statusId));
      case 'priority':
        return (i) => 6 - (state.priorities.get(i.priorityId)?.rank ?? 3);
      case 'resolution':
        return (i) => name(i.resolutionId, state.resolutions);
      case 'user': {
        const get = this.getter(field);
        return (i) => {
          const id = get(i);
          return id === null ? null : (state.people.get(id)?.displayName.toLowerCase() ?? id);
        };
      }
      case 'parent':
        return (i) => (i.parentId === null ? null : (state.issueById.get(i.parentId)?.key ?? null));
      case 'datetime':
      case 'date':
      case 'number': {
        const get = this.getter(field);
        return (i) => {
          const v = get(i);
          return v === null ? null : Number(v);
        };
      }
      case 'option':
        return (i) => (i.roamId === null ? null : (state.roamOptions.get(i.roamId)?.value ?? null));
      case 'team':
        return (i) => (i.teamId === null ? null : (state.teams.get(i.teamId)?.name ?? null));
      case 'text':
        if (field.label.toLowerCase() === 'summary') return (i) => i.summary.toLowerCase();
        return null;
      default:
        return null;
    }
  }

  /** Narrow the candidate set from top-level restrictions (`project in (...)`, `key = X`). */
  scope(clause: Clause | null): { projects: Set<number> | null; issues: Set<number> | null } {
    const none = { projects: null, issues: null };
    if (!clause) return none;
    if (clause.kind === 'term') {
      if (clause.operator !== '=' && clause.operator !== 'in') return none;
      const field = SYSTEM_FIELDS[clause.field.name.toLowerCase()];
      if (!field || clause.field.property || clause.field.cfId !== undefined) return none;
      const items = clause.operand.kind === 'list' ? clause.operand.items : [clause.operand];
      if (items.some((i) => i.kind !== 'value')) return none;
      const values = items.map((i) => (i.kind === 'value' ? i.value : ''));
      if (field.kind === 'project') {
        const set = new Set<number>();
        for (const v of values) {
          const idx = this.findVisibleProject(v);
          if (idx !== undefined) set.add(idx);
        }
        return { projects: set, issues: null };
      }
      if (field.kind === 'issuekey') {
        const set = new Set<number>();
        for (const v of values) {
          const issue = this.findVisibleIssue(v);
          if (issue) set.add(issue.id);
        }
        return { projects: null, issues: set };
      }
      return none;
    }
    if (clause.kind === 'and') {
      let projects: Set<number> | null = null;
      let issues: Set<number> | null = null;
      for (const c of clause.clauses) {
        const s = this.scope(c);
        if (s.projects) projects = projects ? intersect(projects, s.projects) : s.projects;
        if (s.issues) issues = issues ? intersect(issues, s.issues) : s.issues;
      }
      return { projects, issues };
    }
    if (clause.kind === 'or') {
      const parts = clause.clauses.map((c) => this.scope(c));
      if (parts.every((p) => p.projects)) {
        const projects = new Set<number>();
        for (const p of parts) for (const x of p.projects ?? []) projects.add(x);
        return { projects, issues: null };
      }
      return none;
    }
    return none;
  }
}

const VERSION_FUNCTIONS: ReadonlySet<string> = new Set([
  'releasedversions',
  'unreleasedversions',
  'latestreleasedversion',
  'earliestunreleasedversion',
]);

/** A property value as Jira indexes it for its declared type (null: not indexable as that type). */
function indexedValue(type: IndexedPropertyType, v: unknown): string | null {
  switch (type) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
    case 'date': {
      const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
      return Number.isFinite(ms) ? String(ms) : null;
    }
    case 'user':
      return typeof v === 'string' ? v : null;
    default:
      if (typeof v === 'string') return type === 'text' ? v : v.toLowerCase();
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  }
}

function intersect<T>(a: Set<T>, b: Set<T>): Set<T> {
  const out = new Set<T>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

function cmp(op: '<' | '<=' | '>' | '>=', a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function issueNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

export function compileJql(query: JqlQuery, opts: CompileOptions): CompiledQuery {
  const compiler = new Compiler(opts);
  let predicate: (issue: SimIssue) => boolean = () => true;
  if (query.where) {
    const compiled = compiler.compileClause(fixUnresolved(query.where));
    predicate = compiled;
  }
  const compare = compiler.compileOrder(query);
  const scope = compiler.scope(query.where);
  return {
    predicate,
    compare,
    scopeProjects: scope.projects,
    scopeIssues: scope.issues,
    errors: [...new Set(compiler.errors)],
    warnings: [...new Set(compiler.warnings)],
    bounded: query.where !== null,
  };
}

/** `resolution = Unresolved` means `resolution IS EMPTY`: rewrite before compiling. */
function fixUnresolved(clause: Clause): Clause {
  if (clause.kind === 'not') return { ...clause, clause: fixUnresolved(clause.clause) };
  if (clause.kind !== 'term') return { ...clause, clauses: clause.clauses.map(fixUnresolved) };
  if (clause.field.name.toLowerCase() !== 'resolution') return clause;
  const isUnresolved = (o: SingleOperand) => o.kind === 'value' && o.value.toLowerCase() === 'unresolved';
  const toEmpty = (o: SingleOperand): SingleOperand =>
    isUnresolved(o) ? { kind: 'empty', raw: o.raw, pos: o.pos } : o;
  const operand: Operand =
    clause.operand.kind === 'list'
      ? { ...clause.operand, items: clause.operand.items.map(toEmpty) }
      : toEmpty(clause.operand);
  return { ...clause, operand };
}
