import type { Prioritisation, PrioritisedCandidate } from '../../contracts/scoring';
import { candidatePhase } from '../../domain/scoring/candidate-phase';
import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import { combineRatings } from '../../domain/scoring/compute';
import { modelVersion } from '../../domain/scoring/model-version';
import { rankCandidates } from '../../domain/scoring/ranking';
import { stageLookup } from '../../domain/standards/lifecycle';
import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { settingsEditorStatus } from '../settings/authorize';
import { loadLiveConfig } from '../settings/live-config';
import { browsableProjects, openableIssueKeys } from '../snapshots/viewer-access';
import { readCandidateSnapshot } from './candidate-snapshot';
import { readCapacityPlan, readOverrides } from './prioritisation-store';
import { readAllScores, type ScoreRecord } from './score-store';

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
  const [scores, overrides, plan, browsable, editor, snapshot] = await Promise.all([
    readAllScores(deps),
    readOverrides(deps.store),
    readCapacityPlan(deps.store),
    browsableProjects(deps, actor.accountId),
    settingsEditorStatus(deps, actor, live.config.access.pmoGroupName),
    readCandidateSnapshot(deps, actor),
  ]);
  const stages = stageLookup(live.config.lifecycle);
  const stageName = (index: number | undefined) =>
    index === undefined ? null : (live.config.lifecycle.stages[index]?.name ?? null);
  const inBrowsableProjects = [...scores.entries()].flatMap(([issueId, records]) => {
    const latest = [...records].sort((a, b) => b.at.localeCompare(a.at))[0];
    return latest && browsable.keys.has(latest.issue.projectKey) && latest.modelId === model.id
      ? [{ issueId, records, latest }]
      : [];
  });
  // A candidate with an issue security level is shown only to viewers Jira lets open it.
  const openable = await openableIssueKeys(
    deps,
    actor.accountId,
    'scored-candidates',
    inBrowsableProjects.map(({ latest }) => latest.issueKey),
  );
  const visible = inBrowsableProjects.filter(({ latest }) => openable.has(latest.issueKey));
  const names = await userNames(
    deps,
    actor.installation,
    [...overrides.values()].map((override) => override.by),
  );
  const candidates: PrioritisedCandidate[] = visible.map(({ issueId, records, latest }) => {
    const score = candidateScore(settings, model, records, latest.fieldValues);
    const override = overrides.get(issueId);
    const now = snapshot.find(latest.issueKey);
    const status = now?.status ?? latest.issue.status;
    const stageIndex = stages.indexOfStatus(status.name);
    return {
      issueId,
      issueKey: latest.issueKey,
      summary: latest.issue.summary,
      projectKey: latest.issue.projectKey,
      issueType: latest.issue.issueType,
      status,
      stage: stageName(stageIndex),
      estimate: now ? now.estimate : latest.issue.estimate,
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
      source: now ? 'snapshot' : 'scorer',
      phase: candidatePhase(status.category, stageIndex),
    };
  });
  const rank = (phase: PrioritisedCandidate['phase']) =>
    rankCandidates(
      candidates
        .filter((candidate) => candidate.phase === phase)
        .map((candidate) => ({
          id: candidate.issueId,
          score: candidate.result.score,
          estimate: candidate.estimate,
          override: candidate.override,
          candidate,
        })),
      plan,
    ).map((entry) => entry.candidate.candidate);
  return {
    status: 'ready',
    model,
    modelVersion: modelVersion(model),
    missingValues: settings.missingValues,
    candidates: [...rank('proposal'), ...rank('authorised')],
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
