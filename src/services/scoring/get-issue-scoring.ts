import type { CriterionView, IssueScoring } from '../../contracts/scoring';
import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import { modelVersion } from '../../domain/scoring/model-version';
import type { ScoringModel } from '../../domain/scoring/schema';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { loadLiveConfig } from '../settings/live-config';
import { type CandidateIssue, readCandidateIssue } from './candidate-issue';
import { readIssueScores, type ScoreRecord } from './score-store';
import { scoringRightFor } from './scoring-rights';

/**
 * The Scoring section of the issue panel: the model, everyone's ratings (who and when), the score
 * with its breakdown, and whether the viewer may score. The issue is read as the viewer.
 */
export async function getIssueScoring(deps: AppDeps, actor: Actor, issueKey: string): Promise<IssueScoring> {
  const live = await loadLiveConfig(deps);
  const model = activeModel(live.config.scoring);
  if (!model) return { status: 'off' };
  const candidate = await readCandidateIssue(deps.jira.asUser(actor.accountId), live.config, model, issueKey);
  if (!candidate.candidate) return { status: 'notCandidate' };
  const [records, right] = await Promise.all([
    readIssueScores(deps, candidate.id),
    scoringRightFor(deps, actor, candidate, live.config.scoring.scorers, live.config.access.pmoGroupName),
  ]);
  return describeIssueScoring(deps, actor, { live: live.config.scoring, model, candidate, records, right });
}

async function describeIssueScoring(
  deps: AppDeps,
  actor: Actor,
  {
    live,
    model,
    candidate,
    records,
    right,
  }: {
    live: Parameters<typeof candidateScore>[0];
    model: ScoringModel;
    candidate: CandidateIssue;
    records: ScoreRecord[];
    right: Awaited<ReturnType<typeof scoringRightFor>>;
  },
): Promise<IssueScoring> {
  const version = modelVersion(model);
  const score = candidateScore(live, model, records, candidate.fieldValues);
  const designated = live.aggregation.kind === 'designated' ? live.aggregation.accountId : null;
  const names = await userNames(deps, actor.installation, [
    ...records.map((record) => record.accountId),
    ...(designated ? [designated] : []),
  ]);
  const sorted = [...records].sort((a, b) => b.at.localeCompare(a.at));
  return {
    status: 'candidate',
    issue: { key: candidate.key, summary: candidate.summary },
    model: {
      id: model.id,
      name: model.name,
      formula: model.formula,
      version,
      criteria: model.criteria.map((c) => criterionView(c, candidate)),
    },
    aggregation: { kind: live.aggregation.kind, designatedName: nameOf(names, designated) },
    missingValues: live.missingValues,
    result: score.result,
    scorers: sorted.map((record) => ({
      accountId: record.accountId,
      displayName: nameOf(names, record.accountId) ?? record.accountId,
      at: record.at,
      ratings: record.ratings,
      modelVersion: record.modelVersion,
      currentVersion: record.modelVersion === version,
      counts: score.counted.includes(record.accountId),
    })),
    mine: records.find((record) => record.accountId === actor.accountId)?.ratings ?? null,
    canScore: right.allowed,
    notScorableReason: right.reason,
    scorersAudience: right.audience,
  };
}

function criterionView(
  criterion: ScoringModel['criteria'][number],
  candidate: CandidateIssue,
): CriterionView {
  const base = {
    id: criterion.id,
    name: criterion.name,
    description: criterion.description,
    weight: criterion.weight,
    direction: criterion.direction,
  };
  const input = criterion.input;
  switch (input.kind) {
    case 'scale':
      return { ...base, input: { kind: 'scale', levels: input.levels } };
    case 'theme':
      return { ...base, input: { kind: 'theme' } };
    case 'field':
      return {
        ...base,
        input: {
          kind: 'field',
          fieldName: input.field.kind === 'field' ? input.field.name : input.field.role,
          value: candidate.fieldValues[criterion.id] ?? null,
        },
      };
  }
}
