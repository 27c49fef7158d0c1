import type { RefreshRun } from '../../domain/portfolio';
import { readBlob } from '../../storage/blob';
import { queryAll, readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import { DIRTY_JOB_PROJECT, snapshotKeys } from './keys';
import { DeferredSchema, ProjectDoneSchema, RunClaimSchema, RunPlanSchema, RunResultSchema } from './records';
import { latestRunSeq } from './start-refresh';

/** A run as the page and the admin page show it: state, progress and points spent. */
export async function describeRun(
  deps: AppDeps,
  portfolioId: string,
  seq: number,
): Promise<RefreshRun | null> {
  const run = snapshotKeys(portfolioId).run(seq);
  const claim = await readParsed(deps.store, run.claim, RunClaimSchema);
  if (!claim) return null;
  const [result, deferred, plan] = await Promise.all([
    readParsed(deps.store, run.result, RunResultSchema),
    readParsed(deps.store, run.deferred, DeferredSchema),
    readPlanIfAny(deps, run.plan),
  ]);
  let projectsDone = 0;
  let points = plan?.points ?? 0;
  if (!result) {
    for await (const entry of queryAll(deps.store, run.donePrefix)) {
      const marker = ProjectDoneSchema.safeParse(entry.value);
      if (!marker.success || marker.data.projectKey === DIRTY_JOB_PROJECT) continue;
      projectsDone++;
      points += marker.data.points;
    }
  }
  const waiting = !result && deferred && Date.parse(deferred.until) > deps.now().getTime();
  return {
    seq,
    status: result ? result.status : waiting ? 'deferred' : plan ? 'running' : 'queued',
    mode: result ? result.mode : (plan?.mode ?? null),
    trigger: claim.trigger,
    startedAt: claim.startedAt,
    endedAt: result?.endedAt ?? null,
    projectsDone: result ? result.projects : projectsDone,
    projectsTotal: result ? result.projects : plan ? plan.projects.length : null,
    points: result ? result.points : points,
    reason: result?.reason ?? (waiting && deferred ? deferred.reason : null),
    deferredUntil: waiting && deferred ? deferred.until : null,
  };
}

async function readPlanIfAny(deps: AppDeps, planKey: string) {
  try {
    return (await readBlob(deps.store, planKey, RunPlanSchema)) ?? null;
  } catch {
    return null;
  }
}

/** The newest run of a portfolio, or null when it was never refreshed. */
export async function latestRun(deps: AppDeps, portfolioId: string): Promise<RefreshRun | null> {
  const seq = await latestRunSeq(deps, portfolioId);
  return seq === 0 ? null : describeRun(deps, portfolioId, seq);
}

/** The last `limit` runs, newest first (the admin page's run history). */
export async function runHistory(deps: AppDeps, portfolioId: string, limit = 10): Promise<RefreshRun[]> {
  const newest = await latestRunSeq(deps, portfolioId);
  const runs: RefreshRun[] = [];
  for (let seq = newest; seq >= 1 && runs.length < limit; seq--) {
    const run = await describeRun(deps, portfolioId, seq);
    if (!run) break;
    runs.push(run);
  }
  return runs;
}
