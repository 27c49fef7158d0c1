import { MemoryStore } from '../../storage/memory-store';
import { baselineKey } from '../alerts/keys';
import type { AppDeps } from '../deps';
import { statusKeys } from '../status/status-store';
import { deletePortfolioData } from './delete-portfolio-data';

/** Deleting a portfolio is storage only. */
const depsWith = (store: MemoryStore) => ({ store }) as unknown as AppDeps;

describe('deleting a removed portfolio’s data', () => {
  it('deletes its snapshots, history, status updates and alert state, and nothing of another portfolio', async () => {
    const store = new MemoryStore();
    const recordsOf = (portfolioId: string) => [
      `pf:${portfolioId}:snapshot:current`,
      `pf:${portfolioId}:h:day:2026-12-01`,
      statusKeys.draft(portfolioId, 'ALPHA', '2026-11-30', 1),
      statusKeys.conflict(portfolioId, 'ALPHA', '2026-11-30', 1, 'user-1'),
      statusKeys.published(portfolioId, '2026-11-30', 'ALPHA', 1),
      statusKeys.projectIndex(portfolioId, 'ALPHA', '2026-11-30', 1),
      baselineKey(portfolioId),
    ];
    // "gone" and "gone-2": a portfolio id that starts with another's must keep its records.
    for (const key of [...recordsOf('gone'), ...recordsOf('gone-2')]) await store.set(key, { kept: key });

    await deletePortfolioData(depsWith(store), 'gone');

    for (const key of recordsOf('gone')) expect(await store.get(key)).toBeUndefined();
    for (const key of recordsOf('gone-2')) expect(await store.get(key)).toEqual({ kept: key });
  });
});
