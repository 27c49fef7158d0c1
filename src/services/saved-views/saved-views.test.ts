import { MAX_SAVED_VIEWS } from '../../domain/saved-views/saved-view';
import { MemoryStore } from '../../storage/memory-store';
import type { Actor, AppDeps } from '../deps';
import { deleteSavedView } from './delete-saved-view';
import { listSavedViews } from './list-saved-views';
import { renameSavedView } from './rename-saved-view';
import { saveView } from './save-view';

const alice: Actor = { accountId: 'acc-alice', installation: 'site-1' };
const bob: Actor = { accountId: '557058:bob', installation: 'site-1' };

function deps(): AppDeps {
  return { store: new MemoryStore(), now: () => new Date('2026-12-05T10:00:00Z') } as unknown as AppDeps;
}

describe('saved views', () => {
  it('lists, renames and deletes a person’s own views, and nobody else’s', async () => {
    const app = deps();
    const late = await saveView(app, alice, { route: 'dependencies', name: 'Late links', query: '?late=1' });
    await saveView(app, alice, { route: 'raid', name: 'Top risks', query: '?sort=score&order=desc' });
    expect((await listSavedViews(app, alice)).views.map((v) => [v.route, v.name, v.query])).toEqual([
      ['dependencies', 'Late links', '?late=1'],
      ['raid', 'Top risks', '?sort=score&order=desc'],
    ]);
    expect((await listSavedViews(app, bob)).views).toEqual([]);
    await expect(renameSavedView(app, bob, { id: late.id, name: 'Mine now' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(deleteSavedView(app, bob, late.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const renamed = await renameSavedView(app, alice, { id: late.id, name: 'Late, all projects' });
    expect(renamed).toMatchObject({ id: late.id, name: 'Late, all projects', query: '?late=1' });
    await deleteSavedView(app, alice, late.id);
    expect((await listSavedViews(app, alice)).views.map((v) => v.name)).toEqual(['Top risks']);
  });

  it('refuses a second view of the same name (any case) and more than the limit, with typed errors', async () => {
    const app = deps();
    const first = await saveView(app, alice, { route: 'overview', name: 'Red', query: '' });
    await expect(saveView(app, alice, { route: 'gates', name: 'red', query: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'duplicate-name' },
    });
    const other = await saveView(app, alice, { route: 'overview', name: 'Green', query: '' });
    await expect(renameSavedView(app, alice, { id: other.id, name: 'RED' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Renaming a view to its own name in another case is fine.
    await expect(renameSavedView(app, alice, { id: first.id, name: 'RED' })).resolves.toMatchObject({
      name: 'RED',
    });
    for (let i = 2; i < MAX_SAVED_VIEWS; i++)
      await saveView(app, alice, { route: 'raid', name: `v${i}`, query: '' });
    await expect(saveView(app, alice, { route: 'raid', name: 'one more', query: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'limit', limit: MAX_SAVED_VIEWS },
    });
    // Another person has their own allowance.
    await expect(saveView(app, bob, { route: 'raid', name: 'one more', query: '' })).resolves.toBeDefined();
  });
});
