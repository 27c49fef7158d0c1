import { contentProblems } from '@domain/config/content';
import { type PmoConfig, PmoConfigSchema } from '@domain/config/schema';
import type { z } from 'zod';
import { type SectionId, sectionOfPath } from '../sections';
import { thresholdRangeProblems } from './threshold-ranges';

/**
 * Client-side validation of the draft with the same zod schema the server parses with, plus the
 * cross-references zod cannot see (a rule naming a lifecycle stage that does not exist). Problems
 * are keyed by path ("standards.0.rules.1.fields") so that each form shows them next to its field.
 */

export type ProblemPath = readonly PropertyKey[];

export interface Problem {
  path: string;
  message: string;
  /** Errors block a publish; warnings (from the server: a status this site does not have) do not. */
  severity?: 'error' | 'warning';
}

export interface Problems {
  list: Problem[];
  byPath: ReadonlyMap<string, string[]>;
  /** How many of `list` are errors. */
  errors: number;
}

export const NO_PROBLEMS: Problems = { list: [], byPath: new Map(), errors: 0 };

export function pathKey(path: ProblemPath): string {
  return path.map(String).join('.');
}

/** `text` as a sentence: capital first letter, final full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'This value is not valid.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A zod issue in words an admin understands. */
export function friendlyMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? 'Required.' : `Use at least ${minimum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return minimum <= 1 ? 'Add at least one.' : `Add at least ${minimum}.`;
      }
      return `Must be ${issue.inclusive ? 'at least' : 'more than'} ${minimum}.`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${maximum} allowed.`;
      return `Must be ${issue.inclusive ? 'at most' : 'less than'} ${maximum}.`;
    }
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'number') return 'Enter a number.';
      if (issue.expected === 'string') return 'Required.';
      return sentence(issue.message);
    case 'invalid_format':
      if (issue.format === 'datetime') return 'Enter a valid date.';
      return sentence(issue.message);
    case 'unrecognized_keys':
      return `Unknown setting${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}.`;
    default:
      return sentence(issue.message);
  }
}

function stageReferenceProblems(config: PmoConfig): Problem[] {
  const stages = new Set(config.lifecycle.stages.map((stage) => stage.id));
  const problems: Problem[] = [];
  config.standards.forEach((standard, s) => {
    standard.rules.forEach((rule, r) => {
      if (rule.kind === 'gateChecklist' && !stages.has(rule.stage)) {
        problems.push({
          path: pathKey(['standards', s, 'rules', r, 'stage']),
          message: `Choose a lifecycle stage; "${rule.stage}" is not one.`,
        });
      }
      if ('when' in rule && rule.when.fromStage !== undefined && !stages.has(rule.when.fromStage)) {
        problems.push({
          path: pathKey(['standards', s, 'rules', r, 'when', 'fromStage']),
          message: `Choose a lifecycle stage; "${rule.when.fromStage}" is not one.`,
        });
      }
    });
  });
  return problems;
}

function portfolioIdProblems(config: PmoConfig): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  config.portfolios.forEach((portfolio, index) => {
    if (seen.has(portfolio.id)) {
      problems.push({
        path: pathKey(['portfolios', index, 'id']),
        message: `Another portfolio already uses the id ${portfolio.id}.`,
      });
    }
    seen.add(portfolio.id);
  });
  return problems;
}

export function toProblems(list: Problem[]): Problems {
  const byPath = new Map<string, string[]>();
  const unique: Problem[] = [];
  for (const problem of list) {
    const messages = byPath.get(problem.path) ?? [];
    const text = problem.severity === 'warning' ? `Warning: ${problem.message}` : problem.message;
    if (messages.includes(text) || messages.includes(problem.message)) continue;
    messages.push(text);
    byPath.set(problem.path, messages);
    unique.push(problem);
  }
  return { list: unique, byPath, errors: unique.filter((problem) => problem.severity !== 'warning').length };
}

/** Every problem of the draft, or NO_PROBLEMS. */
export function validateDraft(draft: PmoConfig): Problems {
  const parsed = PmoConfigSchema.safeParse(draft);
  const ranges = thresholdRangeProblems(draft).map((problem) => ({
    path: pathKey(problem.path),
    message: problem.message,
  }));
  const rangePaths = new Set(ranges.map((problem) => problem.path));
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: pathKey(issue.path), message: friendlyMessage(issue) }));
  const list: Problem[] = [...ranges, ...schemaProblems.filter((problem) => !rangePaths.has(problem.path))];
  list.push(...stageReferenceProblems(draft), ...portfolioIdProblems(draft));
  // The server refuses markup and control characters in any text; say so before it does.
  for (const problem of contentProblems(draft)) {
    list.push({ path: problem.path === '(root)' ? '' : problem.path, message: sentence(problem.message) });
  }
  return list.length === 0 ? NO_PROBLEMS : toProblems(list);
}

/** Messages for exactly `path`. */
export function problemsAt(problems: Problems, path: ProblemPath): string[] {
  return problems.byPath.get(pathKey(path)) ?? [];
}

/** Problems at `path` or anywhere below it. */
export function problemsUnder(problems: Problems, path: ProblemPath): Problem[] {
  const prefix = pathKey(path);
  return problems.list.filter(
    (problem) => prefix === '' || problem.path === prefix || problem.path.startsWith(`${prefix}.`),
  );
}

/** How many problems of `severity` each section has. */
export function problemCountBySection(
  problems: Problems,
  severity: 'error' | 'warning' = 'error',
): Map<SectionId, number> {
  const counts = new Map<SectionId, number>();
  for (const problem of problems.list) {
    if ((problem.severity ?? 'error') !== severity) continue;
    const section = sectionOfPath(problem.path === '' ? [] : problem.path.split('.'));
    if (section !== null) counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return counts;
}
