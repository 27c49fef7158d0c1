import { MAX_CHANGE_ITEMS, type PortfolioChanges } from '../../contracts/history';
import { projectOfKey } from '../../domain/dependencies/keys';
import { addDays, earlierDay } from '../../domain/history/calendar';
import type { DaySummary } from '../../domain/history/day-record';
import { gatesPassedBetween } from '../../domain/history/gates-passed';
import type { IssueRow } from '../../domain/portfolio';
import { readGateBlocks } from '../alerts/gate-blocks';
import type { Actor, AppDeps } from '../deps';
import { viewerSnapshot } from '../portfolio/get-portfolio-report';
import { readProjectDays, readSummaries } from './history-store';
import { assertSeesSomeProject, historyViewer } from './history-viewer';
import { projectDayView } from './project-day-view';

/** How far before the asked day the comparison may reach for the closest recorded day. */
const LOOK_BACK_DAYS = 31;
const RAG_ORDER = { none: 0, green: 1, amber: 2, red: 3 } as const;

/**
 * What changed in the portfolio since a day, for the projects the viewer can browse: RAG changes
 * with the indicators behind them, new and closed high risks, work that became overdue, issues that
 * passed a gate, and new or resolved cross-project date conflicts. The day is compared with the
 * latest recorded day; when nothing was recorded on it, with the closest recorded day before it.
 */
export async function getPortfolioChanges(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; since: string },
): Promise<PortfolioChanges> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  const since = earlierDay(input.since, viewer.today);
  const [before, recent] = await Promise.all([
    readSummaries(deps.store, input.portfolioId, addDays(since, -LOOK_BACK_DAYS), since),
    readSummaries(deps.store, input.portfolioId, since, viewer.today),
  ]);
  const base = before.at(-1) ?? null;
  const latest = recent.at(-1) ?? null;
  const visible = (key: string) => viewer.browsable.has(projectOfKey(key));
  assertSeesSomeProject(input.portfolioId, viewer, Object.keys(latest?.rag ?? {}), latest !== null);
  const empty: PortfolioChanges = {
    since: base?.day ?? null,
    to: latest?.day ?? null,
    ragChanges: [],
    newHighRisks: [],
    closedHighRisks: [],
    newlyOverdue: [],
    newlyOverdueTotal: 0,
    gatesPassed: [],
    newConflicts: [],
    resolvedConflicts: [],
    gatesBlocked: [],
  };
  if (!latest || (base && base.day === latest.day)) return empty;
  const [ragChanges, newlyOverdue, gatesBlocked] = await Promise.all([
    ragChangesBetween(deps, input.portfolioId, viewer, base, latest),
    overdueSince(deps, actor, input.portfolioId, since, viewer.today),
    gatesBlockedSince(deps, actor, input.portfolioId, since, new Set(Object.keys(latest.rag))),
  ]);
  const highRisks = (summary: DaySummary | null) =>
    new Map(Object.entries(summary?.highRisks ?? {}).filter(([key]) => visible(key)));
  const risksBefore = highRisks(base);
  const risksNow = highRisks(latest);
  const conflictsOf = (summary: DaySummary | null) =>
    new Set((summary?.conflicts ?? []).filter((pair) => pair.split('>').every(visible)));
  const conflictsBefore = conflictsOf(base);
  const conflictsNow = conflictsOf(latest);
  const pair = (entry: string) => {
    const [blocker = '', blocked = ''] = entry.split('>');
    return { blocker, blocked };
  };
  return {
    ...empty,
    ragChanges,
    newHighRisks: [...risksNow]
      .filter(([key]) => !risksBefore.has(key))
      .map(([key, projectKey]) => ({ key, projectKey })),
    closedHighRisks: [...risksBefore]
      .filter(([key]) => !risksNow.has(key))
      .map(([key, projectKey]) => ({ key, projectKey })),
    newlyOverdue: newlyOverdue.slice(0, MAX_CHANGE_ITEMS),
    newlyOverdueTotal: newlyOverdue.length,
    gatesPassed: gatesPassedBetween(
      base?.gated ?? {},
      latest.gated,
      viewer.live.config.lifecycle.stages,
    ).filter((gate) => visible(gate.key)),
    newConflicts: [...conflictsNow].filter((entry) => !conflictsBefore.has(entry)).map(pair),
    resolvedConflicts: [...conflictsBefore].filter((entry) => !conflictsNow.has(entry)).map(pair),
    gatesBlocked,
  };
}

