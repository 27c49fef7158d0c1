import { blockingLinksOf, indexBlockingLinks } from '../dependencies/links';
import type { FieldRole } from '../field-roles';
import type { StatusCategoryKey, StatusRef } from '../model';
import type { ConfigProblem, Evaluation, EvaluationContext, IssueFacts, Violation } from './evaluation';
import { ownEntry, tickOf } from './evaluation';
import { type StageLookup, stageLookup } from './lifecycle';
import { compilePattern } from './pattern';
import type { FieldCondition, FieldRef, Rule, Standard, When } from './schema';
import { isEmptyValue, MAX_PATTERN_INPUT, numberValue, textValues } from './values';

/**
 * The standards engine: which standards cover an issue, and what it misses at its status (or at the
 * status a transition would move it to). Pure and precompiled: `createEvaluator` does the per-config
 * work once (lower-cased sets, regexes, stage order), so evaluating one issue is a few set lookups.
 */

type ActiveMode = 'enforce' | 'warn';

interface ResolvedField {
  id: string;
  name: string;
}

interface CompiledRule {
  rule: Rule;
  /** Whether the rule applies at `status`; `from` is the status a checked transition leaves. */
  appliesAt: (status: StatusRef, from?: StatusRef) => boolean;
  check: (
    issue: IssueFacts,
  ) => Omit<Violation, 'standardId' | 'standardName' | 'mode' | 'ruleId' | 'kind'> | null;
}

interface CompiledStandard {
  standard: Standard;
  mode: ActiveMode;
  covers: (issue: IssueFacts) => boolean;
  rules: CompiledRule[];
}

export interface Evaluator {
  /** Every violation of `issue` at its status, or at `nextStatus` when a transition is checked. */
  evaluate(issue: IssueFacts, nextStatus?: StatusRef): Evaluation;
  /** Standards that cannot be evaluated as written (unknown stage, unmapped field role). */
  problems: ConfigProblem[];
}

const ROLE_NAMES: Record<FieldRole, string> = {
  storyPoints: 'Story points',
  startDate: 'Start date',
  team: 'Team',
  riskProbability: 'Probability',
  riskImpact: 'Impact',
  riskOwner: 'Risk owner',
  roam: 'ROAM status',
};

const CATEGORY_WORDS: Record<StatusCategoryKey, string> = {
  new: 'to do',
  indeterminate: 'in progress',
  done: 'done',
};

export function createEvaluator(standards: readonly Standard[], ctx: EvaluationContext): Evaluator {
  const problems: ConfigProblem[] = [];
  const stageOf = stageLookup(ctx.lifecycle);
  const compiled: CompiledStandard[] = [];
  for (const standard of standards) {
    if (standard.mode === 'off') continue;
    const rules: CompiledRule[] = [];
    for (const rule of standard.rules) {
      const report = (message: string) =>
        problems.push({
          standardId: standard.id,
          ruleId: rule.id,
          message: `“${standard.name}” ${message}.`,
        });
      const built = compileRule(rule, ctx, stageOf, report);
      if (built) rules.push(built);
    }
    compiled.push({ standard, mode: standard.mode, covers: scopeMatcher(standard), rules });
  }

  return {
    problems,
    evaluate(issue, nextStatus) {
      const status = nextStatus ?? issue.status;
      const from = nextStatus === undefined ? undefined : issue.status;
      const applicable: Evaluation['applicable'] = [];
      const violations: Violation[] = [];
      for (const entry of compiled) {
        if (!entry.covers(issue)) continue;
        applicable.push({ id: entry.standard.id, name: entry.standard.name, mode: entry.mode });
        for (const compiledRule of entry.rules) {
          if (!compiledRule.appliesAt(status, from)) continue;
          const found = compiledRule.check(issue);
          if (found === null) continue;
          violations.push({
            standardId: entry.standard.id,
            standardName: entry.standard.name,
            mode: entry.mode,
            ruleId: compiledRule.rule.id,
            kind: compiledRule.rule.kind,
            ...found,
          });
        }
      }
      applicable.sort((a, b) => compareText(a.id, b.id));
      violations.sort((a, b) => compareText(a.standardId, b.standardId) || compareText(a.ruleId, b.ruleId));
      return { applicable, violations, problems };
    },
  };
}

