import pLimit from 'p-limit';
import { type DryRunResult, SETTINGS_LIMITS } from '../../contracts/settings';
import { type PmoConfig, PmoConfigSchema } from '../../domain/config/schema';
import type { StatusRef } from '../../domain/model';
import type { Evaluator } from '../../domain/standards/evaluate';
import type { IssueFacts } from '../../domain/standards/evaluation';
import type { Standard } from '../../domain/standards/schema';
import type { JiraClient } from '../../jira/client';
import { jqlString } from '../../jira/jql';
import type { JiraIssue, JiraProject } from '../../jira/schemas';
import type { Actor, AppDeps } from '../deps';
import { rankingImpact } from '../scoring/ranking-impact';
import { loadAllTicks } from '../standards/checklist-store';
import { standardsFieldIds, toIssueFacts } from '../standards/issue-facts';
import { evaluatorFor } from '../standards/issue-standards';
import { loadStandardsSite } from '../standards/standards-site';
import { assertConfigFits } from './candidate';
import { dryRunHealth } from './dry-run-health';
import { authorizeEditor } from './versions';

/**
 * The dry run before publishing: the candidate configuration's standards against the live ones, on
 * the current issues of the projects either covers, read as the editor (Jira applies their
 * permissions). "N issues in M projects would become non-compliant; K transitions would now be
 * blocked", with a sample per project. Capped at {@link SETTINGS_LIMITS.dryRunIssueCap} issues
 * (`sampled: true` beyond); nothing is stored. Editors only.
 *
 * A transition is a move of an issue into another status seen among its project's evaluated issues
 * (a stand-in for the project's workflows, which would cost a request per issue to read); it is
 * newly blocked when the candidate's enforced standards block it and the live ones do not, which is
 * what the workflow validator would do.
 */
export async function dryRunSettings(
  deps: AppDeps,
  actor: Actor,
  candidate: PmoConfig,
  options: { cap?: number; samplePerProject?: number } = {},
): Promise<DryRunResult> {
  const { live } = await authorizeEditor(deps, actor);
  assertConfigFits(candidate);
  const cap = options.cap ?? SETTINGS_LIMITS.dryRunIssueCap;
  const samplePerProject = options.samplePerProject ?? SETTINGS_LIMITS.dryRunSamplePerProject;
  // A damaged live version compares against no standards at all: everything found is "new".
  const liveConfig = live.config ?? PmoConfigSchema.parse({ standards: [] });
  const jira = deps.jira.asUser(actor.accountId);

  const [liveSite, candidateSite, ticks, projects] = await Promise.all([
    loadStandardsSite(jira, liveConfig),
    loadStandardsSite(jira, candidate),
    loadAllTicks(deps.store),
    jira.searchProjects(),
  ]);
  const liveEvaluator = evaluatorFor(liveConfig, liveSite);
  const candidateEvaluator = evaluatorFor(candidate, candidateSite);
  const covered = projects.filter(
    (project) => coversProject(liveConfig.standards, project) || coversProject(candidate.standards, project),
  );
  const fields = [
    ...new Set([
      ...standardsFieldIds(liveConfig.standards, liveSite.mapping),
      ...standardsFieldIds(candidate.standards, candidateSite.mapping),
      'summary',
      'security',
    ]),
  ];

  const budget = { left: cap, sampled: false };
  const limit = pLimit(Math.max(1, deps.jiraConcurrency));
  const perProject = await Promise.all(
    covered
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((project) => limit(() => readProject(jira, project.key, fields, budget))),
  );

  let evaluatedIssues = 0;
  let newlyNonCompliant = 0;
  let newlyCompliant = 0;
  let newlyBlockedTransitions = 0;
  const projectResults: DryRunResult['perProject'] = [];
  for (const { projectKey, issues } of perProject) {
    const facts = issues.flatMap((issue) => {
      try {
        return [{ issue, facts: toIssueFacts(issue, ticks.get(issue.id) ?? {}) }];
      } catch {
        return []; // without status, type or project there is nothing to evaluate
      }
    });
    const targets = statusesSeen(facts.map((entry) => entry.facts));
    let projectIssues = 0;
    let projectBlocked = 0;
    let projectAffected = 0;
    const sample: DryRunResult['perProject'][number]['sample'] = [];
    for (const { issue, facts: issueFacts } of facts) {
      evaluatedIssues++;
      const before = liveEvaluator.evaluate(issueFacts);
      const after = candidateEvaluator.evaluate(issueFacts);
      const becomesNonCompliant = before.violations.length === 0 && after.violations.length > 0;
      if (becomesNonCompliant) projectIssues++;
      else if (before.violations.length > 0 && after.violations.length === 0) newlyCompliant++;
      const newlyBlocked = targets.filter(
        (target) =>
          target.name.toLowerCase() !== issueFacts.status.name.toLowerCase() &&
          blocks(candidateEvaluator, issueFacts, target) &&
          !blocks(liveEvaluator, issueFacts, target),
      );
      projectBlocked += newlyBlocked.length;
      // Examples are the issues the change affects: an issue that already broke a warn-mode standard
      // which is now enforced is not "newly non-compliant", but its moves are newly blocked.
      if (!becomesNonCompliant && newlyBlocked.length === 0) continue;
      projectAffected++;
      if (sample.length < samplePerProject) {
        sample.push({
          key: issue.key,
          summary: visibleSummary(issue),
          messages: [
            ...after.violations.map((violation) => `${violation.standardName}: ${violation.message}`),
            ...(newlyBlocked.length > 0
              ? [`Would block moving to ${newlyBlocked.map((target) => target.name).join(', ')}`]
              : []),
          ],
        });
      }
    }
    newlyNonCompliant += projectIssues;
    newlyBlockedTransitions += projectBlocked;
    if (projectIssues > 0 || projectBlocked > 0) {
      projectResults.push({
        projectKey,
        issues: projectIssues,
        newlyBlockedTransitions: projectBlocked,
        affectedIssues: projectAffected,
        sample,
      });
    }
  }
  projectResults.sort((a, b) => b.issues - a.issues || a.projectKey.localeCompare(b.projectKey));
  const ranking = await rankingImpact(deps, actor, liveConfig, candidate);
  const health = await dryRunHealth(
    deps,
    actor,
    { config: liveConfig, engine: live.version > 0 ? liveConfig.engine : null, site: liveSite },
    { config: candidate, engine: candidate.engine, site: candidateSite },
    ticks,
  );

  return {
    liveVersion: live.version,
    evaluatedIssues,
    evaluatedProjects: covered.length,
    sampled: budget.sampled,
    cap,
    newlyNonCompliant: {
      issues: newlyNonCompliant,
      projects: projectResults.filter((project) => project.issues > 0).length,
    },
    newlyCompliant: { issues: newlyCompliant },
    newlyBlockedTransitions,
    perProject: projectResults,
    health,
    problems: candidateEvaluator.problems.map((problem) => ({ ...problem })),
    generatedAt: deps.now().toISOString(),
    ranking,
  };
}

