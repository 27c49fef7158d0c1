import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import { type DecisionRecord, decisionScoreOf } from '../../domain/scoring/decision';
import { inceptionGateOf, isBeforePlanning, isPlanningStatus } from '../../domain/scoring/inception';
import { modelVersion } from '../../domain/scoring/model-version';
import { stageLookup } from '../../domain/standards/lifecycle';
import type { AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { readCandidateIssue } from './candidate-issue';
import { approvalInProgress, createDecision, movedInJiraDecisionId } from './decision-store';
import { readIssueScores } from './score-store';

/** The status change of an issue-updated event. */
export interface StatusMove {
  issueKey: string;
  /** The changelog entry's id (letters, digits, dot, dash, underscore): the decision's key. */
  changeId: string;
  fromStatus: string;
  toStatus: string;
  /** Who moved it, when Jira says. */
  by: string | null;
}

/**
 * A candidate moved from Inception into Planning in Jira directly (not through the panel's Approve)
 * is still an authorisation: it is recorded as "approved (moved in Jira)" with the score of that
 * moment, once per changelog entry (create-only), and not when the panel's own approval made the move.
 */
export async function recordMovedInJira(deps: AppDeps, move: StatusMove): Promise<DecisionRecord | null> {
  const live = await loadLiveConfig(deps);
  const model = activeModel(live.config.scoring);
  const gate = inceptionGateOf(live.config.lifecycle);
  if (!model || !gate || !isPlanningStatus(gate, move.toStatus)) return null;
  if (!isBeforePlanning(gate, stageLookup(live.config.lifecycle).indexOfStatus(move.fromStatus))) return null;
  const candidate = await readCandidateIssue(deps.jira.asApp(), live.config, model, move.issueKey);
  if (!candidate.candidate) return null;
  if (await approvalInProgress(deps, candidate.id, deps.now())) return null;
  const records = await readIssueScores(deps, candidate.id);
  const score =
    records.length === 0
      ? null
      : decisionScoreOf(
          { id: model.id, name: model.name, version: modelVersion(model) },
          candidateScore(live.config.scoring, model, records, candidate.fieldValues).result,
        );
  return createDecision(deps, {
    format: 1,
    id: movedInJiraDecisionId(move.changeId),
    issueId: candidate.id,
    issueKey: candidate.key,
    summary: candidate.summary,
    projectKey: candidate.projectKey,
    outcome: 'approved',
    source: 'jira',
    reason: '',
    by: move.by ?? 'unknown',
    at: deps.now().toISOString(),
    score,
    rank: null,
    move: { from: move.fromStatus, to: move.toStatus },
  });
}
