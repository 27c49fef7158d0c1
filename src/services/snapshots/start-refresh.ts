import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { EngineSettingsSchema } from '../../domain/settings';
import { portfolioFields } from '../../jira/issue-mapper';
import type { JobQueue } from '../../jobs/job';
import { readBlob, writeBlob } from '../../storage/blob';
import { queryAll, readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import { scopeOfPortfolio } from '../portfolio/portfolios';
import { jqlWithoutOrdering, resolveScopeProjects } from '../portfolio/scope';
import { siteSettingsFor } from '../portfolio/site-settings';
import { loadLiveConfig } from '../settings/live-config';
import { standardsFieldIds } from '../standards/issue-facts';
import { loadStandardsSite } from '../standards/standards-site';
import { DIRTY_JOB_PROJECT, dirtyBucket, snapshotKeys, VIEWED_PORTFOLIOS_PREFIX } from './keys';
import {
  CurrentSnapshotSchema,
  RunClaimSchema,
  type RunPlan,
  RunPlanSchema,
  RunResultSchema,
  type RunTrigger,
} from './records';

/** Minutes re-read before the last refresh started, for clocks and Jira's indexing lag. */
export const OVERLAP_MINUTES = 10;
/** A full read at least this often: reconciles deletions and moves no event reported. */
export const FULL_REFRESH_EVERY_MS = 7 * 24 * 3_600_000;
/** A run with no result after this long is considered dead and a new one may start. */
export const MAX_RUN_AGE_MS = 6 * 3_600_000;
/** More changed issues than this since the last refresh: a full read is cheaper to reason about. */
const MAX_DIRTY_ISSUES = 2_000;

export interface StartedRun {
  seq: number;
  /** True when a run was already going and this call joined it. */
  joined: boolean;
}

/**
 * Starts a refresh run of a portfolio, or joins the one already running: one run per portfolio at
 * a time. The run number is claimed with a create-only write, so two people pressing "Refresh"
 * at once start one run. The plan (projects, settings, what changed) is stored, then one
 * collection job per project is queued; the last job to finish queues the assembly.
 */
export async function startRefresh(
  deps: AppDeps,
  queue: JobQueue,
  portfolioId: string,
  trigger: RunTrigger,
  options: { full?: boolean } = {},
): Promise<StartedRun> {
  const keys = snapshotKeys(portfolioId);
  const nowMs = deps.now().getTime();
  let seq = await latestRunSeq(deps, portfolioId);
  if (seq > 0 && (await isActive(deps, portfolioId, seq, nowMs))) return { seq, joined: true };
  seq++;
  const claimed = await deps.store.setIfAbsent(keys.run(seq).claim, {
    seq,
    portfolioId,
    startedAt: new Date(nowMs).toISOString(),
    trigger,
  });
  if (!claimed) return { seq, joined: true };
  await deps.store.set(keys.latestRun, seq);
  await deps.store.set(`${VIEWED_PORTFOLIOS_PREFIX}${portfolioId}`, { at: new Date(nowMs).toISOString() });
  try {
    const plan = await planRun(deps, portfolioId, seq, nowMs, options.full === true);
    await writeBlob(deps.store, keys.run(seq).plan, plan);
    const jobs = plan.projects.map((project) => ({
      kind: 'collect-portfolio' as const,
      portfolioId,
      seq,
      projectKey: project.key,
      part: 0,
    }));
    if (plan.dirtyIssueIds.length > 0) {
      jobs.push({ kind: 'collect-portfolio', portfolioId, seq, projectKey: DIRTY_JOB_PROJECT, part: 0 });
    }
    if (jobs.length === 0) await queue.push([{ kind: 'assemble-portfolio', portfolioId, seq }]);
    else await queue.push(jobs);
  } catch (error) {
    await failRun(deps, portfolioId, seq, error);
    throw error;
  }
  return { seq, joined: false };
}

/** The newest run number: the stored hint, then any runs claimed past it. */
export async function latestRunSeq(deps: AppDeps, portfolioId: string): Promise<number> {
  const keys = snapshotKeys(portfolioId);
  const hint = await deps.store.get(keys.latestRun);
  let seq = typeof hint === 'number' && Number.isInteger(hint) && hint >= 0 ? hint : 0;
  while ((await deps.store.get(keys.run(seq + 1).claim)) !== undefined) seq++;
  return seq;
}

async function isActive(deps: AppDeps, portfolioId: string, seq: number, nowMs: number): Promise<boolean> {
  const run = snapshotKeys(portfolioId).run(seq);
  const [claim, result] = await Promise.all([
    readParsed(deps.store, run.claim, RunClaimSchema),
    deps.store.get(run.result),
  ]);
  if (!claim || result !== undefined) return false;
  return nowMs - Date.parse(claim.startedAt) < MAX_RUN_AGE_MS;
}

/** Ends a run as failed with its reason; readers keep the last complete snapshot. */
export async function failRun(
  deps: AppDeps,
  portfolioId: string,
  seq: number,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await deps.store.setIfAbsent(
    snapshotKeys(portfolioId).run(seq).result,
    RunResultSchema.parse({
      status: 'failed',
      mode: null,
      projects: 0,
      endedAt: deps.now().toISOString(),
      points: 0,
      requests: 0,
      issues: 0,
      staleProjects: [],
      reason,
    }),
  );
}

async function planRun(
  deps: AppDeps,
  portfolioId: string,
  seq: number,
  nowMs: number,
  forceFull: boolean,
): Promise<RunPlan> {
  const jira = deps.jira.asApp();
  const before = { requests: jira.meter.requests };
  const live = await loadLiveConfig(deps);
  const scope = scopeOfPortfolio(portfolioId, live.config.portfolios);
  const siteFields = jira.fields();
  const [site, standardsSite, projects] = await Promise.all([
    siteSettingsFor(jira, live, siteFields),
    loadStandardsSite(jira, live.config, siteFields),
    resolveScopeProjects(jira, scope).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return [];
      throw error;
    }),
  ]);
  const standardsFields = standardsFieldIds(live.config.standards, standardsSite.mapping);
  const fields = [...new Set([...portfolioFields(site.mapping), ...standardsFields, 'security', 'updated'])];
  const keys = snapshotKeys(portfolioId);
  const current = await readParsed(deps.store, keys.current, CurrentSnapshotSchema);
  const base = current ? await readBlob(deps.store, keys.snapshot(current.seq), BasisSchema) : undefined;
  const sameBasis =
    base !== undefined &&
    JSON.stringify(base.settings) === JSON.stringify(site.settings) &&
    base.settingsVersion === live.version;
  const fullDue = !current || nowMs - Date.parse(current.lastFullAt) >= FULL_REFRESH_EVERY_MS;
  let mode: RunPlan['mode'] = current && sameBasis && !fullDue && !forceFull ? 'incremental' : 'full';
  let dirty: DirtyIssues = { changed: [], deleted: [] };
  if (mode === 'incremental' && current) {
    dirty = await dirtyIssuesSince(deps, current.startedAtMs - OVERLAP_MINUTES * 60_000, nowMs);
    if (dirty.changed.length + dirty.deleted.length > MAX_DIRTY_ISSUES) mode = 'full';
  }
  const sinceMinutes =
    mode === 'incremental' && current
      ? Math.max(1, Math.ceil((nowMs - current.startedAtMs) / 60_000)) + OVERLAP_MINUTES
      : null;
  return RunPlanSchema.parse({
    seq,
    portfolioId,
    mode,
    startedAt: new Date(nowMs).toISOString(),
    startedAtMs: nowMs,
    projects,
    // Ordering in a stored scope (saved before it was refused) would break the composed query.
    scopeJql: scope.jql ? jqlWithoutOrdering(scope.jql) : null,
    sinceMinutes,
    // A full run builds on the last snapshot only for projects it cannot read (kept, marked stale).
    baseSeq: current ? current.seq : null,
    newProjects:
      mode === 'incremental' && base
        ? projects.map((project) => project.key).filter((key) => !base.covered.includes(key))
        : [],
    dirtyIssueIds: mode === 'incremental' ? dirty.changed : [],
    deletedIssueIds: mode === 'incremental' ? dirty.deleted : [],
    mapping: site.mapping,
    settings: site.settings,
    fields,
    standardsFields,
    standardsMapping: standardsSite.mapping,
    fieldNames: standardsSite.fieldNames,
    settingsVersion: live.version,
    pointsFloor: jira.meter.quota
      ? Math.floor(jira.meter.quota.remaining * (1 - site.settings.refreshQuotaShare))
      : null,
    quotaResetAt: jira.meter.quota?.resetAt ?? null,
    points: jira.meter.requests - before.requests,
    requests: jira.meter.requests - before.requests,
  });
}

