import { wireSimulator } from '../../../dev/host/wiring';
import { dataAs, portfolioReportAs } from '../../../test/support/local-resolvers';
import { setUpServiceSimulator } from '../../../test/support/service-sim';
import { addDays } from '../../domain/history/calendar';
import type { PortfolioReport } from '../../domain/portfolio';
import { MemoryStore } from '../../storage/memory-store';
import { startRefresh } from '../snapshots/start-refresh';

// Reads a simulated site over HTTP several times.
jest.setTimeout(60_000);

const START = new Date('2026-03-02T10:00:00.000Z');
const DAY_MS = 86_400_000;

const indicatorOf = (report: PortfolioReport, projectKey: string, name: 'variance' | 'scope') =>
  report.projects
    .find((project) => project.key === projectKey)
    ?.health.indicators.find((indicator) => indicator.name === name);

describe('schedule variance and scope change against the newest baseline', () => {
  const simulator = setUpServiceSimulator(
    { seed: 15, projects: 3, issuesPerProject: 30, now: START },
    { silence: ['warn'] },
  );

  it('has no effect before a baseline, replaces a same-day baseline, and measures slip, deletions and added work', async () => {
    let now = START;
    const { localApp: local } = wireSimulator(simulator.sim.url, {
      store: new MemoryStore(),
      now: () => now,
    });
    const before = await portfolioReportAs(local, 'sim-admin');
    const projectKey = before.projects[0]?.key as string;
    expect(indicatorOf(before, projectKey, 'variance')).toEqual({
      name: 'variance',
      value: null,
      rag: 'none',
      reason: 'No baseline yet — set one on the Trends page.',
    });
    expect(indicatorOf(before, projectKey, 'scope')?.rag).toBe('none');

    // Two baselines the same day: the later replaces the earlier, both stay in the capture log.
    await dataAs(local, 'sim-admin', 'setBaseline', { portfolioId: 'all', projectKey, note: 'First plan' });
    now = new Date(START.getTime() + 60_000);
    await dataAs(local, 'sim-admin', 'setBaseline', { portfolioId: 'all', projectKey, note: 'Re-plan' });
    const listed = await dataAs(local, 'sim-pmo', 'listBaselines', {
      portfolioId: 'all',
      projectKey,
    });
    expect(listed.baselines.map((baseline) => baseline.note)).toEqual(['Re-plan']);
    expect(listed.captures).toBe(2);
    expect((await local.deps.store.query(`pf:all:baseline-log:${projectKey}:`)).results).toHaveLength(2);
    const baseline = listed.baselines[0];
    if (!baseline?.forecastFinish) throw new Error('the baseline has no finish');
    // The simulator's site has a start date field: the baseline keeps it.
    expect(baseline.startDateSource).toBe('field');
    expect(baseline.against).toMatchObject({ scheduleDays: 0, scopePercent: 0 });

    const baselined = await portfolioReportAs(local, 'sim-admin');
    expect(indicatorOf(baselined, projectKey, 'variance')).toMatchObject({ value: 0, rag: 'green' });
    expect(indicatorOf(baselined, projectKey, 'scope')).toMatchObject({ value: 0, rag: 'green' });

    // The latest open work slips 20 days, a planned issue is deleted and two issues are added.
    const projectIssues = simulator.sim.dataset.issues.filter(
      (issue) => simulator.sim.dataset.projects[issue.projectIdx]?.key === projectKey,
    );
    const latest = projectIssues
      .filter((issue) => issue.resolved === null && issue.duedate === baseline.forecastFinish)
      .find((issue) => issue.securityLevelId === null);
    const deleted = Object.keys(baseline.dueDates).find((key) => key !== latest?.key);
    if (!latest?.duedate || !deleted) throw new Error('no open issue due last, or no second planned issue');
    const deletedPoints = projectIssues.find((issue) => issue.key === deleted)?.storyPoints ?? 0;
    simulator.sim.mutate.editIssue(latest.key, { duedate: addDays(latest.duedate, 20) });
    simulator.sim.mutate.deleteIssue(deleted);
    const added = [
      simulator.sim.mutate.createIssue(projectKey, { summary: 'Added after the baseline' }),
      simulator.sim.mutate.createIssue(projectKey, { summary: 'Also added' }),
    ];
    const addedPoints = added.reduce((sum, issue) => sum + (issue.storyPoints ?? 0), 0);
    now = new Date(START.getTime() + DAY_MS);
    // A full read (no issue events reach the app here) sees the deletion.
    await startRefresh(local.deps, local.deps.queue, 'all', 'user', { full: true });
    await local.drainJobs();

    // Hand-checked: points when the baseline had any, else issues.
    const points = baseline.scope.storyPoints > 0;
    const [was, is] = points
      ? [baseline.scope.storyPoints, baseline.scope.storyPoints - deletedPoints + addedPoints]
      : [baseline.scope.issues, baseline.scope.issues - 1 + 2];
    const scopePercent = Math.round(((is - was) / was) * 1000) / 10;
    const after = await portfolioReportAs(local, 'sim-admin');
    expect(indicatorOf(after, projectKey, 'variance')).toMatchObject({ value: 20, rag: 'red' });
    expect(indicatorOf(after, projectKey, 'scope')?.value).toBe(scopePercent);

    const measured = await dataAs(local, 'sim-pmo', 'listBaselines', {
      portfolioId: 'all',
      projectKey,
    });
    expect(measured.variance).toMatchObject({
      scheduleDays: 20,
      scopePercent,
      scopeUnit: points ? 'points' : 'issues',
      forecastFinish: addDays(baseline.forecastFinish, 20),
    });
    expect(measured.variance?.issues.find((issue) => issue.key === deleted)).toMatchObject({ gone: true });
    expect(measured.baselines[0]?.against).toMatchObject({ scheduleDays: 20, scopePercent });
    // The day recorded by the refresh carries the new indicators; the chart's series reads them back.
    expect(measured.series.at(-1)).toMatchObject({
      day: '2026-03-03',
      baselineFinish: baseline.forecastFinish,
      forecastFinish: addDays(baseline.forecastFinish, 20),
      scheduleDays: 20,
    });
    const history = await dataAs(local, 'sim-pmo', 'getProjectHistory', {
      portfolioId: 'all',
      projectKey,
      days: 7,
    });
    expect(history.days.at(-1)?.indicators.find((indicator) => indicator.name === 'variance')).toMatchObject({
      value: 20,
      rag: 'red',
    });
  });
});
