import { SETTINGS_LIMITS, type SettingsProblem } from '../../contracts/settings';
import { contentProblems } from '../../domain/config/content';
import type { PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { JiraClient } from '../../jira/client';
import { JiraError } from '../../jira/client';
import { orderByPosition } from '../portfolio/scope';

/**
 * Checks a candidate configuration must pass before it is stored, shared by save, restore, import
 * and override: size (one KVS value), content (no markup, no control characters) and the site
 * (admins' JQL validated by Jira's /rest/api/3/jql/parse).
 */

export function configBytes(config: PmoConfig): number {
  return Buffer.byteLength(JSON.stringify(config), 'utf8');
}

/** PAYLOAD_TOO_LARGE when the configuration would not fit one stored value. */
export function assertConfigFits(config: PmoConfig): void {
  const bytes = configBytes(config);
  if (bytes > SETTINGS_LIMITS.maxConfigBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The settings are ${kib(bytes)} KiB; at most ${kib(SETTINGS_LIMITS.maxConfigBytes)} KiB can be stored. Remove standards, rules or long descriptions and try again.`,
      { bytes, limit: SETTINGS_LIMITS.maxConfigBytes },
    );
  }
}

export function contentErrors(config: unknown): SettingsProblem[] {
  return contentProblems(config).map((problem) => ({ ...problem, severity: 'error' as const }));
}

/**
 * The version comment is shown in the audit log and the versions list to every editor: the same
 * content rules as the configuration's texts (no markup, no control or bidi characters).
 */
export function commentErrors(comment: string): SettingsProblem[] {
  return contentProblems({ comment }).map((problem) => ({
    ...problem,
    message: `The comment ${problem.message}`,
    severity: 'error' as const,
  }));
}

/**
 * Consistency the schema does not check: unique portfolio ids (they name portfolios in links), and
 * stages that rules name must exist in the lifecycle.
 */
export function structuralErrors(config: PmoConfig): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const error = (path: string, message: string) => problems.push({ path, message, severity: 'error' });
  const portfolioIds = new Set<string>();
  config.portfolios.forEach((portfolio, index) => {
    if (portfolioIds.has(portfolio.id))
      error(`portfolios.${index}.id`, `duplicate portfolio id ${portfolio.id}`);
    portfolioIds.add(portfolio.id);
  });
  const stageNames = new Map<string, number>();
  config.lifecycle.stages.forEach((stage, index) => {
    // Gates, the panel and the compliance report name stages by name: two alike are indistinguishable.
    const name = stage.name.trim().toLowerCase();
    const first = stageNames.get(name);
    if (first !== undefined) {
      error(
        `lifecycle.stages.${index}.name`,
        `Stage name "${stage.name}" is already used by stage ${first + 1}; each stage needs its own name`,
      );
    } else stageNames.set(name, index);
  });
  const stages = new Set(config.lifecycle.stages.map((stage) => stage.id));
  config.standards.forEach((standard, s) => {
    standard.rules.forEach((rule, r) => {
      const path = `standards.${s}.rules.${r}`;
      const named = rule.kind === 'gateChecklist' ? rule.stage : rule.when.fromStage;
      if (named !== undefined && !stages.has(named)) {
        error(
          rule.kind === 'gateChecklist' ? `${path}.stage` : `${path}.when.fromStage`,
          `Standard "${standard.name}" names stage ${named}, which is not in the lifecycle`,
        );
      }
    });
  });
  return problems;
}

/** Problems of JQL portfolio scopes, as Jira's jql/parse reports them (as the acting user). */
export async function jqlProblems(jira: JiraClient, config: PmoConfig): Promise<SettingsProblem[]> {
  // Every JQL in the settings, said to people by what it belongs to.
  const scoped = [
    ...config.portfolios.flatMap((portfolio, index) =>
      portfolio.scope.kind === 'jql'
        ? [
            {
              path: `portfolios.${index}.scope.jql`,
              owner: `Portfolio "${portfolio.name}"`,
              jql: portfolio.scope.jql,
            },
          ]
        : [],
    ),
    ...(config.scoring.candidates.jql === null
      ? []
      : [
          { path: 'scoring.candidates.jql', owner: 'Scoring candidates', jql: config.scoring.candidates.jql },
        ]),
  ];
  if (scoped.length === 0) return [];
  const queries = scoped.map(({ jql }) => jql);
  let parsed: Awaited<ReturnType<JiraClient['parseJql']>>;
  try {
    parsed = await jira.parseJql(queries);
  } catch (error) {
    // Jira refuses the whole request (e.g. an empty query): report it against every scope.
    if (error instanceof JiraError && error.code === 'BAD_REQUEST') {
      return scoped.map(({ path, owner }) => ({
        path,
        message: `${owner}: ${error.message}`,
        severity: 'error' as const,
      }));
    }
    throw error;
  }
  const problems: SettingsProblem[] = [];
  scoped.forEach(({ path, owner }, position) => {
    const result = parsed[position];
    const errors = result?.errors ?? [];
    if (errors.length > 0) {
      problems.push({
        path,
        message: `${owner}: Jira does not accept this JQL: ${errors.join(' ')}`,
        severity: 'error',
      });
    } else if (
      result?.structure?.orderBy !== undefined ||
      orderByPosition(queries[position] ?? '') !== undefined
    ) {
      // A scope is a condition the app combines with others (scope.ts); an ORDER BY in it
      // would make every composed query invalid.
      problems.push({
        path,
        message: `${owner}: remove the ORDER BY clause; this JQL only selects issues, the app orders them itself`,
        severity: 'error',
      });
    }
  });
  return problems;
}

/** Whether the candidate changes who may edit (Jira admins only may). */
export function accessChanged(live: PmoConfig | null, candidate: PmoConfig): boolean {
  if (live === null) return true;
  return (live.access.pmoGroupName ?? null) !== (candidate.access.pmoGroupName ?? null);
}

/**
 * A PMO group the candidate newly names must exist in Jira (asked with `/group/bulk`): a misspelt
 * group would silently let nobody in.
 */
export async function accessGroupProblems(
  jira: JiraClient,
  live: PmoConfig | null,
  candidate: PmoConfig,
): Promise<SettingsProblem[]> {
  const name = candidate.access.pmoGroupName;
  if (name === null || !accessChanged(live, candidate)) return [];
  const existing = await jira.existingGroups([name]);
  if (existing.some((group) => group.toLowerCase() === name.toLowerCase())) return [];
  return [
    {
      path: 'access.pmoGroupName',
      message: `There is no Jira group "${name}" on this site; name an existing group or leave it empty`,
      severity: 'error',
    },
  ];
}

export const ACCESS_PROBLEM: SettingsProblem = {
  path: 'access.pmoGroupName',
  message: 'Only Jira administrators can change which group may edit PMO settings.',
  severity: 'error',
};

/** BAD_REQUEST naming the first error and carrying them all, when there are errors. */
export function throwIfErrors(problems: readonly SettingsProblem[], what: string): void {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  if (!first) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new AppError('BAD_REQUEST', `${what}: ${first.path}: ${first.message}${more}`, {
    problems: errors,
  });
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0);
}
