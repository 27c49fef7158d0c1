import fc from 'fast-check';
import { wireSimulator } from '../../../dev/host/wiring';
import type { JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { directPortfolioReport } from '../../../test/support/direct-report';
import { portfolioReportAs } from '../../../test/support/local-resolvers';
import { setUpServiceSimulator } from '../../../test/support/service-sim';
import { readBlob } from '../../storage/blob';
import { MemoryStore } from '../../storage/memory-store';
import { snapshotKeys } from './keys';
import { CurrentSnapshotSchema, type SnapshotData, SnapshotDataSchema } from './records';
import { startRefresh } from './start-refresh';

const NOW = new Date('2026-03-02T10:00:00.000Z');

// Each test reads a whole simulated site over HTTP, several times.
jest.setTimeout(60_000);

function appOn(sim: JiraSim, store = new MemoryStore()): LocalApp {
  return wireSimulator(sim.url, { store, now: () => NOW }).localApp;
}

async function refresh(local: LocalApp, options: { full?: boolean } = {}): Promise<number> {
  const { seq } = await startRefresh(local.deps, local.deps.queue, 'all', 'user', options);
  await local.drainJobs();
  return seq;
}

async function snapshotOf(local: LocalApp, portfolioId = 'all'): Promise<SnapshotData> {
  const keys = snapshotKeys(portfolioId);
  const current = CurrentSnapshotSchema.parse(await local.deps.store.get(keys.current));
  const data = await readBlob(local.deps.store, keys.snapshot(current.seq), SnapshotDataSchema);
  if (!data) throw new Error('no snapshot');
  return data;
}

/** The content of a snapshot that must not depend on how it was read. */
function content(snapshot: SnapshotData) {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  return {
    issues: sorted(snapshot.chunk.issues),
    linked: sorted(snapshot.chunk.linked),
    facts: sorted(snapshot.facts),
    compliance: snapshot.compliance,
    stale: snapshot.stale,
  };
}

describe('portfolio snapshots', () => {
  // Compliance refreshes on issue events log what they could not read; not this test's subject.
  const simulator = setUpServiceSimulator(
    { seed: 11, projects: 5, issuesPerProject: 30, now: NOW },
    { silence: ['warn'] },
  );

  it('gives the same figures as reading the portfolio directly, and page views read no issue', async () => {
    const local = appOn(simulator.sim);
    simulator.sim.resetStats();
    const viewed = await portfolioReportAs(local, 'sim-admin');
    // The same portfolio read the way the app read it on every view before snapshots existed.
    const direct = await directPortfolioReport(local, NOW);
    expect(viewed.projects.map((project) => [project.key, project.kpis, project.health.rag])).toEqual(
      direct.report.projects.map((project) => [project.key, project.kpis, project.health.rag]),
    );
    expect(viewed.dependencies).toEqual(direct.report.dependencies);
    // Page views add the owners' names (#14.3); the direct read carries ids only.
    expect(viewed.risks.map(({ ownerName: _name, ...risk }) => risk)).toEqual(direct.report.risks);
    expect(viewed.risks.every((risk) => risk.owner === null || typeof risk.ownerName === 'string')).toBe(
      true,
    );
    expect(viewed.compliance?.totals).toEqual(direct.report.compliance?.totals);
    expect(viewed.compliance?.projects).toEqual(direct.report.compliance?.projects);
    expect(viewed.meta.snapshot?.run?.status).toBe('done');

    simulator.sim.resetStats();
    for (let view = 0; view < 3; view++) await portfolioReportAs(local, 'sim-admin');
    expect(simulator.sim.stats().byRoute['POST /rest/api/3/search/jql']).toBeUndefined();
    expect(simulator.sim.stats().byRoute['GET /rest/api/3/search/jql']).toBeUndefined();
  });

  it('an incremental refresh after any edits, creates, deletes, moves and link changes equals a full read', async () => {
    const local = appOn(simulator.sim);
    await refresh(local, { full: true });
    const projectKeys = simulator.sim.dataset.projects.map((project) => project.key);
    const keyOf = (index: number) => {
      const issues = simulator.sim.dataset.issues;
      return (issues[index % issues.length] as (typeof issues)[number]).key;
    };
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        issue: fc.nat(),
        due: fc.boolean(),
        done: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('create' as const), project: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), issue: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), issue: fc.nat(), project: fc.nat() }),
      fc.record({ kind: fc.constant('link' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('unlink' as const), issue: fc.nat() }),
    );
    const event = (eventType: string, issue: { id: number; key: string }) =>
      local.app.issueTrigger({ eventType, issue: { id: String(issue.id), key: issue.key } });
    const doneStatus = simulator.sim.dataset.statuses.find((status) => status.category === 'done');
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        for (const step of changes) {
          if (step.kind === 'edit') {
            const edited = simulator.sim.mutate.editIssue(keyOf(step.issue), {
              duedate: step.due ? '2026-02-01' : null,
              ...(step.done && doneStatus ? { statusId: doneStatus.id } : {}),
            });
            await event('avi:jira:updated:issue', edited);
          } else if (step.kind === 'create') {
            const created = simulator.sim.mutate.createIssue(
              projectKeys[step.project % projectKeys.length] as string,
            );
            await event('avi:jira:created:issue', created);
          } else if (step.kind === 'delete') {
            const gone = simulator.sim.mutate.deleteIssue(keyOf(step.issue));
            await event('avi:jira:deleted:issue', gone);
          } else if (step.kind === 'move') {
            const moved = simulator.sim.mutate.moveIssue(
              keyOf(step.issue),
              projectKeys[step.project % projectKeys.length] as string,
            );
            await event('avi:jira:updated:issue', moved);
          } else if (step.kind === 'link') {
            const from = keyOf(step.from);
            const to = keyOf(step.to);
            if (from === to) continue;
            const link = simulator.sim.mutate.linkIssues(from, to);
            await local.app.issueTrigger({
              eventType: 'avi:jira:created:issuelink',
              issueLink: { sourceIssueId: link.from, destinationIssueId: link.to },
            });
          } else {
            const link =
              simulator.sim.dataset.links[step.issue % Math.max(1, simulator.sim.dataset.links.length)];
            if (!link) continue;
            const from = simulator.sim.dataset.issues.find((issue) => issue.id === link.from);
            const to = simulator.sim.dataset.issues.find((issue) => issue.id === link.to);
            if (!from || !to) continue;
            simulator.sim.mutate.unlinkIssues(from.key, to.key);
            await local.app.issueTrigger({
              eventType: 'avi:jira:deleted:issuelink',
              issueLink: { sourceIssueId: link.from, destinationIssueId: link.to },
            });
          }
        }
        await refresh(local);
        const incremental = await snapshotOf(local);
        expect(incremental.seq).toBeGreaterThan(1);
        const fresh = appOn(simulator.sim);
        await refresh(fresh, { full: true });
        expect(content(incremental)).toEqual(content(await snapshotOf(fresh)));
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
