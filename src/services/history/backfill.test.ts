import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import { LINK_TYPES } from '../../../dev/jira-sim/catalog';
import { statusCategoryOf } from '../../../dev/jira-sim/generator';
import type { LocalApp } from '../../../dev/local/local-app';
import { indexBlockingLinks } from '../../domain/dependencies/links';
import { type BackfillStatus, BackfillStatusSchema } from '../../domain/history/backfill-status';
import { addDays } from '../../domain/history/calendar';
import { endOfLocalDay } from '../../domain/history/day-end';
import { INDICATOR_ORDER, ragOfCode } from '../../domain/history/day-record';
import { computePortfolioFromChunk, type IssueRow, type PortfolioChunk } from '../../domain/portfolio';
import { readBlob } from '../../storage/blob';
import { MemoryStore } from '../../storage/memory-store';
import { queryAll, readParsed } from '../../storage/store';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema, type SnapshotData, SnapshotDataSchema } from '../snapshots/records';
import { startRefresh } from '../snapshots/start-refresh';
import { backfillKeys } from './backfill-records';
import { readProjectDays, readSummaries } from './history-store';
import { MAX_BACKFILL_DAYS } from './start-backfill';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const CHANGELOG_ROUTE = 'POST /rest/api/3/changelog/bulkfetch';

jest.setTimeout(120_000);

function appOn(sim: JiraSim, store = new MemoryStore()): LocalApp {
  return wireSimulator(sim.url, { store, now: () => NOW }).localApp;
}

async function refresh(local: LocalApp): Promise<void> {
  await startRefresh(local.deps, local.deps.queue, 'all', 'user');
  await local.drainJobs();
}

async function statusOf(local: LocalApp): Promise<BackfillStatus | undefined> {
  return readParsed(local.deps.store, backfillKeys('all').status, BackfillStatusSchema);
}

async function snapshotOf(local: LocalApp): Promise<SnapshotData> {
  const keys = snapshotKeys('all');
  const current = CurrentSnapshotSchema.parse(await local.deps.store.get(keys.current));
  const data = await readBlob(local.deps.store, keys.snapshot(current.seq), SnapshotDataSchema);
  if (!data) throw new Error('no snapshot');
  return data;
}

/** The portfolio chunk built straight from the simulator's own record of the site at `atMs`. */
function chunkFromSimulator(sim: JiraSim, snapshot: SnapshotData, atMs: number): PortfolioChunk {
  const blocking = indexBlockingLinks(snapshot.settings.blockingLinks);
  const typeName = new Map(LINK_TYPES.map((type) => [type.id, type.name.toLowerCase()]));
  const keyOf = new Map(sim.dataset.issues.map((issue) => [issue.id, issue.key]));
  const blocks = new Map<string, string[]>();
  const blockedBy = new Map<string, string[]>();
  for (const link of sim.history.linksAt(atMs)) {
    const direction = blocking.get(typeName.get(link.typeId) ?? '');
    if (direction === undefined) continue;
    const [blocker, blocked] = direction === 'outward' ? [link.from, link.to] : [link.to, link.from];
    const blockerKey = keyOf.get(blocker) as string;
    const blockedKey = keyOf.get(blocked) as string;
    blocks.set(blockerKey, [...(blocks.get(blockerKey) ?? []), blockedKey]);
    blockedBy.set(blockedKey, [...(blockedBy.get(blockedKey) ?? []), blockerKey]);
  }
  const issues: PortfolioChunk['issues'] = {};
  for (const state of sim.history.stateAt(atMs)) {
    const row = snapshot.chunk.issues[state.key];
    if (!row) continue;
    const category = statusCategoryOf(state.statusId);
    const code = category === 'new' ? 0 : category === 'indeterminate' ? 1 : 2;
    const raid = row[9] === null ? null : ([...row[9]] as NonNullable<IssueRow[9]>);
    if (raid) raid[2] = sim.dataset.statuses.find((status) => status.id === state.statusId)?.name ?? raid[2];
    issues[state.key] = [
      row[0],
      code,
      state.duedate,
      row[3],
      row[4],
      state.resolved,
      row[6],
      blocks.get(state.key) ?? [],
      blockedBy.get(state.key) ?? [],
      raid,
    ];
  }
  return { ...snapshot.chunk, issues };
}

