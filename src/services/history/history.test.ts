import { wireSimulator } from '../../../dev/host/wiring';
import type { JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { dataAs, invokeAs, portfolioReportAs } from '../../../test/support/local-resolvers';
import { setUpServiceSimulator } from '../../../test/support/service-sim';
import { dayRecordOf } from '../../domain/history/day-record';
import { MemoryStore } from '../../storage/memory-store';
import { loadLiveConfig } from '../settings/live-config';
import { setProjectOverride } from '../settings/set-project-override';
import { snapshotKeys } from '../snapshots/keys';
import { startRefresh } from '../snapshots/start-refresh';
import { readProjectDays, readSummaries, storeDay } from './history-store';

// Each test reads a simulated site over HTTP, several times.
jest.setTimeout(60_000);

const START = new Date('2026-03-02T10:00:00.000Z');
const DAY_MS = 86_400_000;

interface Clocked {
  local: LocalApp;
  setNow(date: Date): void;
}

function appOn(sim: JiraSim): Clocked {
  let now = START;
  const { localApp } = wireSimulator(sim.url, { store: new MemoryStore(), now: () => now });
  return {
    local: localApp,
    setNow: (date) => {
      now = date;
    },
  };
}

async function refresh(local: LocalApp): Promise<void> {
  await startRefresh(local.deps, local.deps.queue, 'all', 'user');
  await local.drainJobs();
}

describe('portfolio history', () => {
  const simulator = setUpServiceSimulator(
    { seed: 11, projects: 5, issuesPerProject: 30, now: START },
    { silence: ['warn'] },
  );

  it("records each completed refresh as the day's record, with the same figures as the portfolio page", async () => {
    const { local, setNow } = appOn(simulator.sim);
    const report = await portfolioReportAs(local, 'sim-pmo');
    const history = await dataAs(local, 'sim-pmo', 'getPortfolioHistory', {
      portfolioId: 'all',
      days: 7,
    });
    expect(history.to).toBe('2026-03-02');
    expect(history.days.map((day) => day.recorded)).toEqual([false, false, false, false, false, false, true]);
    const today = history.days.at(-1);
    expect(today?.counts).toEqual(report.summary.rag);
    const letters = { green: 'g', amber: 'a', red: 'r', none: 'n' } as const;
    expect(Object.fromEntries(history.projects.map((project) => [project.key, project.rag.at(-1)]))).toEqual(
      Object.fromEntries(report.projects.map((project) => [project.key, letters[project.health.rag]])),
    );
    // The project's day carries every indicator and the KPIs exactly as the page shows them.
    const first = report.projects[0];
    if (!first) throw new Error('no project');
    const project = await dataAs(local, 'sim-pmo', 'getProjectHistory', {
      portfolioId: 'all',
      projectKey: first.key,
      days: 7,
    });
    const day = project.days.at(-1);
    expect(day?.indicators.map(({ name, value, rag }) => ({ name, value, rag }))).toEqual(
      first.health.indicators.map(({ name, value, rag }) => ({ name, value, rag })),
    );
    for (const indicator of day?.indicators ?? []) {
      const shown = first.health.indicators.find((candidate) => candidate.name === indicator.name);
      expect(indicator.reason).toBe(
        shown && shown.rag !== 'green' && shown.rag !== 'none' ? shown.reason : null,
      );
    }
    expect(day?.kpis).toMatchObject({
      open: first.kpis.open,
      done: first.kpis.done,
      overdue: first.kpis.overdue,
    });

    // A later refresh the same day replaces the day; the next day adds one.
    setNow(new Date(START.getTime() + 2 * 3_600_000));
    await refresh(local);
    setNow(new Date(START.getTime() + DAY_MS));
    await refresh(local);
    // (The days before the first are the backfill's, reconstructed from changelogs.)
    const summaries = (await readSummaries(local.deps.store, 'all', '2026-02-01', '2026-03-31')).filter(
      (summary) => !summary.reconstructed,
    );
    expect(summaries.map((summary) => [summary.day, summary.asOf])).toEqual([
      ['2026-03-02', new Date(START.getTime() + 2 * 3_600_000).toISOString()],
      ['2026-03-03', new Date(START.getTime() + DAY_MS).toISOString()],
    ]);
  });

  it('shows a viewer only the projects they can browse, and nothing to an outsider', async () => {
    const { local } = appOn(simulator.sim);
    await portfolioReportAs(local, 'sim-pmo');
    const pmo = await dataAs(local, 'sim-pmo', 'getPortfolioHistory', { portfolioId: 'all' });
    const team = await dataAs(local, 'sim-team', 'getPortfolioHistory', {
      portfolioId: 'all',
    });
    expect(pmo.projects).toHaveLength(5);
    expect(team.projects.map((project) => project.key)).toEqual(
      pmo.projects.slice(0, 3).map((project) => project.key),
    );
    const teamToday = team.days.at(-1)?.counts;
    expect(teamToday && Object.values(teamToday).reduce((sum, n) => sum + n, 0)).toBe(3);
    const hidden = pmo.projects[4]?.key;
    const refused = await invokeAs(local, 'sim-team', 'getProjectHistory', {
      portfolioId: 'all',
      projectKey: hidden,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const outsider = await invokeAs(local, 'sim-outsider', 'getPortfolioHistory', { portfolioId: 'all' });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('tells what changed since a day: RAG changes with the indicators behind them, and a manual override', async () => {
    const { local, setNow } = appOn(simulator.sim);
    const before = await portfolioReportAs(local, 'sim-admin');
    const target = before.projects.find((project) => project.health.rag !== 'red');
    if (!target) throw new Error('every project is red');
    // Ten days later a PMO lead has overridden one project to red, and due dates have passed.
    setNow(new Date(START.getTime() + 10 * DAY_MS));
    const live = await loadLiveConfig(local.deps);
    await setProjectOverride(
      local.deps,
      { accountId: 'sim-admin', installation: 'ari:cloud:jira::site/local' },
      {
        projectKey: target.key,
        override: { rag: 'red', reason: 'Vendor slipped', expiresAt: '2099-01-01T00:00:00Z' },
        baseVersion: live.version,
      },
    );
    await refresh(local);
    const changes = await dataAs(local, 'sim-admin', 'getPortfolioChanges', {
      portfolioId: 'all',
      since: '2026-03-02',
    });
    expect(changes.since).toBe('2026-03-02');
    expect(changes.to).toBe('2026-03-12');
    const change = changes.ragChanges.find((entry) => entry.projectKey === target.key);
    expect(change).toMatchObject({ from: target.health.rag, to: 'red', worse: true });
    const after = await portfolioReportAs(local, 'sim-admin');
    // Every project whose shown RAG differs between the two days is listed, and only those.
    const changed = after.projects
      .filter(
        (project) => project.health.rag !== before.projects.find((p) => p.key === project.key)?.health.rag,
      )
      .map((project) => project.key)
      .sort();
    expect(changes.ragChanges.map((entry) => entry.projectKey)).toEqual(changed);
    // Work due in between and still open is newly overdue (the admin sees every issue).
    const categoryOf = new Map(simulator.sim.dataset.statuses.map((status) => [status.id, status.category]));
    const dueThen = simulator.sim.dataset.issues
      .filter(
        (issue) =>
          issue.duedate !== null &&
          issue.duedate >= '2026-03-02' &&
          issue.duedate < '2026-03-12' &&
          categoryOf.get(issue.statusId) !== 'done',
      )
      .map((issue) => issue.key)
      .sort();
    expect(dueThen.length).toBeGreaterThan(0);
    expect(changes.newlyOverdue.map((item) => item.key).sort()).toEqual(dueThen);
    expect(changes.newlyOverdueTotal).toBe(dueThen.length);
    // The project's trend marks the override.
    const project = await dataAs(local, 'sim-admin', 'getProjectHistory', {
      portfolioId: 'all',
      projectKey: target.key,
    });
    expect(project.markers).toContainEqual({
      day: '2026-03-12',
      kind: 'override',
      text: 'Manual override: red',
    });
    expect(project.markers).toContainEqual(expect.objectContaining({ day: '2026-03-12', kind: 'settings' }));
  });

  it('exports a row per project the viewer can browse and recorded day, a window at a time', async () => {
    const { local, setNow } = appOn(simulator.sim);
    await portfolioReportAs(local, 'sim-admin');
    setNow(new Date(START.getTime() + 10 * DAY_MS));
    await refresh(local);
    const exported = await dataAs(local, 'sim-team', 'exportPortfolioHistory', {
      portfolioId: 'all',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const teamProjects = simulator.sim.dataset.projects.slice(0, 3).map((project) => project.key);
    const recorded = exported.rows.filter((row) => !row.reconstructed);
    expect(exported.rows.some((row) => row.reconstructed)).toBe(true); // the backfill's days are exported too
    expect(recorded.map((row) => `${row.day} ${row.projectKey}`)).toEqual(
      ['2026-03-02', '2026-03-12'].flatMap((day) => teamProjects.map((key) => `${day} ${key}`)),
    );
    const tooLong = await invokeAs(local, 'sim-team', 'exportPortfolioHistory', {
      portfolioId: 'all',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('lets a PMO lead set a baseline and measures the project against it; a gate passed captures one', async () => {
    const { local, setNow } = appOn(simulator.sim);
    const report = await portfolioReportAs(local, 'sim-admin');
    const projectKey = report.projects[0]?.key as string;
    const refusedNote = await invokeAs(local, 'sim-admin', 'setBaseline', {
      portfolioId: 'all',
      projectKey,
      note: '<img src=x onerror=alert(1)>',
    });
    expect(refusedNote).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const refusedUser = await invokeAs(local, 'sim-team', 'setBaseline', {
      portfolioId: 'all',
      projectKey,
      note: 'x',
    });
    expect(refusedUser).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await local.deps.store.query(`pf:all:baseline:`)).results).toEqual([]);

    const set = await dataAs(local, 'sim-admin', 'setBaseline', {
      portfolioId: 'all',
      projectKey,
      note: 'Plan of record',
    });
    expect(set).toMatchObject({
      projectKey,
      trigger: 'manual',
      by: 'sim-admin',
      byName: 'Ada Admin',
      note: 'Plan of record',
    });
    const projectIssues = simulator.sim.dataset.issues.filter(
      (issue) => simulator.sim.dataset.projects[issue.projectIdx]?.key === projectKey,
    );
    expect(set.scope.issues).toBe(projectIssues.length);
    const listed = await dataAs(local, 'sim-team', 'listBaselines', {
      portfolioId: 'all',
      projectKey,
    });
    expect(listed.baselines.map((baseline) => baseline.note)).toEqual(['Plan of record']);
    expect(listed.canSet).toBe(false);
    expect(listed.variance).toMatchObject({ scheduleDays: 0, scopePercent: 0 });

    // The plan slips: an open issue's due date moves a month later, and the variance shows it.
    const open = projectIssues
      .filter((issue) => issue.resolved === null && issue.duedate !== null && issue.securityLevelId === null)
      .sort((a, b) => ((a.duedate ?? '') < (b.duedate ?? '') ? 1 : -1))[0];
    if (!open?.duedate) throw new Error('no open issue with a due date');
    const later = new Date(Date.parse(open.duedate) + 30 * DAY_MS).toISOString().slice(0, 10);
    simulator.sim.mutate.editIssue(open.key, { duedate: later });
    setNow(new Date(START.getTime() + DAY_MS));
    await refresh(local);
    const slipped = await dataAs(local, 'sim-admin', 'listBaselines', {
      portfolioId: 'all',
      projectKey,
    });
    expect(slipped.variance?.scheduleDays).toBe(30);
    simulator.sim.mutate.editIssue(open.key, { duedate: open.duedate });

    // A gated issue that was a stage behind yesterday has passed a gate today: a baseline is captured.
    const store = local.deps.store;
    const [today] = await readSummaries(store, 'all', '2026-03-03', '2026-03-03');
    const live = await loadLiveConfig(local.deps);
    const advanced = Object.entries(today?.gated ?? {}).find(
      ([, stage]) => live.config.lifecycle.stages.findIndex((s) => s.id === stage) > 0,
    );
    if (!today || !advanced) throw new Error('no gated issue past the first stage');
    const first = live.config.lifecycle.stages[0]?.id as string;
    await store.set(snapshotKeys('all').historyDay('2026-03-03'), {
      ...today,
      gated: { ...today.gated, [advanced[0]]: first },
    });
    setNow(new Date(START.getTime() + DAY_MS + 3_600_000));
    await refresh(local);
    const gated = await dataAs(local, 'sim-admin', 'listBaselines', {
      portfolioId: 'all',
      projectKey: advanced[0].split('-')[0] ?? '',
    });
    expect(gated.baselines[0]).toMatchObject({ trigger: 'gate', by: null });
    expect(gated.baselines[0]?.note).toContain(`${advanced[0]} entered`);
  });

  it('follows the configured time zone for the calendar day', async () => {
    const { local, setNow } = appOn(simulator.sim);
    await portfolioReportAs(local, 'sim-admin');
    const live = await loadLiveConfig(local.deps);
    // 13:00 UTC on 2 March is already 3 March in Auckland (UTC+13 in March).
    await local.deps.store.set('site:time-zone', { at: START.getTime(), timeZone: 'Pacific/Auckland' });
    setNow(new Date('2026-03-02T13:00:00.000Z'));
    expect(live.config.history.timeZone).toBeNull();
    await refresh(local);
    const days = (await readSummaries(local.deps.store, 'all', '2026-03-01', '2026-03-04')).map(
      (day) => day.day,
    );
    expect(days).toContain('2026-03-03');
  });
});

describe('history store', () => {
  const record = (day: string, asOf: string, reconstructed: boolean, rag: 'green' | 'red' = 'green') =>
    dayRecordOf({
      day,
      asOf,
      settingsVersion: 1,
      reconstructed,
      secured: () => false,
      compliance: null,
      report: {
        risks: [],
        dependencies: { conflicts: [] } as never,
        projects: [
          {
            key: 'ABC',
            name: 'Alpha',
            category: null,
            health: { rag, computedRag: rag, indicators: [], override: null },
            kpis: {
              total: 1,
              open: 1,
              inProgress: 0,
              done: 0,
              overdue: 0,
              averageOpenAgeDays: 1,
              throughput: [],
            },
          },
        ],
      },
    });

  it('never lets a reconstructed day replace a recorded one, and keeps the later of two readings', async () => {
    const store = new MemoryStore();
    await storeDay(store, 'all', record('2026-03-02', '2026-03-02T10:00:00Z', false, 'red'), 400);
    expect(await storeDay(store, 'all', record('2026-03-02', '2026-03-02T23:00:00Z', true), 400)).toBe(
      'kept-newer',
    );
    expect(await storeDay(store, 'all', record('2026-03-02', '2026-03-02T09:00:00Z', false), 400)).toBe(
      'kept-newer',
    );
    const [kept] = await readSummaries(store, 'all', '2026-03-02', '2026-03-02');
    expect(kept?.rag).toEqual({ ABC: 'r' });
    expect(await storeDay(store, 'all', record('2026-03-02', '2026-03-02T11:00:00Z', false), 400)).toBe(
      'written',
    );
    const [later] = await readSummaries(store, 'all', '2026-03-02', '2026-03-02');
    expect(later?.rag).toEqual({ ABC: 'g' });
  });

  it('is idempotent: recording the same day twice changes nothing stored', async () => {
    const store = new MemoryStore();
    const day = record('2026-03-02', '2026-03-02T10:00:00Z', false, 'red');
    await storeDay(store, 'all', day, 400);
    const once = JSON.stringify((await store.query('pf:all:', { limit: 100 })).results);
    await storeDay(store, 'all', day, 400);
    expect(JSON.stringify((await store.query('pf:all:', { limit: 100 })).results)).toBe(once);
  });

  it('deletes days older than the retention when a new day is recorded', async () => {
    const store = new MemoryStore();
    for (const day of ['2025-01-10', '2025-06-01', '2026-01-15']) {
      await storeDay(store, 'all', record(day, `${day}T10:00:00Z`, true), 400);
    }
    await storeDay(store, 'all', record('2026-03-02', '2026-03-02T10:00:00Z', false), 400);
    const kept = await readSummaries(store, 'all', '2024-01-01', '2026-12-31');
    expect(kept.map((day) => day.day)).toEqual(['2025-06-01', '2026-01-15', '2026-03-02']);
    expect(
      (await readProjectDays(store, 'all', 'ABC', '2024-01-01', '2026-12-31')).map((day) => day.day),
    ).toEqual([
      // A month record goes once its whole month is past the retention (kept "at least" as long).
      '2025-01-10',
      '2025-06-01',
      '2026-01-15',
      '2026-03-02',
    ]);
    const monthRecords = (await store.query(snapshotKeys('all').historyMonthsPrefix)).results;
    expect(monthRecords.map((entry) => entry.key.slice(-13))).toEqual([
      '2025-01:ABC:b',
      '2025-06:ABC:b',
      '2026-01:ABC:b',
      '2026-03:ABC:r',
    ]);
  });
});
