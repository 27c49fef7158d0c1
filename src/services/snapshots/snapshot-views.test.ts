import { wireSimulator } from '../../../dev/host/wiring';
import { SIM_USERS } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { invokeAs, portfolioReportAs } from '../../../test/support/local-resolvers';
import { setUpServiceSimulator } from '../../../test/support/service-sim';
import { isRestrictedKey } from '../../domain/snapshot/viewer-filter';
import { MemoryStore } from '../../storage/memory-store';
import { queryAll, type Store } from '../../storage/store';
import { snapshotKeys } from './keys';
import { refreshDuePortfolios } from './refresh-due-portfolios';
import { startRefresh } from './start-refresh';

jest.setTimeout(60_000);

/** Every issue key a report names, wherever it appears. */
function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^(#restricted|[A-Z][A-Z0-9_]*)-\d+$/.test(value)) found.add(value);
  else if (Array.isArray(value)) for (const item of value) keysIn(item, found);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) keysIn(item, found);
  return found;
}

describe('page views from the snapshot, as each viewer may see them', () => {
  let local: LocalApp;
  const clock = { now: new Date('2026-03-02T10:00:00.000Z') };
  let revoked = false;
  const simulator = setUpServiceSimulator(
    { seed: 5, projects: 6, issuesPerProject: 40, now: clock.now },
    { silence: ['warn'] },
  );

  beforeAll(async () => {
    const wiring = wireSimulator(simulator.sim.url, { store: new MemoryStore(), now: () => clock.now });
    // "sim-leaver" browses what a team member browses, until their access is revoked.
    local = wireSimulator(
      simulator.sim.url,
      { store: new MemoryStore(), now: () => clock.now },
      SIM_USERS,
    ).localApp;
    const original = local.deps.jira.asUser;
    local.deps.jira.asUser = (accountId) =>
      accountId === 'sim-leaver'
        ? (wiring.localApp.deps.jira.asUser(revoked ? 'sim-outsider' : 'sim-team') as ReturnType<
            typeof original
          >)
        : original(accountId);
  });

  it.each(['sim-admin', 'sim-pmo', 'sim-team', 'sim-outsider'])(
    '%s sees exactly the projects and issues Jira lets them browse, with totals recomputed',
    async (accountId) => {
      const viewed = await portfolioReportAs(local, accountId);
      const browsable = new Set(
        (await local.deps.jira.asUser(accountId).searchProjects()).map((project) => project.key),
      );
      const shown = viewed.projects.map((project) => project.key);
      expect(new Set(shown)).toEqual(
        new Set(simulator.sim.dataset.projects.map((p) => p.key).filter((key) => browsable.has(key))),
      );
      // Portfolio figures come from the visible projects only.
      expect(viewed.summary.projects).toBe(shown.length);
      expect(viewed.kpis.total).toBe(viewed.projects.reduce((sum, project) => sum + project.kpis.total, 0));
      expect(viewed.risks.every((risk) => browsable.has(risk.projectKey))).toBe(true);
      expect(viewed.compliance?.projects.every((project) => browsable.has(project.projectKey))).toBe(true);
      // No key of a project they cannot browse, anywhere; such ends show as a restricted project.
      const named = [...keysIn({ ...viewed, meta: null })];
      const leaked = named.filter(
        (key) => !isRestrictedKey(key) && !browsable.has(key.slice(0, key.lastIndexOf('-'))),
      );
      expect(leaked).toEqual([]);
      // Issues with a security level are named only to viewers Jira lets open them.
      const secured = simulator.sim.dataset.issues
        .filter((issue) => issue.securityLevelId !== null)
        .map((issue) => issue.key);
      const canOpen = new Set(
        (await local.deps.jira.asUser(accountId).bulkFetch(secured.slice(0, 100), ['summary'])).map(
          (issue) => issue.key,
        ),
      );
      expect(named.filter((key) => secured.includes(key) && !canOpen.has(key))).toEqual([]);
    },
  );

  it('a viewer who loses access sees less once their permissions are asked again', async () => {
    revoked = false;
    const before = await portfolioReportAs(local, 'sim-leaver');
    expect(before.projects.length).toBeGreaterThan(0);
    revoked = true;
    // Within the permission cache's few minutes the answer is reused (no Jira request) ...
    simulator.sim.resetStats();
    const cached = await portfolioReportAs(local, 'sim-leaver');
    expect(cached.meta.requests).toBe(0);
    expect(simulator.sim.stats().total).toBe(0);
    // ... and after it, Jira is asked again.
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    const after = await portfolioReportAs(local, 'sim-leaver');
    expect(after.projects).toEqual([]);
    expect(after.risks).toEqual([]);
    expect(after.kpis.total).toBe(0);
  });
});

