import { DEFAULT_REFRESH_MINUTES, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { BaselineMark } from '../../domain/history/baseline';
import type { PortfolioReport } from '../../domain/portfolio';
import { chunkForViewer, complianceForViewer } from '../../domain/snapshot/viewer-filter';
import { readBlob } from '../../storage/blob';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { baselinesStamp, readLatestBaselines } from '../history/latest-baselines';
import { type LiveConfig, loadLiveConfig } from '../settings/live-config';
import { snapshotKeys } from '../snapshots/keys';
import {
  type CurrentSnapshot,
  CurrentSnapshotSchema,
  type SnapshotData,
  SnapshotDataSchema,
} from '../snapshots/records';
import { latestRun } from '../snapshots/refresh-status';
import { cacheKey, LruCache } from '../snapshots/snapshot-cache';
import { startRefresh } from '../snapshots/start-refresh';
import { type ViewerAccess, viewerAccess } from '../snapshots/viewer-access';
import { computeFromSnapshot } from './compute-from-snapshot';
import { withOwnerNames } from './owner-names';
import { configuredPortfolioId, scopeOfPortfolio, viewerSeesPortfolio } from './portfolios';

/** How long a first view waits for the portfolio's first snapshot before showing progress instead. */
export const FIRST_VIEW_WAIT_MS = 8_000;

/** Parsed snapshots (a 100,000-issue one is tens of megabytes in memory: keep two). */
const snapshots = new LruCache<SnapshotData>(2);
/** Computed views: the same snapshot seen with the same permissions and settings within a minute. */
const views = new LruCache<Omit<PortfolioReport, 'meta'>>(24);

/**
 * The portfolio report as the viewer may see it, computed from the stored snapshot: no issue is
 * read from Jira. The snapshot is collected as the app; it is cut down to the projects the viewer
 * can browse (asked of Jira as the viewer, cached a few minutes) before any figure is computed,
 * so every total comes from what they may see. A portfolio without a snapshot starts its first
 * refresh and waits a little for it; if it takes longer the answer is NOT_READY with the run's
 * progress, and the page polls.
 */
export async function getPortfolioReport(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<PortfolioReport> {
  const keys = snapshotKeys(portfolioId);
  const [live, storedPointer, baselines] = await Promise.all([
    loadLiveConfig(deps),
    readParsed(deps.store, keys.current, CurrentSnapshotSchema),
    readLatestBaselines(deps, portfolioId),
  ]);
  scopeOfPortfolio(portfolioId, live.config.portfolios); // NOT_FOUND for a portfolio that does not exist
  const definition = live.config.portfolios.find(
    (candidate) => configuredPortfolioId(candidate) === portfolioId,
  );
  const notFound = () => new AppError('NOT_FOUND', `There is no portfolio ${portfolioId}`);
  if (definition && !storedPointer) {
    // Before its first snapshot, a configured portfolio is read only for someone who may see it.
    const jira = deps.jira.asUser(actor.accountId);
    if (!(await viewerSeesPortfolio(jira, definition, await jira.searchProjects()))) throw notFound();
  }
  const pointer = storedPointer ?? (await firstSnapshot(deps, portfolioId));
  const [{ data, access }, run] = await Promise.all([
    loadSnapshot(deps, actor, portfolioId, pointer).then(async (data) => ({
      data,
      access: await viewerAccess(deps, actor.accountId, data),
    })),
    latestRun(deps, portfolioId),
  ]);
  const visibleProjects = data.projects.filter((project) => access.browsable.has(project.key));
  // A configured portfolio none of whose projects the viewer can browse does not exist for them.
  if (definition && visibleProjects.length === 0) throw notFound();
  const now = deps.now();
  const viewKey = cacheKey(
    actor.installation,
    pointer.id,
    live.version,
    Math.floor(now.getTime() / 60_000),
    [...access.browsable].sort().join(','),
    [...access.hiddenIssues].sort().join(','),
    baselinesStamp(baselines),
  );
  let view = pointer.id ? views.get(viewKey) : undefined;
  if (!view) {
    view = computeView(data, access, live, now, baselines);
    if (pointer.id) views.set(viewKey, view);
  }
  const incomplete = data.incomplete ?? data.stale.map((entry) => entry.projectKey);
  const staleProjects = incomplete.filter((key) => access.browsable.has(key)).sort();
  const refreshMinutes = refreshMinutesOf(portfolioId, live.config);
  const ageMs = now.getTime() - Date.parse(data.asOf);
  const lastRunFailed = run?.status === 'failed';
  const tooOld = ageMs > 2 * refreshMinutes * 60_000;
  const named = await withOwnerNames(deps, actor.installation, view);
  return {
    ...named,
    meta: {
      requests: access.requests,
      partial: staleProjects.length > 0,
      staleProjects,
      generatedAt: data.asOf,
      snapshot: {
        asOf: data.asOf,
        completedAt: pointer.completedAt,
        stale: lastRunFailed || tooOld,
        staleReason: lastRunFailed
          ? `The last refresh failed: ${run?.reason ?? 'unknown reason'}`
          : tooOld
            ? `The data is older than twice the refresh cadence (${refreshMinutes} minutes).`
            : null,
        refreshMinutes,
        run,
      },
    },
  };
}

/** Every figure of the report, from the part of the snapshot the viewer may see. */
function computeView(
  data: SnapshotData,
  access: Parameters<typeof chunkForViewer>[1],
  live: LiveConfig,
  now: Date,
  baselines: Readonly<Record<string, BaselineMark>>,
): Omit<PortfolioReport, 'meta'> {
  return computeFromSnapshot(
    data,
    {
      projects: data.projects.filter((project) => access.browsable.has(project.key)),
      chunk: chunkForViewer(data.chunk, access),
      compliance: data.compliance ? complianceForViewer(data.compliance, access) : null,
    },
    live,
    now,
    baselines,
  );
}

/**
 * The portfolio's current snapshot and what the viewer may see of it; null before the first
 * snapshot. For features that read the snapshot's rows beyond the report (what changed since).
 */
export async function viewerSnapshot(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<{ data: SnapshotData; access: ViewerAccess } | null> {
  const pointer = await readParsed(deps.store, snapshotKeys(portfolioId).current, CurrentSnapshotSchema);
  if (!pointer) return null;
  const data = await loadSnapshot(deps, actor, portfolioId, pointer);
  return { data, access: await viewerAccess(deps, actor.accountId, data) };
}

/** The portfolio's refresh cadence in minutes: configured per portfolio, hourly otherwise. */
export function refreshMinutesOf(portfolioId: string, config: PmoConfig): number {
  const definition = config.portfolios.find((candidate) => configuredPortfolioId(candidate) === portfolioId);
  return definition?.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
}

/** Starts the portfolio's first refresh and waits a little for it to complete. */
async function firstSnapshot(deps: AppDeps, portfolioId: string): Promise<CurrentSnapshot> {
  const keys = snapshotKeys(portfolioId);
  await startRefresh(deps, deps.queue, portfolioId, 'first-view');
  const deadline = Date.now() + FIRST_VIEW_WAIT_MS;
  let pointer: CurrentSnapshot | undefined;
  while (!pointer && Date.now() < deadline) {
    const run = await latestRun(deps, portfolioId);
    if (run?.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    pointer = await readParsed(deps.store, keys.current, CurrentSnapshotSchema);
  }
  if (pointer) return pointer;
  const run = await latestRun(deps, portfolioId);
  if (run?.status === 'failed') {
    throw new AppError(
      'UPSTREAM_ERROR',
      `The portfolio could not be read from Jira: ${run.reason ?? 'unknown reason'}`,
      {
        run,
      },
    );
  }
  throw new AppError('NOT_READY', 'The portfolio is being read from Jira for the first time.', { run });
}

/** The parsed snapshot `pointer` names (cached in memory per installation and snapshot id). */
export async function loadSnapshot(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
  pointer: CurrentSnapshot,
): Promise<SnapshotData> {
  // Keyed by the snapshot's unique id: a run number repeats across stores (tests) and after a reset.
  const key = cacheKey(actor.installation, pointer.id);
  const cached = pointer.id ? snapshots.get(key) : undefined;
  if (cached) return cached;
  const data = await readBlob(
    deps.store,
    snapshotKeys(portfolioId).snapshot(pointer.seq),
    SnapshotDataSchema,
  );
  if (!data) throw new AppError('NOT_READY', 'The portfolio snapshot is being replaced; try again.');
  if (pointer.id) snapshots.set(key, data);
  return data;
}
