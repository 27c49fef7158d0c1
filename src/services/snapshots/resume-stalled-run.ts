import type { RefreshRun } from '../../domain/portfolio';
import type { Job } from '../../jobs/job';
import { readBlob } from '../../storage/blob';
import { queryAll } from '../../storage/store';
import type { AppDeps } from '../deps';
import { DIRTY_JOB_PROJECT, snapshotKeys } from './keys';
import { RunPlanSchema } from './records';

/** A running run with no end after this long has probably lost a job (a crash the queue gave up on). */
export const STALLED_AFTER_MS = 20 * 60_000;

/**
 * Puts a stalled run back on its feet: queues again the first job of every project not yet done
 * (jobs are idempotent, so each chain skips the parts already stored and goes on where it broke)
 * or the assembly when every project is done. Answers whether it queued anything.
 */
export async function resumeStalledRun(
  deps: AppDeps,
  portfolioId: string,
  run: RefreshRun,
): Promise<boolean> {
  if (run.status !== 'running' || deps.now().getTime() - Date.parse(run.startedAt) < STALLED_AFTER_MS) {
    return false;
  }
  const keys = snapshotKeys(portfolioId).run(run.seq);
  const plan = await readBlob(deps.store, keys.plan, RunPlanSchema);
  if (!plan) return false;
  const done = new Set<string>();
  for await (const { key } of queryAll(deps.store, keys.donePrefix))
    done.add(key.slice(keys.donePrefix.length));
  const projects = [
    ...plan.projects.map((project) => project.key),
    ...(plan.dirtyIssueIds.length > 0 ? [DIRTY_JOB_PROJECT] : []),
  ];
  const missing = projects.filter((projectKey) => !done.has(projectKey));
  const jobs: Job[] =
    missing.length > 0
      ? missing.map((projectKey) => ({
          kind: 'collect-portfolio',
          portfolioId,
          seq: run.seq,
          projectKey,
          part: 0,
        }))
      : [{ kind: 'assemble-portfolio', portfolioId, seq: run.seq }];
  await deps.queue.push(jobs);
  return true;
}