/** One-off evaluation; build an {@link Evaluator} once when checking many issues. */
export function evaluate(
  issue: IssueFacts,
  standards: readonly Standard[],
  ctx: EvaluationContext,
  nextStatus?: StatusRef,
): Evaluation {
  return createEvaluator(standards, ctx).evaluate(issue, nextStatus);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerSet(values: readonly string[] | undefined): Set<string> | undefined {
  return values === undefined ? undefined : new Set(values.map((value) => value.toLowerCase()));
}

function scopeMatcher(standard: Standard): (issue: IssueFacts) => boolean {
  const projects = standard.scope.projectKeys ? new Set(standard.scope.projectKeys) : undefined;
  const categories = standard.scope.categoryIds ? new Set(standard.scope.categoryIds) : undefined;
  const types = lowerSet(standard.scope.issueTypes);
  return (issue) =>
    (projects === undefined || projects.has(issue.projectKey)) &&
    (categories === undefined ||
      (issue.projectCategoryId !== null && categories.has(issue.projectCategoryId))) &&
    (types === undefined || types.has(issue.issueType.toLowerCase()));
}

/** Null when the rule can never apply as written (its stage is unknown); the problem is reported. */
function whenMatcher(
  when: When,
  stageOf: StageLookup,
  report: (message: string) => void,
): ((status: StatusRef) => boolean) | null {
  const statuses = lowerSet(when.statuses);
  const categories = when.statusCategories ? new Set(when.statusCategories) : undefined;
  let fromIndex: number | undefined;
  if (when.fromStage !== undefined) {
    const stage = stageOf.stage(when.fromStage);
    if (stage === undefined) {
      report(`names the lifecycle stage "${when.fromStage}", which the lifecycle does not have`);
      return null;
    }
    fromIndex = stage.index;
  }
  return (status) => {
    if (statuses !== undefined && !statuses.has(status.name.toLowerCase())) return false;
    if (categories !== undefined && !categories.has(status.category)) return false;
    if (fromIndex !== undefined) {
      const index = stageOf.indexOfStatus(status.name);
      if (index === undefined || index < fromIndex) return false;
    }
    return true;
  };
}

function describeWhen(when: When, stageOf: StageLookup): string {
  const parts: string[] = [];
  if (when.fromStage !== undefined) {
    parts.push(`from the ${stageOf.stage(when.fromStage)?.name ?? when.fromStage} stage`);
  }
  if (when.statuses !== undefined) parts.push(`in ${orList(when.statuses)}`);
  if (when.statusCategories !== undefined) {
    parts.push(`when ${orList(when.statusCategories.map((category) => CATEGORY_WORDS[category]))}`);
  }
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

function resolveField(
  ref: FieldRef,
  ctx: EvaluationContext,
  report: (message: string) => void,
): ResolvedField | null {
  if (ref.kind === 'field') return { id: ref.id, name: ref.name };
  const id = ctx.fieldMapping[ref.role];
  if (id === undefined) {
    report(`needs the ${ROLE_NAMES[ref.role]} field, which is not mapped on this site`);
    return null;
  }
  const known = ctx.fieldNames === undefined ? undefined : ownEntry(ctx.fieldNames, id);
  return { id, name: known ?? ROLE_NAMES[ref.role] };
}

function compileRule(
  rule: Rule,
  ctx: EvaluationContext,
  stageOf: StageLookup,
  report: (message: string) => void,
): CompiledRule | null {
  switch (rule.kind) {
    case 'requiredFields': {
      const appliesAt = whenMatcher(rule.when, stageOf, report);
      const fields = rule.fields
        .map((ref) => resolveField(ref, ctx, report))
        .filter((field): field is ResolvedField => field !== null);
      if (appliesAt === null || fields.length === 0) return null;
      const whenText = describeWhen(rule.when, stageOf);
      return {
        rule,
        appliesAt,
        check(issue) {
          const missing = fields.filter((field) => isEmptyValue(ownEntry(issue.fields, field.id)));
          if (missing.length === 0) return null;
          const verb = missing.length === 1 ? 'is' : 'are';
          return {
            fields: missing,
            items: [],
            blockers: [],
            message: `${andList(missing.map((field) => field.name))} ${verb} required${whenText}.`,
          };
        },
      };
    }
    case 'fieldCondition': {
      const appliesAt = whenMatcher(rule.when, stageOf, report);
      const field = resolveField(rule.field, ctx, report);
      if (appliesAt === null || field === null) return null;
      const test = conditionTest(rule.condition);
      const required = rule.required;
      return {
        rule,
        appliesAt,
        check(issue) {
          const value = ownEntry(issue.fields, field.id);
          if (isEmptyValue(value)) {
            if (!required) return null;
            return { fields: [field], items: [], blockers: [], message: `${field.name} is required.` };
          }
          const failure = test(value);
          if (failure === null) return null;
          return { fields: [field], items: [], blockers: [], message: `${field.name} ${failure}.` };
        },
      };
    }
    case 'gateChecklist': {
      const stage = stageOf.stage(rule.stage);
      if (stage === undefined) {
        report(`is the gate of the lifecycle stage "${rule.stage}", which the lifecycle does not have`);
        return null;
      }
      const mandatory = rule.items.filter((item) => item.mandatory);
      if (mandatory.length === 0) return null;
      return {
        rule,
        // A gate guards entering its stage: it applies at the stage and after it (an issue that
        // skipped it is out of compliance), but a transition that starts at or past the stage
        // (within it, onwards, or back) does not enter it again and is not held by it.
        appliesAt: (status, from) => {
          const index = stageOf.indexOfStatus(status.name);
          if (index === undefined || index < stage.index) return false;
          const fromIndex = from === undefined ? undefined : stageOf.indexOfStatus(from.name);
          return fromIndex === undefined || fromIndex < stage.index;
        },
        check(issue) {
          const missing = mandatory.filter((item) => tickOf(issue.ticks, rule.id, item.id) === undefined);
          if (missing.length === 0) return null;
          return {
            fields: [],
            items: missing.map((item) => ({ id: item.id, text: item.text })),
            blockers: [],
            message: `The ${stage.name} gate needs ${andList(missing.map((item) => `“${item.text}”`))} ticked.`,
          };
        },
      };
    }
    case 'noOpenBlockers': {
      const appliesAt = whenMatcher(rule.when, stageOf, report);
      if (appliesAt === null) return null;
      const index = indexBlockingLinks(ctx.blockingLinks);
      return {
        rule,
        appliesAt,
        check(issue) {
          const resolved = new Set(
            issue.links.filter((link) => link.otherStatusCategory === 'done').map((link) => link.otherKey),
          );
          const unique = blockingLinksOf(issue.links, index)
            .blockedBy.filter((key) => !resolved.has(key))
            .sort();
          if (unique.length === 0) return null;
          const noun = unique.length === 1 ? 'issue' : 'issues';
          return {
            fields: [],
            items: [],
            blockers: unique,
            message: `Blocked by unresolved ${noun} ${andList(unique)}.`,
          };
        },
      };
    }
    case 'requiredLink': {
      const appliesAt = whenMatcher(rule.when, stageOf, report);
      if (appliesAt === null) return null;
      const types = lowerSet(rule.linkTypes) ?? new Set<string>();
      const whenText = describeWhen(rule.when, stageOf);
      return {
        rule,
        appliesAt,
        check(issue) {
          if (issue.links.some((link) => types.has(link.type.toLowerCase()))) return null;
          return {
            fields: [],
            items: [],
            blockers: [],
            message: `Needs a link to ${rule.description}${whenText} (${orList(rule.linkTypes)}).`,
          };
        },
      };
    }
  }
}

/** A test of a filled-in value: null when it passes, else what is wrong ("must be one of ..."). */
function conditionTest(condition: FieldCondition): (value: unknown) => string | null {
  switch (condition.op) {
    case 'notEmpty':
      return () => null;
    case 'oneOf': {
      const allowed = new Set(condition.values.map((value) => value.toLowerCase()));
      return (value) =>
        textValues(value).every((text) => allowed.has(text.toLowerCase()))
          ? null
          : `must be ${orList(condition.values)}`;
    }
    case 'range': {
      const { min, max } = condition;
      const bounds =
        min !== undefined && max !== undefined
          ? `between ${min} and ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`;
      return (value) => {
        const number = numberValue(value);
        if (number === null) return 'must be a number';
        if ((min !== undefined && number < min) || (max !== undefined && number > max))
          return `must be ${bounds}`;
        return null;
      };
    }
    case 'pattern': {
      const regex = compilePattern(condition.pattern);
      const expected = condition.description ?? `text matching ${condition.pattern}`;
      return (value) =>
        textValues(value).every((text) => regex.test(text.slice(0, MAX_PATTERN_INPUT)))
          ? null
          : `must be ${expected}`;
    }
  }
}

function andList(items: readonly string[]): string {
  return joinList(items, 'and');
}

function orList(items: readonly string[]): string {
  return joinList(items, 'or');
}

function joinList(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
