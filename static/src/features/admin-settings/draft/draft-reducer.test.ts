import { defaultPmoConfig, type PmoConfig } from '@domain/config/schema';
import {
  changedParts,
  draftReducer,
  initialDraftState,
  isDirty,
  mergeDraft,
  overlappingParts,
} from './draft-reducer';
import { deepEqual } from './equal';

const base = { version: 3, config: defaultPmoConfig };

function withMode(config: PmoConfig, mode: 'enforce' | 'warn' | 'off'): PmoConfig {
  return { ...config, standards: config.standards.map((s, i) => (i === 0 ? { ...s, mode } : s)) };
}

function withStaleDays(config: PmoConfig, staleDays: number): PmoConfig {
  return { ...config, engine: { ...config.engine, staleDays } };
}

describe('deepEqual', () => {
  it('ignores key order and undefined keys', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('draftReducer', () => {
  it('starts clean, becomes dirty on an edit and clean again when the edit is undone', () => {
    let state = initialDraftState(base);
    expect(isDirty(state)).toBe(false);
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'enforce') });
    expect(isDirty(state)).toBe(true);
    expect(state.draft.standards[0]?.mode).toBe('enforce');
    expect(state.base.config.standards[0]?.mode).toBe('warn');
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'warn') });
    expect(isDirty(state)).toBe(false);
  });

  it('keeps the same state object when a recipe changes nothing', () => {
    const state = initialDraftState(base);
    expect(draftReducer(state, { type: 'update', recipe: (draft) => draft })).toBe(state);
  });

  it('discard drops the edits and the conflict', () => {
    let state = initialDraftState(base);
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'off') });
    state = draftReducer(state, { type: 'conflict', conflict: { liveVersion: 4, message: 'stale' } });
    state = draftReducer(state, { type: 'discard' });
    expect(isDirty(state)).toBe(false);
    expect(state.conflict).toBeNull();
  });

  it('a conflict keeps the draft as it is', () => {
    let state = initialDraftState(base);
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'enforce') });
    const draft = state.draft;
    state = draftReducer(state, { type: 'conflict', conflict: { liveVersion: 4, message: 'stale' } });
    expect(state.draft).toBe(draft);
    expect(state.conflict).toEqual({ liveVersion: 4, message: 'stale' });
    expect(state.base.version).toBe(3);
  });

  it('published makes the draft the new base', () => {
    let state = initialDraftState(base);
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'enforce') });
    state = draftReducer(state, { type: 'published', base: { version: 4, config: state.draft } });
    expect(isDirty(state)).toBe(false);
    expect(state.base.version).toBe(4);
  });

  it('rebase keeps what the admin changed and takes everything else from the new live version', () => {
    let state = initialDraftState(base);
    state = draftReducer(state, { type: 'update', recipe: (draft) => withMode(draft, 'enforce') });
    const live = withStaleDays(base.config, 30);
    state = draftReducer(state, { type: 'conflict', conflict: { liveVersion: 4, message: 'stale' } });
    state = draftReducer(state, { type: 'rebase', base: { version: 4, config: live } });
    expect(state.base.version).toBe(4);
    expect(state.conflict).toBeNull();
    expect(state.draft.standards[0]?.mode).toBe('enforce');
    expect(state.draft.engine.staleDays).toBe(30);
    expect(changedParts(live, state.draft)).toEqual([['standards']]);
  });
});

describe('mergeDraft and overlappingParts', () => {
  it('merges engine settings one by one', () => {
    const mine = { ...base.config, engine: { ...base.config.engine, riskMatrix: { high: 20, medium: 10 } } };
    const theirs = withStaleDays(base.config, 7);
    const merged = mergeDraft(base.config, mine, theirs);
    expect(merged.engine.riskMatrix).toEqual({ high: 20, medium: 10 });
    expect(merged.engine.staleDays).toBe(7);
    expect(overlappingParts(base.config, mine, theirs)).toEqual([]);
  });

  it('names the parts both changed', () => {
    const mine = withMode(base.config, 'enforce');
    const theirs = withMode(withStaleDays(base.config, 7), 'off');
    expect(overlappingParts(base.config, mine, theirs)).toEqual([['standards']]);
    expect(mergeDraft(base.config, mine, theirs).standards[0]?.mode).toBe('enforce');
  });
});
