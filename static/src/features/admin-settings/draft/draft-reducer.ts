import type { PmoConfig } from '@domain/config/schema';
import { deepEqual } from './equal';

/**
 * The settings editor's state: the live configuration the draft was based on, the draft the admin
 * edits, and a conflict when a publish found that someone else published first. Pure: the page
 * keeps it in `useReducer`, the tests drive it directly.
 */

export interface BaseConfig {
  /** The live version the draft is based on; saves carry it so that a stale save is refused. */
  version: number;
  config: PmoConfig;
}

export interface Conflict {
  /** The version that is live now, when the server said so. */
  liveVersion: number | null;
  message: string;
}

export interface DraftState {
  base: BaseConfig;
  draft: PmoConfig;
  conflict: Conflict | null;
}

export type DraftAction =
  /** The live configuration was (re)loaded: the draft starts over from it. */
  | { type: 'load'; base: BaseConfig }
  /** An edit of the draft. The recipe gets the current draft and answers the next one. */
  | { type: 'update'; recipe: (draft: PmoConfig) => PmoConfig }
  /** Drop every unsaved change. */
  | { type: 'discard' }
  /** The draft was published as `base.version`: it is live now. */
  | { type: 'published'; base: BaseConfig }
  /** A publish was refused because another version went live first. The draft stays. */
  | { type: 'conflict'; conflict: Conflict }
  /**
   * A newer live version is known (someone published, an override or a restore was saved): the
   * draft moves onto it, keeping the admin's edits of every part they changed and taking the live
   * value of every part they did not change.
   */
  | { type: 'rebase'; base: BaseConfig };

export function initialDraftState(base: BaseConfig): DraftState {
  return { base, draft: base.config, conflict: null };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'load':
    case 'published':
      return initialDraftState(action.base);
    case 'update': {
      const draft = action.recipe(state.draft);
      return draft === state.draft ? state : { ...state, draft };
    }
    case 'discard':
      return { ...state, draft: state.base.config, conflict: null };
    case 'conflict':
      return { ...state, conflict: action.conflict };
    case 'rebase':
      return {
        base: action.base,
        draft: mergeDraft(state.base.config, state.draft, action.base.config),
        conflict: null,
      };
  }
}

/**
 * The parts of a configuration that merge independently: each top-level key, except `engine`,
 * whose settings (thresholds, risk matrix, link mapping, ...) belong to different sections.
 */
export type ConfigPart = readonly [string] | readonly ['engine', string];

export function configParts(...configs: PmoConfig[]): ConfigPart[] {
  const top = new Set<string>();
  const engine = new Set<string>();
  for (const config of configs) {
    for (const key of Object.keys(config)) top.add(key);
    for (const key of Object.keys(config.engine ?? {})) engine.add(key);
  }
  const parts: ConfigPart[] = [];
  for (const key of top) {
    if (key === 'engine') for (const sub of engine) parts.push(['engine', sub]);
    else parts.push([key]);
  }
  return parts;
}

export function readPart(config: PmoConfig, part: ConfigPart): unknown {
  const record = config as unknown as Record<string, unknown>;
  if (part.length === 1) return record[part[0]];
  const engine = record.engine as Record<string, unknown> | undefined;
  return engine?.[part[1]];
}

function writePart(config: PmoConfig, part: ConfigPart, value: unknown): PmoConfig {
  if (part.length === 1) return { ...config, [part[0]]: value } as PmoConfig;
  return { ...config, engine: { ...config.engine, [part[1]]: value } } as PmoConfig;
}

/** A three-way merge per part: parts the admin changed (draft differs from base) keep the draft's value. */
export function mergeDraft(base: PmoConfig, draft: PmoConfig, live: PmoConfig): PmoConfig {
  let merged = live;
  for (const part of configParts(base, draft, live)) {
    const mine = readPart(draft, part);
    if (!deepEqual(mine, readPart(base, part))) merged = writePart(merged, part, mine);
  }
  return merged;
}

/** The parts where `a` and `b` differ. */
export function changedParts(a: PmoConfig, b: PmoConfig): ConfigPart[] {
  return configParts(a, b).filter((part) => !deepEqual(readPart(a, part), readPart(b, part)));
}

export function isDirty(state: DraftState): boolean {
  return !deepEqual(state.draft, state.base.config);
}

/** Parts that both the admin (draft vs base) and someone else (live vs base) changed. */
export function overlappingParts(base: PmoConfig, draft: PmoConfig, live: PmoConfig): ConfigPart[] {
  const mine = new Set(changedParts(base, draft).map((part) => part.join('.')));
  return changedParts(base, live).filter((part) => mine.has(part.join('.')));
}