/** Whether any active standard can cover issues of `project` (issue types aside). */
function coversProject(standards: readonly Standard[], project: JiraProject): boolean {
  return standards.some((standard) => {
    if (standard.mode === 'off') return false;
    const { projectKeys, categoryIds } = standard.scope;
    if (projectKeys && !projectKeys.includes(project.key)) return false;
    if (categoryIds && !categoryIds.includes(project.projectCategory?.id ?? '')) return false;
    return true;
  });
}

/** One project's issues, page by page, while the shared budget lasts. */
async function readProject(
  jira: JiraClient,
  projectKey: string,
  fields: string[],
  budget: { left: number; sampled: boolean },
): Promise<{ projectKey: string; issues: JiraIssue[] }> {
  const issues: JiraIssue[] = [];
  if (budget.left <= 0) {
    budget.sampled = true;
    return { projectKey, issues };
  }
  const pages = jira.searchAll({ jql: `project = ${jqlString(projectKey)} ORDER BY key ASC`, fields });
  for await (const page of pages) {
    const taken = page.slice(0, Math.max(0, budget.left));
    budget.left -= taken.length;
    issues.push(...taken);
    if (taken.length < page.length || budget.left <= 0) {
      // Stop reading; whether more existed is only known when this page was cut or is not the last.
      if (taken.length < page.length || !(await pages.next()).done) budget.sampled = true;
      break;
    }
  }
  return { projectKey, issues };
}

function statusesSeen(facts: readonly IssueFacts[]): StatusRef[] {
  const byName = new Map<string, StatusRef>();
  for (const { status } of facts) {
    const key = status.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, status);
  }
  return [...byName.values()];
}

function blocks(evaluator: Evaluator, facts: IssueFacts, target: StatusRef): boolean {
  return evaluator.evaluate(facts, target).violations.some((violation) => violation.mode === 'enforce');
}

/** Summaries of issues with a security level are not shown (only the key). */
function visibleSummary(issue: JiraIssue): string {
  const restricted = issue.fields.security !== undefined && issue.fields.security !== null;
  return !restricted && typeof issue.fields.summary === 'string' ? issue.fields.summary : '';
}
