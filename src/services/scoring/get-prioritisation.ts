import type { Prioritisation, PrioritisedCandidate } from '../../contracts/scoring';
import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import { combineRatings } from '../../domain/scoring/compute';
import { modelVersion } from '../../domain/scoring/model-version';
import { rankProposals } from '../../domain/scoring/ranking';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { settingsEditorStatus } from '../settings/authorize';
import { loadLiveConfig } from '../settings/live-config';
import { candidateStanding, readCandidateSnapshot } from './candidate-snapshot';
import { readCapacityPlan, readOverrides } from './prioritisation-store';
import type { ScoreRecord } from './score-store';
import { readVisibleScores } from './visible-scores';

/**
 * The Prioritise view: every scored candidate in a project the viewer can browse, ranked, with the
 * manual ranks and the capacity plan. Read from stored scores and the portfolio snapshot (status,
 * stage and estimate as of the last refresh; a candidate the snapshot lacks keeps what its last
 * scorer saw, marked), never from Jira issue by issue: a view costs the viewer's project check only.
 * Proposals are ranked; candidates past Inception or done follow, unranked.
 */
export async function getPrioritisation(deps: AppDeps, actor: Actor): Promise<Prioritisation> {
  const live = await loadLiveConfig(deps);
  const settings = live.config.scoring;
  const model = activeModel(settings);
  if (!model) return { status: 'off' };
  const [scored, overrides, plan, editor, snapshot] = await Promise.all([
    readVisibleScores(deps, actor),
    readOverrides(deps.store),
    readCapacityPlan(deps.store),
    settingsEditorStatus(deps, actor, live.config.access.pmoGroupName),
    readCandidateSnapshot(deps, actor),
  ]);
  const visible = scored.filter(({ latest }) => latest.modelId === model.id);
  const names = await userNames(
    deps,
    actor.installation,
    [...overrides.values()].map((override) => override.by),
  );
  const candidates: PrioritisedCandidate[] = visible.map(({ issueId, records, latest }) => {
    const score = candidateScore(settings, model, records, latest.fieldValues);
    const override = overrides.get(issueId);
    const standing = candidateStanding(live.config.lifecycle, snapshot, latest.issueKey, latest.issue);
    return {
      issueId,
      issueKey: latest.issueKey,
      summary: latest.issue.summary,
      projectKey: latest.issue.projectKey,
      issueType: latest.issue.issueType,
      status: standing.status,
      stage: standing.stage,
      estimate: standing.estimate,
      result: score.result,
      scorerCount: score.counted.length,
      earlierModelVersion: score.earlierModelVersion,
      values: valuesOf(settings.aggregation, records, score.counted, latest),
      override: override
        ? {
            rank: override.rank,
            reason: override.reason,
            byName: nameOf(names, override.by) ?? override.by,
            at: override.at,
          }
        : null,
      source: standing.source,
      phase: standing.phase,
    };
  });
  const ranked = rankProposals(
    candidates.map((candidate) => ({
      id: candidate.issueId,
      score: candidate.result.score,
      estimate: candidate.estimate,
      override: candidate.override,
      phase: candidate.phase,
      candidate,
    })),
    plan,
  );
  return {
    status: 'ready',
    model,
    modelVersion: modelVersion(model),
    missingValues: settings.missingValues,
    candidates: ranked.map((entry) => entry.candidate.candidate),
    plan,
    snapshotAsOf: snapshot.asOf,
    canEdit: editor.canEdit,
  };
}

/** The ratings that count plus the field values: what the browser's what-if recomputes from. */
function valuesOf(
  aggregation: Parameters<typeof combineRatings>[1],
  records: ScoreRecord[],
  counted: string[],
  latest: ScoreRecord,
) {
  const countedRecords = records.filter((record) => counted.includes(record.accountId));
  return { ...combineRatings(countedRecords, aggregation), ...latest.fieldValues };
}