/** A store whose writes of chosen keys can fail once or wait. */
class FaultyStore extends MemoryStore {
  failOnce = new Set<string>();
  /** Key fragment -> how many more create-only writes of such keys fail. */
  failTimes = new Map<string, number>();
  gate: { key: string; opened: Promise<void> } | null = null;
  override async set(key: string, value: unknown): Promise<void> {
    if (this.gate && key === this.gate.key) await this.gate.opened;
    return super.set(key, value);
  }
  override async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    for (const [pattern, left] of this.failTimes) {
      if (left > 0 && key.includes(pattern)) {
        this.failTimes.set(pattern, left - 1);
        throw new Error(`storage write failed: ${key}`);
      }
    }
    for (const pattern of this.failOnce) {
      if (key.includes(pattern)) {
        this.failOnce.delete(pattern);
        throw new Error(`storage write failed: ${key}`);
      }
    }
    return super.setIfAbsent(key, value);
  }
}

describe('refresh runs under faults', () => {
  const NOW = new Date('2026-03-02T10:00:00.000Z');
  const simulator = setUpServiceSimulator(
    { seed: 9, projects: 4, issuesPerProject: 60, now: NOW, frozenClock: true },
    { silence: ['warn', 'error'] },
  );
  afterEach(() => simulator.sim.resetFaults());

  const appWith = (store: Store) => wireSimulator(simulator.sim.url, { store, now: () => NOW }).localApp;
  const status = async (local: LocalApp) => {
    const answer = await invokeAs(local, 'sim-admin', 'getRefreshStatus', {
      portfolioId: 'all',
    });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };

  it('a job killed after storing its part is delivered again and counts nothing twice', async () => {
    const clean = appWith(new MemoryStore());
    await startRefresh(clean.deps, clean.deps.queue, 'all', 'user');
    await clean.drainJobs();
    const store = new FaultyStore();
    store.failOnce.add(':part-done:');
    store.failOnce.add(':done:');
    const crashed = appWith(store);
    await startRefresh(crashed.deps, crashed.deps.queue, 'all', 'user');
    await crashed.drainJobs();
    const [expected, actual] = [
      await portfolioReportAs(clean, 'sim-admin'),
      await portfolioReportAs(crashed, 'sim-admin'),
    ];
    expect(actual.projects).toEqual(expected.projects);
    expect(actual.kpis).toEqual(expected.kpis);
    expect(actual.dependencies).toEqual(expected.dependencies);
    expect((await status(crashed)).run?.status).toBe('done');
  });

  it('a run whose job the queue gave up on is resumed by the hourly trigger and completes', async () => {
    const clean = appWith(new MemoryStore());
    await startRefresh(clean.deps, clean.deps.queue, 'all', 'user');
    await clean.drainJobs();
    const clock = { now: NOW };
    const store = new FaultyStore();
    // One project's "done" marker cannot be written on any of the queue's three deliveries.
    store.failTimes.set(':done:', 3);
    const local = wireSimulator(simulator.sim.url, { store, now: () => clock.now }).localApp;
    const { seq } = await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    await local.drainJobs();
    expect((await status(local)).run).toMatchObject({ seq, status: 'running' });
    clock.now = new Date(NOW.getTime() + 30 * 60_000);
    await refreshDuePortfolios(local.deps);
    await local.drainJobs();
    expect((await status(local)).run).toMatchObject({ seq, status: 'done' });
    const [expected, actual] = [
      await portfolioReportAs(clean, 'sim-admin'),
      await portfolioReportAs(local, 'sim-admin'),
    ];
    expect(actual.projects).toEqual(expected.projects);
    expect(actual.kpis).toEqual(expected.kpis);
  });

  it('a project that cannot be read keeps its last data, marked stale, and what links to it stays (#13.7)', async () => {
    const local = appWith(new MemoryStore());
    await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    await local.drainJobs();
    const before = await portfolioReportAs(local, 'sim-admin');
    const broken = before.projects[before.projects.length - 1]?.key ?? '';
    // Jira fails every search of that project (after the client's own retries).
    const client = local.deps.jira.asApp();
    const searchPage = client.searchPage.bind(client);
    client.searchPage = async (options) => {
      if (options.jql.includes(`project = "${broken}"`)) throw new Error(`Jira answered 503 for ${broken}`);
      return searchPage(options);
    };
    await startRefresh(local.deps, local.deps.queue, 'all', 'user', { full: true });
    await local.drainJobs();
    client.searchPage = searchPage;
    const after = await portfolioReportAs(local, 'sim-admin');
    expect(after.meta.staleProjects).toEqual([broken]);
    expect(after.meta.partial).toBe(true);
    expect(after.projects.find((project) => project.key === broken)?.kpis).toEqual(
      before.projects.find((project) => project.key === broken)?.kpis,
    );
    expect(after.dependencies.conflicts).toEqual(before.dependencies.conflicts);
    expect(after.kpis).toEqual(before.kpis);
  });

  it('on a first read that misses a project, the projects linked to it are flagged partial too (#13.7)', async () => {
    const local = appWith(new MemoryStore());
    const projects = simulator.sim.dataset.projects;
    const issueProject = new Map(
      simulator.sim.dataset.issues.map((issue) => [issue.id, projects[issue.projectIdx]?.key ?? '']),
    );
    // The project with the most cross-project links: its partners lose the other end of those links.
    const partners = new Map<string, Set<string>>();
    // Links the app takes to mean "blocks" (the default mapping: Blocks, Dependency).
    const blocking = new Set(
      simulator.sim.dataset.linkTypes
        .filter((type) => ['Blocks', 'Dependency'].includes(type.name))
        .map((type) => type.id),
    );
    for (const link of simulator.sim.dataset.links.filter((candidate) => blocking.has(candidate.typeId))) {
      const [from, to] = [issueProject.get(link.from) ?? '', issueProject.get(link.to) ?? ''];
      if (from === to) continue;
      partners.set(from, (partners.get(from) ?? new Set()).add(to));
      partners.set(to, (partners.get(to) ?? new Set()).add(from));
    }
    const [broken, linked] = [...partners].sort((a, b) => b[1].size - a[1].size)[0] ?? [
      '',
      new Set<string>(),
    ];
    expect(linked.size).toBeGreaterThan(0);
    const client = local.deps.jira.asApp();
    const searchPage = client.searchPage.bind(client);
    client.searchPage = async (options) => {
      if (options.jql.includes(`project = "${broken}"`)) throw new Error(`Jira answered 503 for ${broken}`);
      return searchPage(options);
    };
    await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    await local.drainJobs();
    client.searchPage = searchPage;
    const report = await portfolioReportAs(local, 'sim-admin');
    expect(report.meta.partial).toBe(true);
    expect(report.meta.staleProjects).toEqual(expect.arrayContaining([broken, ...linked]));
  });

  it('readers see the previous snapshot until the new one is complete', async () => {
    const store = new FaultyStore();
    const local = appWith(store);
    await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    await local.drainJobs();
    const first = await portfolioReportAs(local, 'sim-admin');
    const target = simulator.sim.dataset.issues.find(
      (issue) => issue.duedate !== null && issue.resolved === null,
    );
    if (!target) throw new Error('no open issue with a due date');
    simulator.sim.mutate.editIssue(target.key, { duedate: '2020-01-01' });
    await local.app.issueTrigger({
      eventType: 'avi:jira:updated:issue',
      issue: { id: String(target.id), key: target.key },
    });
    let open = () => {};
    store.gate = {
      key: snapshotKeys('all').current,
      opened: new Promise<void>((resolve) => (open = resolve)),
    };
    await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    // The new run is assembled up to the pointer switch, which waits: readers keep the old snapshot.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await portfolioReportAs(local, 'sim-admin');
    expect(during.meta.snapshot?.asOf).toBe(first.meta.snapshot?.asOf);
    expect(during.kpis).toEqual(first.kpis);
    open();
    await local.drainJobs();
    store.gate = null;
    const after = await portfolioReportAs(local, 'sim-admin');
    expect(after.kpis.overdue).toBeGreaterThanOrEqual(first.kpis.overdue);
    expect(after.meta.snapshot?.run?.status).toBe('done');
  });

  it('a second Refresh while one runs joins it instead of starting another', async () => {
    const local = appWith(new MemoryStore());
    const [a, b] = await Promise.all([
      startRefresh(local.deps, local.deps.queue, 'all', 'user'),
      startRefresh(local.deps, local.deps.queue, 'all', 'user'),
    ]);
    expect(a.seq).toBe(b.seq);
    expect([a.joined, b.joined].sort()).toEqual([false, true]);
    await local.drainJobs();
  });

  it('a quota spent mid-run defers the rest to the next hour, and the page says as of the last complete run', async () => {
    const local = appWith(new MemoryStore());
    await startRefresh(local.deps, local.deps.queue, 'all', 'user');
    await local.drainJobs();
    const before = await portfolioReportAs(local, 'sim-admin');
    // Room for the plan and a little more: the full re-read below cannot finish in this hour.
    simulator.sim.setFaults({ quotaPointsPerHour: simulator.sim.quota().spent + 60 });
    const { seq } = await startRefresh(local.deps, local.deps.queue, 'all', 'user', { full: true });
    await local.drainJobs();
    const waiting = await status(local);
    expect(waiting.run?.seq).toBe(seq);
    expect(waiting.run?.status).toBe('deferred');
    expect(waiting.run?.deferredUntil).not.toBeNull();
    const meanwhile = await portfolioReportAs(local, 'sim-admin');
    expect(meanwhile.meta.snapshot?.asOf).toBe(before.meta.snapshot?.asOf);
    expect(meanwhile.kpis).toEqual(before.kpis);
    // The next hour: the run goes on where it stopped and completes.
    simulator.sim.advanceClock(3_600_000);
    simulator.sim.resetFaults();
    local.releaseDelayedJobs();
    await local.drainJobs();
    const done = await status(local);
    expect(done.run).toMatchObject({ seq, status: 'done', mode: 'full' });
    const after = await portfolioReportAs(local, 'sim-admin');
    expect(after.meta.snapshot?.run?.seq).toBe(seq);
    expect(after.kpis).toEqual(before.kpis);
  });
});