/** The part of a stored snapshot that decides whether a refresh may build on it. */
const BasisSchema = z
  .object({
    settings: EngineSettingsSchema,
    settingsVersion: z.number(),
    covered: z.array(z.string()).default([]),
  })
  .loose();

export const DirtyMarkSchema = z.object({
  issueId: z.string(),
  deleted: z.boolean(),
  at: z.number(),
});

interface DirtyIssues {
  changed: string[];
  deleted: string[];
}

/** Issue ids that issue and link events marked since `sinceMs` (hour buckets, listed by prefix). */
async function dirtyIssuesSince(deps: AppDeps, sinceMs: number, nowMs: number): Promise<DirtyIssues> {
  const changed = new Set<string>();
  const deleted = new Set<string>();
  for (let hour = Math.floor(sinceMs / 3_600_000); hour <= Math.floor(nowMs / 3_600_000); hour++) {
    for await (const { value } of queryAll(deps.store, dirtyBucket(hour * 3_600_000))) {
      const mark = DirtyMarkSchema.safeParse(value);
      if (!mark.success || mark.data.at < sinceMs) continue;
      if (mark.data.deleted) deleted.add(mark.data.issueId);
      else changed.add(mark.data.issueId);
      if (changed.size + deleted.size > MAX_DIRTY_ISSUES)
        return { changed: [...changed], deleted: [...deleted] };
    }
  }
  for (const id of deleted) changed.delete(id);
  return { changed: [...changed].sort(), deleted: [...deleted].sort() };
}
