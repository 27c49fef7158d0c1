import { DEFAULT_REFRESH_MINUTES, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { chunkBasis, computePortfolioFromChunk, type PortfolioReport } from '../../domain/portfolio';
import { chunkForViewer, complianceForViewer } from '../../domain/snapshot/viewer-filter';
import { readBlob } from '../../storage/blob';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema, type SnapshotData, SnapshotDataSchema } from '../snapshots/records';
import { latestRun } from '../snapshots/refresh-status';
import { startRefresh } from '../snapshots/start-refresh';
import { viewerAccess } from '../snapshots/viewer-access';
import { configuredPortfolioId, scopeOfPortfolio, viewerSeesPortfolio } from './portfolios';

/** How long a first view waits for the portfolio's first snapshot before showing progress instead. */
export const FIRST_VIEW_WAIT_MS = 8_000;

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
  const live = await loadLiveConfig(deps.store);
  scopeOfPortfolio(portfolioId, live.config.portfolios); // NOT_FOUND for a portfolio that does not exist
  const definition = live.config.portfolios.find(
    (candidate) => configuredPortfolioId(candidate) === portfolioId,
  );
  const notFound = () => new AppError('NOT_FOUND', `There is no portfolio ${portfolioId}`);
  if (definition && !(await hasSnapshot(deps, portfolioId))) {
    // Before its first snapshot, a configured portfolio is read only for someone who may see it.
    const jira = deps.jira.asUser(actor.accountId);
    if (!(await viewerSeesPortfolio(jira, definition, await jira.searchProjects()))) throw notFound();
  }
  const snapshot = await currentSnapshot(deps, portfolioId);
  const access = await viewerAccess(deps, actor.accountId, snapshot.data);
  const visibleProjects = snapshot.data.projects.filter((project) => access.browsable.has(project.key));
  // A configured portfolio none of whose projects the viewer can browse does not exist for them.
  if (definition && visibleProjects.length === 0) throw notFound();
  const chunk = chunkForViewer(snapshot.data.chunk, access);
  const compliance = snapshot.data.compliance ? complianceForViewer(snapshot.data.compliance, access) : null;
  const settings =
    live.version > 0 && chunkBasis(live.config.engine) === snapshot.data.chunk.basis
      ? live.config.engine
      : snapshot.data.settings;
  const computation = computePortfolioFromChunk(chunk, visibleProjects, settings, deps.now(), {
    overrides: live.config.overrides,
    ...(compliance
      ? {
          compliance: Object.fromEntries(
            compliance.projects.map((project) => [
              project.projectKey,
              { compliant: project.compliant, evaluated: project.evaluated },
            ]),
          ),
        }
      : {}),
  });
  const staleProjects = snapshot.data.stale
    .map((entry) => entry.projectKey)
    .filter((key) => access.browsable.has(key))
    .sort();
  const run = await latestRun(deps, portfolioId);
  const refreshMinutes = refreshMinutesOf(portfolioId, live.config);
  const ageMs = deps.now().getTime() - Date.parse(snapshot.data.asOf);
  const lastRunFailed = run?.status === 'failed';
  const tooOld = ageMs > 2 * refreshMinutes * 60_000;
  return {
    ...computation,
    compliance,
    meta: {
      requests: access.requests,
      partial: staleProjects.length > 0,
      staleProjects,
      generatedAt: snapshot.data.asOf,
      snapshot: {
        asOf: snapshot.data.asOf,
        completedAt: snapshot.completedAt,
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

/** The portfolio's refresh cadence in minutes: configured per portfolio, hourly otherwise. */
export function refreshMinutesOf(portfolioId: string, config: PmoConfig): number {
  const definition = config.portfolios.find((candidate) => configuredPortfolioId(candidate) === portfolioId);
  return definition?.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
}

async function hasSnapshot(deps: AppDeps, portfolioId: string): Promise<boolean> {
  return (await deps.store.get(snapshotKeys(portfolioId).current)) !== undefined;
}

async function currentSnapshot(
  deps: AppDeps,
  portfolioId: string,
): Promise<{ data: SnapshotData; completedAt: string }> {
  const keys = snapshotKeys(portfolioId);
  let pointer = await readParsed(deps.store, keys.current, CurrentSnapshotSchema);
  if (!pointer) {
    await startRefresh(deps, deps.queue, portfolioId, 'first-view');
    const deadline = Date.now() + FIRST_VIEW_WAIT_MS;
    while (!pointer && Date.now() < deadline) {
      const run = await latestRun(deps, portfolioId);
      if (run?.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      pointer = await readParsed(deps.store, keys.current, CurrentSnapshotSchema);
    }
  }
  if (!pointer) {
    const run = await latestRun(deps, portfolioId);
    if (run?.status === 'failed') {
      throw new AppError(
        'UPSTREAM_ERROR',
        `The portfolio could not be read from Jira: ${run.reason ?? 'unknown reason'}`,
        { run },
      );
    }
    throw new AppError('NOT_READY', 'The portfolio is being read from Jira for the first time.', { run });
  }
  const data = await readBlob(deps.store, keys.snapshot(pointer.seq), SnapshotDataSchema);
  if (!data) throw new AppError('NOT_READY', 'The portfolio snapshot is being replaced; try again.');
  return { data, completedAt: pointer.completedAt };
}