describe('storage hygiene', () => {
  const NOW = new Date('2026-03-02T10:00:00.000Z');
  const simulator = setUpServiceSimulator(
    { seed: 3, projects: 3, issuesPerProject: 20, now: NOW },
    { silence: ['warn'] },
  );

  const keysUnder = async (store: Store, prefix: string) => {
    const keys: string[] = [];
    for await (const { key } of queryAll(store, prefix)) keys.push(key);
    return keys;
  };

  it('keeps one snapshot: a completed run deletes the one it replaced and its own parts', async () => {
    const local = wireSimulator(simulator.sim.url, { store: new MemoryStore(), now: () => NOW }).localApp;
    for (let run = 0; run < 3; run++) {
      await startRefresh(local.deps, local.deps.queue, 'all', 'user', { full: run === 0 });
      await local.drainJobs();
    }
    // The history backfill the first run queued keeps its own work records until it is done.
    const keys = (await keysUnder(local.deps.store, 'pf:all:')).filter(
      (key) => !key.includes(':h:backfill:'),
    );
    expect(keys.filter((key) => /:snapshot:\d+$/.test(key))).toHaveLength(1);
    expect(keys.filter((key) => key.includes(':part:'))).toEqual(
      keys.filter((key) => /:snapshot:\d+:part:/.test(key)),
    );
    expect(keys.filter((key) => key.endsWith(':plan'))).toEqual([]);
  });

  it('deleting a portfolio in the settings deletes its stored data', async () => {
    const local = wireSimulator(simulator.sim.url, { store: new MemoryStore(), now: () => NOW }).localApp;
    const settings = await invokeAs(local, 'sim-admin', 'getSettings', {});
    if (!settings.ok) throw new Error(settings.error.message);
    const config = structuredClone(settings.data.live.config) as { portfolios: unknown[] };
    const projectKeys = simulator.sim.dataset.projects.slice(0, 2).map((project) => project.key);
    config.portfolios = [
      { id: 'launch', name: 'Launch', ownerAccountId: null, scope: { kind: 'projects', projectKeys } },
    ];
    const saved = await invokeAs(local, 'sim-admin', 'saveSettings', {
      baseVersion: settings.data.live.version,
      config,
      comment: 'A launch portfolio',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const viewed = await invokeAs(local, 'sim-admin', 'getPortfolioReport', {
      portfolioId: 'p:launch',
    });
    expect(viewed.ok && viewed.data.projects.map((project) => project.key)).toEqual(projectKeys);
    expect((await keysUnder(local.deps.store, 'pf:p:launch:')).length).toBeGreaterThan(0);
    const removed = await invokeAs(local, 'sim-admin', 'saveSettings', {
      baseVersion: saved.data.version,
      config: { ...config, portfolios: [] },
      comment: 'Launch done',
    });
    if (!removed.ok) throw new Error(removed.error.message);
    await local.drainJobs();
    expect(await keysUnder(local.deps.store, 'pf:p:launch:')).toEqual([]);
  });
});
