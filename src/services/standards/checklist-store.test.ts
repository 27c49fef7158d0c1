import { MemoryStore } from '../../storage/memory-store';
import { MAX_KEY_LENGTH, type Store, StoredDataError } from '../../storage/store';
import {
  type ChecklistEvent,
  checklistEventKey,
  legacyChecklistKey,
  loadAllTicks,
  MAX_APPEND_ATTEMPTS,
  readChecklist,
  recordChecklistEvent,
} from './checklist-store';

const event = (itemId: string, ticked: boolean, at: string, ruleId = 'execution-gate'): ChecklistEvent => ({
  ruleId,
  itemId,
  ticked,
  by: 'sim-team',
  byName: 'Tom Team',
  at,
});

describe('the checklist store', () => {
  it('reads checklists stored in the old one-document shape, and builds new events on top', async () => {
    const store = new MemoryStore();
    await store.set(legacyChecklistKey('10001'), {
      ticks: { 'execution-gate': { 'scope-agreed': { by: 'sim-pmo', at: '2026-10-01T00:00:00.000Z' } } },
      history: [
        {
          ruleId: 'execution-gate',
          itemId: 'scope-agreed',
          ticked: true,
          by: 'sim-pmo',
          at: '2026-10-01T00:00:00.000Z',
        },
      ],
    });
    await recordChecklistEvent(store, '10001', () =>
      event('estimate-reviewed', true, '2026-11-01T00:00:00.000Z'),
    );
    await recordChecklistEvent(store, '10001', () =>
      event('scope-agreed', false, '2026-11-02T00:00:00.000Z'),
    );

    const state = await readChecklist(store, '10001');
    expect(Object.keys(state.ticks['execution-gate'] ?? {})).toEqual(['estimate-reviewed']);
    expect(state.history.map((entry) => [entry.itemId, entry.ticked])).toEqual([
      ['scope-agreed', true],
      ['estimate-reviewed', true],
      ['scope-agreed', false],
    ]);
    // The old document is never rewritten; each change is its own record.
    expect((await store.get(legacyChecklistKey('10001'))) as { history: unknown[] }).toMatchObject({
      history: [{ itemId: 'scope-agreed' }],
    });
    expect(await store.get(checklistEventKey('10001', 2))).toMatchObject({
      itemId: 'scope-agreed',
      ticked: false,
    });
    // The one-scan reader of every issue folds the same way.
    expect((await loadAllTicks(store)).get('10001')).toEqual(state.ticks);
  });

  it('keeps issues apart whose ids share a prefix (10001 and 100011)', async () => {
    const store = new MemoryStore();
    await recordChecklistEvent(store, '10001', () => event('a', true, '2026-11-01T00:00:00.000Z'));
    await recordChecklistEvent(store, '100011', () => event('b', true, '2026-11-01T00:00:00.000Z'));
    expect(Object.keys((await readChecklist(store, '10001')).ticks['execution-gate'] ?? {})).toEqual(['a']);
    const all = await loadAllTicks(store);
    expect(Object.keys(all.get('100011')?.['execution-gate'] ?? {})).toEqual(['b']);
  });

  it('treats ids like constructor and __proto__ as plain ids', async () => {
    const store = new MemoryStore();
    await recordChecklistEvent(store, '1', () =>
      event('constructor', true, '2026-11-01T00:00:00.000Z', '__proto__'),
    );
    const state = await readChecklist(store, '1');
    expect(Object.hasOwn(state.ticks, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(state.ticks)).toBe(Object.prototype);
    expect((await readChecklist(store, '2')).ticks).toEqual({});
  });

  it('skips a damaged event record but never reuses its number', async () => {
    const store = new MemoryStore();
    await store.set(checklistEventKey('7', 1), { garbage: true });
    await recordChecklistEvent(store, '7', () => event('a', true, '2026-11-01T00:00:00.000Z'));
    expect(await store.get(checklistEventKey('7', 2))).toMatchObject({ itemId: 'a' });
    expect((await readChecklist(store, '7')).history).toHaveLength(1);
  });

  it('reports a damaged old checklist document instead of reading it as nothing ticked', async () => {
    const store = new MemoryStore();
    await store.set(legacyChecklistKey('5'), { ticks: 'garbage' });
    await expect(readChecklist(store, '5')).rejects.toBeInstanceOf(StoredDataError);
  });

  it('answers CONFLICT, recording nothing, when it cannot take a number after many tries', async () => {
    const memory = new MemoryStore();
    const alwaysTaken: Store = {
      get: (key) => memory.get(key),
      set: (key, value) => memory.set(key, value),
      delete: (key) => memory.delete(key),
      query: (prefix, options) => memory.query(prefix, options),
      setIfAbsent: async () => false,
    };
    let asked = 0;
    await expect(
      recordChecklistEvent(alwaysTaken, '9', () => {
        asked++;
        return event('a', true, '2026-11-01T00:00:00.000Z');
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(asked).toBe(MAX_APPEND_ATTEMPTS);
  });

  it('refuses an issue id that is not a Jira id (it would reach into other keys)', async () => {
    await expect(readChecklist(new MemoryStore(), '1:00000001')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('keeps event keys far below the storage key limit', () => {
    expect(checklistEventKey('9'.repeat(20), 99_999_999).length).toBeLessThan(MAX_KEY_LENGTH / 10);
  });
});
