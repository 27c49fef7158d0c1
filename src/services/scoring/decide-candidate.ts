import type { GateGap, IssueAuthorisation } from '../../contracts/authorisation';
import { AppError } from '../../domain/errors';
import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import {
  type DecisionOutcome,
  type DecisionRecord,
  decisionScoreOf,
  reasonProblem,
} from '../../domain/scoring/decision';
import { modelVersion } from '../../domain/scoring/model-version';
import { JiraError } from '../../jira/client';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import {
  type AuthorisationContext,
  describeAuthorisation,
  loadAuthorisationContext,
} from './authorisation-context';
import { decisionComment } from './decision-comment';
import { clearApproval, createDecision, markApproval, panelDecisionId, readDecision } from './decision-store';
import { getPrioritisation } from './get-prioritisation';
import { inceptionGateGaps } from './inception-gate-check';
import { readIssueScores } from './score-store';

export interface DecisionInput {
  issueKey: string;
  outcome: DecisionOutcome;
  reason: string;
  requestId: string;
}

/**
 * Approves, defers or rejects a candidate in Inception, as the acting user (who must be one of the
 * settings' authorisers). Approving first checks the gate into Planning (every mandatory item
 * ticked) and moves the issue into Planning's first status through Jira's transitions API as the
 * user, so Jira runs the workflow and its validators as for any move; a refusal at any step records
 * nothing. The decision is then stored create-only under the request's id (a double click or a retry
 * records once) with the score and rank of that moment, and commented on the issue as the user.
 */
export async function decideCandidate(
  deps: AppDeps,
  actor: Actor,
  input: DecisionInput,
): Promise<IssueAuthorisation> {
  const problem = reasonProblem(input.outcome, input.reason);
  if (problem) throw new AppError('BAD_REQUEST', problem);
  if (!activeModel((await loadLiveConfig(deps)).config.scoring)) {
    throw new AppError(
      'FORBIDDEN',
      'Scoring is switched off in the PMO settings: nobody can authorise candidates',
    );
  }
  const context = await loadAuthorisationContext(deps, actor, input.issueKey);
  if (!context) {
    throw new AppError(
      'BAD_REQUEST',
      `${input.issueKey} is not a candidate for prioritisation (or scoring is off); nothing was recorded`,
    );
  }
  const { candidate } = context;
  const decisionId = panelDecisionId(input.requestId);
  // The same request again (a double click, a retry after a lost answer): already recorded.
  if (await readDecision(deps, candidate.id, decisionId)) return describeAuthorisation(deps, actor, context);
  if (!context.right.allowed) {
    throw new AppError('FORBIDDEN', context.right.reason ?? `You may not authorise ${candidate.key}`);
  }
  if (!context.inInception || !context.gate) {
    throw new AppError(
      'CONFLICT',
      `${candidate.key} is in ${context.stageName ?? `the status ${candidate.status.name}`}, not in Inception: only candidates before Planning are decided here`,
    );
  }
  const move = input.outcome === 'approved' ? await moveIntoPlanning(deps, actor, context) : null;
  const record: DecisionRecord = {
    format: 1,
    id: decisionId,
    issueId: candidate.id,
    issueKey: candidate.key,
    summary: candidate.summary,
    projectKey: candidate.projectKey,
    outcome: input.outcome,
    source: 'panel',
    reason: input.reason,
    by: actor.accountId,
    at: deps.now().toISOString(),
    score: await scoreNow(deps, context),
    rank: await rankNow(deps, actor, candidate.key),
    move,
  };
  const stored = await createDecision(deps, record);
  if (stored === record) await commentAsUser(deps, actor, record);
  return describeAuthorisation(deps, actor, await reloaded(deps, actor, context));
}

/** Checks the gate, then performs the move as the user; throws (recording nothing) when either refuses. */
async function moveIntoPlanning(
  deps: AppDeps,
  actor: Actor,
  context: AuthorisationContext,
): Promise<{ from: string; to: string }> {
  const { candidate, gate, live } = context;
  const jira = deps.jira.asUser(actor.accountId);
  const statuses = gate?.planningStatuses ?? [];
  const transitions = await jira.transitions(candidate.key);
  const target = statuses
    .map((status) => transitions.find((t) => t.to.name.toLowerCase() === status.toLowerCase()))
    .find((transition) => transition !== undefined);
  if (!target) {
    throw new AppError(
      'CONFLICT',
      `Jira offers you no transition from ${candidate.status.name} into ${gate?.planningName ?? 'Planning'} (${statuses.join(', ') || 'no status is mapped to it'}); nothing was recorded`,
    );
  }
  const gaps = await inceptionGateGaps(deps, jira, live.config, candidate.key, target.to.name);
  if (gaps.length > 0) {
    throw new AppError('CONFLICT', gateMessage(gaps), { gateGaps: gaps });
  }
  await markApproval(deps, candidate.id, deps.now());
  try {
    await jira.transitionIssue(candidate.key, target.id);
  } catch (error) {
    await clearApproval(deps, candidate.id);
    if (error instanceof JiraError) {
      throw new AppError(
        error.code === 'UPSTREAM_ERROR' ? 'UPSTREAM_ERROR' : 'CONFLICT',
        `Jira did not move ${candidate.key} into ${target.to.name}: ${error.message}. Nothing was recorded.`,
        undefined,
        { cause: error },
      );
    }
    throw error;
  }
  return { from: candidate.status.name, to: target.to.name };
}

function gateMessage(gaps: readonly GateGap[]): string {
  const items = gaps.flatMap((gap) => gap.items.map((item) => `“${item}”`));
  return `The Inception gate needs ${items.join(', ')} ticked before approval; nothing was recorded`;
}

async function scoreNow(deps: AppDeps, context: AuthorisationContext) {
  const { live, model, candidate } = context;
  const records = await readIssueScores(deps, candidate.id);
  if (records.length === 0) return null;
  const score = candidateScore(live.config.scoring, model, records, candidate.fieldValues);
  return decisionScoreOf({ id: model.id, name: model.name, version: modelVersion(model) }, score.result);
}

/** The candidate's place in the Prioritise view as the decider sees it; null when unranked or unknown. */
async function rankNow(deps: AppDeps, actor: Actor, issueKey: string): Promise<number | null> {
  try {
    const view = await getPrioritisation(deps, actor);
    if (view.status !== 'ready') return null;
    const index = view.candidates.findIndex((candidate) => candidate.issueKey === issueKey);
    const candidate = view.candidates[index];
    return candidate && (candidate.result.score !== null || candidate.override !== null) ? index + 1 : null;
  } catch (error) {
    deps.logger.warn('could not read the ranking for a decision', { issueKey }, error);
    return null;
  }
}

/** Jira shows who decided: the comment is the user's. The decision stands when it cannot be added. */
async function commentAsUser(deps: AppDeps, actor: Actor, record: DecisionRecord): Promise<void> {
  try {
    await deps.jira.asUser(actor.accountId).addComment(record.issueKey, decisionComment(record));
  } catch (error) {
    deps.logger.warn('could not comment the decision on the issue', { issueKey: record.issueKey }, error);
  }
}

/** After a move the candidate is read again, so the panel shows its new stage. */
async function reloaded(deps: AppDeps, actor: Actor, context: AuthorisationContext) {
  return (await loadAuthorisationContext(deps, actor, context.candidate.key)) ?? context;
}
