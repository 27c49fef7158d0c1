import { addDays } from '../src/domain/history/calendar';
import { dayRecordOf } from '../src/domain/history/day-record';
import { computePortfolio } from '../src/domain/portfolio';
import { generatePortfolio } from '../src/domain/portfolio/test-data';
import { defaultEngineSettings } from '../src/domain/settings';
import type { AppDeps } from '../src/services/deps';
import { exportPortfolioHistory } from '../src/services/history/export-portfolio-history';
import { getPortfolioChanges } from '../src/services/history/get-portfolio-changes';
import { getPortfolioHistory } from '../src/services/history/get-portfolio-history';
import { storeDay } from '../src/services/history/history-store';
import { createConsoleLogger } from '../src/services/logger';
import { viewerProjectsKey } from '../src/services/snapshots/keys';
import { MemoryStore } from '../src/storage/memory-store';

async function main() {
  const NOW = new Date('2026-12-05T12:00:00.000Z');
  const portfolio = generatePortfolio({ projects: 100, issues: 10000, seed: 7, now: NOW });
  const report = computePortfolio({
    projects: portfolio.projects,
    issues: portfolio.issues,
    settings: defaultEngineSettings,
    now: NOW,
  });
  const store = new MemoryStore();
  const rags = ['green', 'amber', 'red'] as const;
  for (let back = 130; back >= 0; back--) {
    const day = addDays('2026-12-05', -back);
    const shifted = {
      ...report,
      projects: report.projects.map((project, index) => {
        const rag = rags[(index + Math.floor(back / 7)) % 3] ?? 'green';
        return { ...project, health: { ...project.health, rag, computedRag: rag } };
      }),
    };
    await storeDay(
      store,
      'all',
      dayRecordOf({
        day,
        asOf: `${day}T10:00:00.000Z`,
        settingsVersion: 1,
        reconstructed: false,
        report: shifted,
        compliance: null,
        secured: () => false,
      }),
      1100,
    );
  }
  await store.set(viewerProjectsKey('viewer'), {
    at: NOW.getTime(),
    keys: portfolio.projects.map((p) => p.key),
  });
  await store.set('site:time-zone', { at: NOW.getTime(), timeZone: 'UTC' });
  const deps = {
    store,
    now: () => NOW,
    jira: {
      asApp: () => {
        throw new Error('x');
      },
      asUser: () => {
        throw new Error('x');
      },
    },
    jiraConcurrency: 1,
    logger: createConsoleLogger({ minLevel: 'warn' }),
    queue: { push: async () => {} },
  } as unknown as AppDeps;
  const actor = { accountId: 'viewer', installation: 'bench' };
  for (let i = 0; i < 4; i++) {
    let t = performance.now();
    await exportPortfolioHistory(deps, actor, {
      portfolioId: 'all',
      from: addDays('2026-12-05', -91),
      to: '2026-12-05',
    });
    console.log('export', performance.now() - t);
    t = performance.now();
    await getPortfolioChanges(deps, actor, { portfolioId: 'all', since: addDays('2026-12-05', -30) });
    console.log('changes', performance.now() - t);
    t = performance.now();
    await getPortfolioHistory(deps, actor, { portfolioId: 'all', days: 130 });
    console.log('history130', performance.now() - t);
  }
}
void main();
