import type { Prioritisation } from '../../contracts/scoring';
import { AppError } from '../../domain/errors';
import type { CapacityPlan, RankOverride } from '../../domain/scoring/ranking';
import type { Actor, AppDeps } from '../deps';
import { requireSettingsEditor } from '../settings/authorize';
import { loadLiveConfig } from '../settings/live-config';
import { getPrioritisation } from './get-prioritisation';
import {
  appendPrioritisationAudit,
  readCapacityPlan,
  readOverrides,
  writeCapacityPlan,
  writeOverride,
} from './prioritisation-store';

/** Only the PMO (Jira admins and the settings' PMO group) changes the ranking or the capacity. */
async function requirePmo(deps: AppDeps, actor: Actor) {
  const live = await loadLiveConfig(deps);
  await requireSettingsEditor(deps, actor, live.config.access.pmoGroupName);
}

/**
 * Places a candidate at a rank by hand, with a reason, or (null) gives it back its computed rank.
 * Audited with the computed rank at that moment; the view keeps showing both.
 */
export async function setRankOverride(
  deps: AppDeps,
  actor: Actor,
  input: { issueKey: string; override: RankOverride | null },
): Promise<Prioritisation> {
  await requirePmo(deps, actor);
  const view = await getPrioritisation(deps, actor);
  if (view.status !== 'ready')
    throw new AppError(
      'NOT_FOUND',
      'Scoring is switched off in the PMO settings: there is no ranking to change',
    );
  const index = view.candidates.findIndex((candidate) => candidate.issueKey === input.issueKey);
  const candidate = view.candidates[index];
  if (!candidate) throw new AppError('NOT_FOUND', `${input.issueKey} is not a scored candidate you can see`);
  if (candidate.phase === 'authorised' && input.override !== null)
    throw new AppError(
      'BAD_REQUEST',
      `${candidate.issueKey} is past Inception (${candidate.status.name}): only proposals are ranked; nothing was saved`,
    );
  const before = (await readOverrides(deps.store)).get(candidate.issueId) ?? null;
  const at = deps.now().toISOString();
  await writeOverride(
    deps.store,
    candidate.issueId,
    input.override === null
      ? null
      : { ...input.override, by: actor.accountId, at, issueKey: candidate.issueKey },
  );
  const scored = view.candidates
    .filter((c) => c.phase === 'proposal' && c.result.score !== null)
    .sort((a, b) => (b.result.score ?? 0) - (a.result.score ?? 0));
  const computedRank = scored.findIndex((c) => c.issueId === candidate.issueId);
  await appendPrioritisationAudit(deps.store, {
    at,
    by: actor.accountId,
    change: {
      kind: 'rank',
      issueKey: candidate.issueKey,
      before: before ? { rank: before.rank, reason: before.reason } : null,
      after: input.override,
      computedRank: computedRank < 0 ? null : computedRank + 1,
    },
  });
  return getPrioritisation(deps, actor);
}

/** Sets the capacity per planning period that draws the cut line. Audited. */
export async function saveCapacityPlan(
  deps: AppDeps,
  actor: Actor,
  input: { plan: CapacityPlan },
): Promise<Prioritisation> {
  await requirePmo(deps, actor);
  const before = await readCapacityPlan(deps.store);
  const at = deps.now().toISOString();
  await writeCapacityPlan(deps.store, input.plan, actor.accountId, at);
  await appendPrioritisationAudit(deps.store, {
    at,
    by: actor.accountId,
    change: { kind: 'capacity', before, after: input.plan },
  });
  return getPrioritisation(deps, actor);
}
