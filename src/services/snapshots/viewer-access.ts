import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { ViewerScope } from '../../domain/snapshot/viewer-filter';
import type { AppDeps } from '../deps';
import { scopeOfPortfolio } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { viewerProjectsKey } from './keys';
import type { SnapshotData } from './records';

/** How long a viewer's permissions are reused before Jira is asked again. */
export const PERMISSION_TTL_MS = 5 * 60_000;
/** Issues with a security level checked per view at most; beyond that they stay hidden. */
const MAX_SECURED_CHECKED = 1_000;

const CachedProjectsSchema = z.object({ at: z.number(), keys: z.array(z.string()) });
/** A cached permission answer is reused while younger than the TTL (and not from the future). */
const isFresh = (at: number, nowMs: number) => at <= nowMs && nowMs - at < PERMISSION_TTL_MS;

const CachedSecuredSchema = z.object({ at: z.number(), seq: z.number(), visible: z.array(z.string()) });

/** Keys of the projects the user can browse, asked of Jira as them at most every few minutes. */
export async function browsableProjects(
  deps: AppDeps,
  accountId: string,
): Promise<{ keys: Set<string>; requests: number }> {
  const nowMs = deps.now().getTime();
  const key = viewerProjectsKey(accountId);
  const cached = CachedProjectsSchema.safeParse(await deps.store.get(key));
  if (cached.success && isFresh(cached.data.at, nowMs)) {
    return { keys: new Set(cached.data.keys), requests: 0 };
  }
  const jira = deps.jira.asUser(accountId);
  const before = jira.meter.requests;
  const keys = (await jira.searchProjects()).map((project) => project.key);
  const requests = jira.meter.requests - before;
  await deps.store.set(key, { at: nowMs, keys });
  return { keys: new Set(keys), requests };
}

export interface ViewerAccess extends ViewerScope {
  /** Jira requests this view made (0 when the permissions were cached). */
  requests: number;
}

/**
 * What one viewer may see of a snapshot, asked of Jira as the viewer: the projects they can browse
 * and which of the snapshot's issues with a security level they can open. Answers are kept in
 * storage for a few minutes; on Forge storage belongs to one installation, so no answer is ever
 * reused for another site.
 */
export async function viewerAccess(
  deps: AppDeps,
  accountId: string,
  snapshot: SnapshotData,
): Promise<ViewerAccess> {
  const nowMs = deps.now().getTime();
  const projects = await browsableProjects(deps, accountId);
  let requests = projects.requests;
  const secured = securedIssuesOf(snapshot)
    .filter((issue) => projects.keys.has(issue.projectKey))
    .map((issue) => issue.key);
  const hiddenIssues = new Set(secured);
  if (secured.length > 0) {
    const securedKey = `${viewerProjectsKey(accountId)}:secured:${snapshot.portfolioId}`;
    const cached = CachedSecuredSchema.safeParse(await deps.store.get(securedKey));
    let visible: string[];
    if (cached.success && cached.data.seq === snapshot.seq && isFresh(cached.data.at, nowMs)) {
      visible = cached.data.visible;
    } else {
      const jira = deps.jira.asUser(accountId);
      const before = jira.meter.requests;
      visible = [];
      const checked = secured.slice(0, MAX_SECURED_CHECKED);
      for (let start = 0; start < checked.length; start += 100) {
        // Bulk fetch answers only what the viewer may open and skips the rest without failing.
        const issues = await jira.bulkFetch(checked.slice(start, start + 100), ['summary']);
        for (const issue of issues) visible.push(issue.key);
      }
      requests += jira.meter.requests - before;
      await deps.store.set(securedKey, { at: nowMs, seq: snapshot.seq, visible });
    }
    for (const key of visible) hiddenIssues.delete(key);
  }
  return { browsable: projects.keys, hiddenIssues, requests };
}

const CachedOpenableSchema = z.object({
  at: z.number(),
  checked: z.array(z.string()),
  openable: z.array(z.string()),
});

/**
 * Which of `issueKeys` the user may open (issue security included), asked of Jira as them with bulk
 * fetch, which answers only what they may open. For lists the app keeps outside the snapshot (scored
 * candidates). The answer is kept a few minutes per user and list name while the list is the same.
 */
export async function openableIssueKeys(
  deps: AppDeps,
  accountId: string,
  listName: string,
  issueKeys: readonly string[],
): Promise<Set<string>> {
  if (issueKeys.length === 0) return new Set();
  const nowMs = deps.now().getTime();
  const checked = [...new Set(issueKeys)].sort().slice(0, MAX_SECURED_CHECKED);
  const cacheKey = `${viewerProjectsKey(accountId)}:openable:${listName}`;
  const cached = CachedOpenableSchema.safeParse(await deps.store.get(cacheKey));
  if (
    cached.success &&
    isFresh(cached.data.at, nowMs) &&
    cached.data.checked.length === checked.length &&
    cached.data.checked.every((key, index) => key === checked[index])
  ) {
    return new Set(cached.data.openable);
  }
  const jira = deps.jira.asUser(accountId);
  const openable: string[] = [];
  for (let start = 0; start < checked.length; start += 100) {
    for (const issue of await jira.bulkFetch(checked.slice(start, start + 100), ['summary'])) {
      openable.push(issue.key);
    }
  }
  await deps.store.set(cacheKey, { at: nowMs, checked, openable });
  return new Set(openable);
}

/**
 * The items of an app-kept list (scored candidates, decisions) the viewer may see: in a project they
 * browse (`browsable`, from `browsableProjects`) and, by issue key, one Jira lets them open
 * (`openableIssueKeys`, cached per viewer and list name).
 */
export async function visibleToViewer<T>(
  deps: AppDeps,
  accountId: string,
  listName: string,
  browsable: ReadonlySet<string>,
  items: readonly T[],
  issueOf: (item: T) => { projectKey: string; issueKey: string },
): Promise<T[]> {
  const inProjects = items.filter((item) => browsable.has(issueOf(item).projectKey));
  const openable = await openableIssueKeys(
    deps,
    accountId,
    listName,
    inProjects.map((item) => issueOf(item).issueKey),
  );
  return inProjects.filter((item) => openable.has(issueOf(item).issueKey));
}

/** A snapshot's issues with a security level, sorted by key: found once per snapshot, not per view. */
const securedIssues = new WeakMap<SnapshotData, { key: string; projectKey: string }[]>();
function securedIssuesOf(snapshot: SnapshotData): { key: string; projectKey: string }[] {
  let found = securedIssues.get(snapshot);
  if (!found) {
    found = Object.keys(snapshot.facts)
      .filter((key) => snapshot.facts[key]?.restricted === true)
      .sort()
      .map((key) => ({ key, projectKey: snapshot.facts[key]?.projectKey ?? '' }));
    securedIssues.set(snapshot, found);
  }
  return found;
}

/**
 * Refresh and refresh status are for people who can browse some project: the portfolio must exist
 * and the viewer must browse at least one project (FORBIDDEN otherwise, naming nothing).
 */
export async function assertPortfolioViewer(
  deps: AppDeps,
  accountId: string,
  portfolioId: string,
): Promise<void> {
  const live = await loadLiveConfig(deps);
  scopeOfPortfolio(portfolioId, live.config.portfolios);
  if ((await browsableProjects(deps, accountId)).keys.size === 0) {
    throw new AppError('FORBIDDEN', 'You cannot browse any project, so there is no portfolio to show you.');
  }
}
