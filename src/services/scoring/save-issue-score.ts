import type { IssueScoring } from '../../contracts/scoring';
import { AppError } from '../../domain/errors';
import { activeModel, candidateScore, ratingProblems } from '../../domain/scoring/candidate-score';
import { modelVersion } from '../../domain/scoring/model-version';
import type { CriterionValues, ScoringModel } from '../../domain/scoring/schema';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { readCandidateIssue } from './candidate-issue';
import { getIssueScoring } from './get-issue-scoring';
import { SCORE_PROPERTY_KEY, scorePropertyOf } from './score-property';
import { readIssueScores, scoreFingerprint, syncScoreSummary, writeScoreRecord } from './score-store';
import { scoringRightFor } from './scoring-rights';

/**
 * Saves the acting user's ratings of one candidate (their own record: another scorer's is never
 * touched) and mirrors the candidate's score into the `pmoScore` entity property. Who may score is
 * asked of Jira as the user; a refusal stores nothing.
 */
export async function saveIssueScore(
  deps: AppDeps,
  actor: Actor,
  input: { issueKey: string; ratings: CriterionValues },
): Promise<IssueScoring> {
  const live = await loadLiveConfig(deps);
  const model = activeModel(live.config.scoring);
  if (!model)
    throw new AppError('FORBIDDEN', 'Scoring is switched off in the PMO settings: nobody can score');
  const problems = ratingProblems(model, input.ratings);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '), { problems });
  const candidate = await readCandidateIssue(
    deps.jira.asUser(actor.accountId),
    live.config,
    model,
    input.issueKey,
  );
  if (!candidate.candidate) {
    throw new AppError(
      'BAD_REQUEST',
      `${candidate.key} is not a candidate for prioritisation; nothing was saved`,
    );
  }
  const right = await scoringRightFor(
    deps,
    actor,
    candidate,
    live.config.scoring.scorers,
    live.config.access.pmoGroupName,
  );
  if (!right.allowed) throw new AppError('FORBIDDEN', right.reason ?? `You may not score ${candidate.key}`);

  await writeScoreRecord(deps.store, {
    issueId: candidate.id,
    issueKey: candidate.key,
    accountId: actor.accountId,
    at: deps.now().toISOString(),
    modelId: model.id,
    modelVersion: modelVersion(model),
    configVersion: live.version,
    ratings: input.ratings,
    fieldValues: candidate.fieldValues,
    issue: {
      summary: candidate.summary,
      projectKey: candidate.projectKey,
      issueType: candidate.issueType,
      status: candidate.status,
      estimate: candidate.estimate,
    },
  });
  await syncScoreSummary(deps, candidate.id);
  try {
    await mirrorScore(deps, candidate, live.config.scoring, model);
  } catch (error) {
    // The ratings are saved; the JQL mirror catches up with the next save.
    deps.logger.warn('could not update the score property', { issueKey: candidate.key }, error);
  }
  return getIssueScoring(deps, actor, candidate.key);
}

/** Rounds of re-reading when others saved meanwhile (each round sees every record written before it). */
const MAX_MIRROR_ROUNDS = 4;

/**
 * Writes `pmoScore` from every stored rating; when another scorer saved while it was written, it
 * reads again and rewrites, so the last writer's property includes every record.
 */
async function mirrorScore(
  deps: AppDeps,
  candidate: { id: string; key: string; fieldValues: CriterionValues },
  settings: Parameters<typeof candidateScore>[0],
  model: ScoringModel,
): Promise<void> {
  let records = await readIssueScores(deps, candidate.id);
  for (let round = 0; round < MAX_MIRROR_ROUNDS; round++) {
    const score = candidateScore(settings, model, records, candidate.fieldValues);
    await deps.jira
      .asApp()
      .setIssueProperty(
        candidate.key,
        SCORE_PROPERTY_KEY,
        scorePropertyOf(score, { id: model.id, version: modelVersion(model) }, deps.now()),
      );
    const after = await readIssueScores(deps, candidate.id);
    if (scoreFingerprint(after) === scoreFingerprint(records)) return;
    records = after;
  }
}