describe('history backfill from Jira changelogs', () => {
  let sim: JiraSim;
  // A site per test: each reads it from scratch and counts its points.
  beforeEach(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    sim = await createJiraSim({
      port: 0,
      seed: 11,
      projects: 5,
      issuesPerProject: 40,
      now: NOW,
      frozenClock: true,
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sim.close();
  });

  it('rebuilds 90 days before the first recorded one whose KPIs are those of the site on each day, and reports the points spent', async () => {
    const local = appOn(sim);
    await refresh(local);
    const queued = await statusOf(local);
    expect(queued).toMatchObject({
      state: 'queued',
      firstRecordedDay: '2026-03-02',
      days: MAX_BACKFILL_DAYS,
    });
    // The backfill waits a little after the first refresh.
    sim.resetStats();
    local.releaseDelayedJobs();
    await local.drainJobs();
    const done = (await statusOf(local)) as BackfillStatus;
    expect(done).toMatchObject({
      state: 'done',
      fromDay: addDays('2026-03-02', -MAX_BACKFILL_DAYS),
      toDay: '2026-03-01',
      issues: 200,
      batches: 1,
      batchesRead: 1,
      daysBuilt: MAX_BACKFILL_DAYS,
    });
    // Its points are what the site charged: the changelogs, and the statuses and link types read at the start.
    const site = sim.stats();
    expect(site.pointsByRoute[CHANGELOG_ROUTE]).toBeGreaterThan(0);
    expect(done.points).toBe((site.pointsByRoute[CHANGELOG_ROUTE] ?? 0) + 2);
    expect(done.requests).toBe(2 + (site.byRoute[CHANGELOG_ROUTE] ?? 0));
    expect(done.requests).toBe(3); // 200 issues: one changelog request

    const days = await readSummaries(local.deps.store, 'all', '2025-01-01', '2026-03-02');
    expect(days.filter((day) => day.reconstructed)).toHaveLength(MAX_BACKFILL_DAYS);
    expect(days.at(-1)).toMatchObject({ day: '2026-03-02', reconstructed: false });

    const snapshot = await snapshotOf(local);
    let differing = 0;
    for (const day of ['2025-12-10', '2026-01-15', '2026-02-20', '2026-03-01']) {
      const atMs = endOfLocalDay(day, 'UTC');
      const direct = computePortfolioFromChunk(
        chunkFromSimulator(sim, snapshot, atMs),
        snapshot.projects,
        snapshot.settings,
        new Date(atMs),
      );
      for (const project of direct.projects) {
        const [stored] = await readProjectDays(local.deps.store, 'all', project.key, day, day);
        expect(stored?.reconstructed).toBe(true);
        const kpis = project.kpis;
        expect(stored?.row[3]).toEqual([
          kpis.open,
          kpis.inProgress,
          kpis.done,
          kpis.overdue,
          kpis.throughput.at(-1)?.resolved ?? 0,
        ]);
        // Every indicator but staleness (Jira's changelog says when a field changed, not when the
        // issue was last touched) is the one the site's own state that day gives.
        const indicators = INDICATOR_ORDER.map((name, n) => [name, stored?.row[2][n]] as const)
          .filter(([name, value]) => name !== 'staleness' && value)
          .map(([name, value]) => [name, ragOfCode(value?.[1] ?? 'n')]);
        expect(indicators).toEqual(
          project.health.indicators
            .filter((indicator) => indicator.name !== 'staleness')
            .map((indicator) => [indicator.name, indicator.rag]),
        );
        const current = snapshot.chunk.issues;
        const nowOpen = Object.values(current).filter((row) => row[0] === project.key && row[1] !== 2).length;
        if (nowOpen !== kpis.open) differing++;
      }
    }
    // The past differs from today: the check compares days that really were different.
    expect(differing).toBeGreaterThan(0);
    // Done, it keeps only its status: the plan, the changes read and the queue marks are deleted.
    const left: string[] = [];
    for await (const entry of queryAll(local.deps.store, 'pf:all:h:backfill:')) left.push(entry.key);
    expect(left).toEqual([backfillKeys('all').status]);
  });

  it('is idempotent on redelivery: a step run again stores nothing new and counts nothing twice', async () => {
    const store = new MemoryStore();
    const local = appOn(sim, store);
    await refresh(local);
    local.releaseDelayedJobs();
    await local.drainJobs();
    const before = (await statusOf(local)) as BackfillStatus;
    const days = await readSummaries(store, 'all', '2025-01-01', '2026-03-02');
    await local.deps.queue.push([
      { kind: 'backfill-changelogs', portfolioId: 'all', backfillId: before.id, batch: 0 },
      { kind: 'backfill-days', portfolioId: 'all', backfillId: before.id, from: 0 },
    ]);
    await local.drainJobs();
    expect(await statusOf(local)).toEqual(before);
    expect(await readSummaries(store, 'all', '2025-01-01', '2026-03-02')).toEqual(days);
    // A second refresh the same day neither starts another backfill nor replaces recorded days.
    await refresh(local);
    expect((await statusOf(local))?.id).toBe(before.id);
  });

  it('a failed backfill resumes with the next refresh', async () => {
    const local = appOn(sim);
    await refresh(local);
    sim.setFaults({ failNext: [{ status: 400, count: 1, pathPrefix: '/rest/api/3/changelog' }] });
    local.releaseDelayedJobs();
    await local.drainJobs();
    const failed = await statusOf(local);
    expect(failed).toMatchObject({ state: 'failed', batchesRead: 0, daysBuilt: 0 });
    expect(failed?.error).toBeTruthy();
    sim.resetFaults();
    await refresh(local);
    const resumed = await statusOf(local);
    expect(resumed).toMatchObject({
      id: failed?.id,
      state: 'done',
      batchesRead: 1,
      daysBuilt: MAX_BACKFILL_DAYS,
    });
  });

  it("waits for the next hour when Jira's quota is spent, then goes on", async () => {
    const local = appOn(sim);
    await refresh(local);
    sim.setFaults({ quotaPointsPerHour: sim.quota().spent });
    sim.resetStats();
    local.releaseDelayedJobs();
    await local.drainJobs();
    const waiting = await statusOf(local);
    expect(waiting).toMatchObject({ state: 'waiting', batchesRead: 0 });
    expect(waiting?.waitingUntil).not.toBeNull();
    expect(sim.stats().pointsByRoute[CHANGELOG_ROUTE] ?? 0).toBe(0);
    sim.advanceClock(3_600_000);
    sim.resetFaults();
    local.releaseDelayedJobs();
    await local.drainJobs();
    expect(await statusOf(local)).toMatchObject({ state: 'done', daysBuilt: MAX_BACKFILL_DAYS });
  });
});