/**
 * Transitions refused at a gate since the start of `since` in the portfolio's projects, the latest
 * per issue, only for issues the viewer may open (project browsed, issue security allowing).
 */
async function gatesBlockedSince(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
  since: string,
  projects: ReadonlySet<string>,
): Promise<PortfolioChanges['gatesBlocked']> {
  const blocks = await readGateBlocks(deps, since, deps.now().toISOString());
  const inPortfolio = blocks.filter((block) => projects.has(block.projectKey));
  if (inPortfolio.length === 0) return [];
  const snapshot = await viewerSnapshot(deps, actor, portfolioId);
  if (!snapshot) return [];
  const { access } = snapshot;
  const latest = new Map<string, (typeof inPortfolio)[number]>();
  for (const block of inPortfolio) {
    if (!access.browsable.has(block.projectKey) || access.hiddenIssues.has(block.issueKey)) continue;
    // A secured issue the snapshot does not know yet is left out rather than named.
    if (!(block.issueKey in snapshot.data.facts)) continue;
    latest.set(block.issueKey, block);
  }
  return [...latest.values()]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, MAX_CHANGE_ITEMS)
    .map((block) => ({
      key: block.issueKey,
      projectKey: block.projectKey,
      toStatus: block.toStatus,
      standards: block.standards.map((standard) => standard.name),
      at: block.at,
    }));
}

async function ragChangesBetween(
  deps: AppDeps,
  portfolioId: string,
  viewer: Awaited<ReturnType<typeof historyViewer>>,
  base: DaySummary | null,
  latest: DaySummary,
): Promise<PortfolioChanges['ragChanges']> {
  const changed = Object.keys(latest.rag)
    .filter((key) => viewer.browsable.has(key) && base?.rag[key] !== latest.rag[key])
    .sort();
  const lifecycle = viewer.live.config.lifecycle;
  return Promise.all(
    changed.map(async (projectKey) => {
      const [then, now] = await Promise.all([
        base ? readProjectDays(deps.store, portfolioId, projectKey, base.day, base.day) : [],
        readProjectDays(deps.store, portfolioId, projectKey, latest.day, latest.day),
      ]);
      const before = then[0] ? projectDayView(then[0], viewer.browsable, lifecycle) : null;
      const after = now[0] ? projectDayView(now[0], viewer.browsable, lifecycle) : null;
      const from = before?.rag ?? null;
      const to = after?.rag ?? 'none';
      const indicatorsBefore = new Map(
        before?.indicators.map((indicator) => [indicator.name, indicator.rag]),
      );
      return {
        projectKey,
        name: latest.names[projectKey] ?? projectKey,
        from,
        to,
        worse: RAG_ORDER[to] > RAG_ORDER[from ?? 'none'],
        indicators: (after?.indicators ?? [])
          .filter((indicator) => indicatorsBefore.get(indicator.name) !== indicator.rag)
          .map((indicator) => ({
            name: indicator.name,
            from: indicatorsBefore.get(indicator.name) ?? null,
            to: indicator.rag,
            reason: indicator.reason,
          })),
      };
    }),
  );
}

/** Open issues whose due date passed since `since`, from the current snapshot as the viewer sees it. */
async function overdueSince(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
  since: string,
  today: string,
): Promise<PortfolioChanges['newlyOverdue']> {
  const snapshot = await viewerSnapshot(deps, actor, portfolioId);
  if (!snapshot) return [];
  const { data, access } = snapshot;
  const overdue: PortfolioChanges['newlyOverdue'] = [];
  for (const [key, row] of Object.entries(data.chunk.issues) as [string, IssueRow][]) {
    const [projectKey, status, due] = row;
    if (status === 2 || due === null || due < since || due >= today) continue;
    if (!access.browsable.has(projectKey) || access.hiddenIssues.has(key)) continue;
    overdue.push({ key, projectKey, due });
  }
  return overdue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.key.localeCompare(b.key)));
}
