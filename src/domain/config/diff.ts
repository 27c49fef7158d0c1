import { z } from 'zod';
import type { PmoConfig } from './schema';

/**
 * Readable differences between two configurations, for the audit log, the version view and the
 * import preview. Pure and generic over JSON values: the list is empty exactly when the two values
 * are deeply equal (object key order and absent vs undefined keys do not count).
 *
 * - Objects are compared key by key.
 * - Arrays whose items all carry a unique string `id` (standards, rules, stages, checklist items,
 *   portfolios) are matched by id: entries added, removed, changed field by field, or reordered.
 * - Other arrays (status names, project keys, link type mappings) are compared as lists: one change
 *   that names what was added and removed (or that only the order changed).
 */

/** One readable change between two configurations. */
export const ConfigChangeSchema = z.object({
  /** Where, with array entries named by id: `standards[risk-register].mode`. */
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  /** The old value, rendered compactly (truncated); null when it was absent. */
  before: z.string().nullable(),
  /** The new value, rendered compactly (truncated); null when it is absent now. */
  after: z.string().nullable(),
  /** A sentence a person can read: "Standard 'Risks are owned' mode: warn → enforce". */
  summary: z.string(),
});
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;

/** Longest rendering of a value in a change; longer ones end with "…". */
export const MAX_RENDERED_LENGTH = 200;

export function diffConfigs(before: PmoConfig, after: PmoConfig): ConfigChange[] {
  return diffValues(before, after);
}

export function diffValues(before: unknown, after: unknown): ConfigChange[] {
  const changes: ConfigChange[] = [];
  walk(before, after, { path: '', label: '', parentKey: undefined, isItem: false, ownerLabel: '' }, changes);
  return changes;
}

interface Where {
  path: string;
  label: string;
  /** The object key this value sits under (for arrays: the array's key). */
  parentKey: string | undefined;
  /** An entry of an id-matched array or of a record (its addition reads "… added"). */
  isItem: boolean;
  /** The label of the object that holds this value (names the entries of an array under it). */
  ownerLabel: string;
}

function walk(a: unknown, b: unknown, where: Where, out: ConfigChange[]): void {
  if (deepEqual(a, b)) return;
  if (a === undefined) {
    const after = render(b);
    out.push({
      path: where.path || '(root)',
      kind: 'added',
      before: null,
      after,
      summary: where.isItem ? `${labelOf(where)} added` : `${labelOf(where)} set: ${after}`,
    });
    return;
  }
  if (b === undefined) {
    const before = render(a);
    out.push({
      path: where.path || '(root)',
      kind: 'removed',
      before,
      after: null,
      summary: where.isItem ? `${labelOf(where)} removed` : `${labelOf(where)} cleared (was ${before})`,
    });
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !(key in a))];
    const isRecord = where.parentKey !== undefined && RECORD_KEYS.has(where.parentKey) && !where.isItem;
    for (const key of keys) {
      walk(a[key], b[key], childOfObject(where, key, isRecord), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (hasUniqueIds(a) && hasUniqueIds(b)) diffById(a, b, where, out);
    else diffAsList(a, b, where, out);
    return;
  }
  const before = render(a);
  const after = render(b);
  out.push({
    path: where.path || '(root)',
    kind: 'changed',
    before,
    after,
    summary: `${labelOf(where)}: ${before} → ${after}`,
  });
}

type WithId = Record<string, unknown> & { id: string };

function diffById(a: WithId[], b: WithId[], where: Where, out: ConfigChange[]): void {
  const beforeById = new Map(a.map((item) => [item.id, item]));
  const afterById = new Map(b.map((item) => [item.id, item]));
  for (const item of a) {
    if (!afterById.has(item.id)) walk(item, undefined, childOfArray(where, item), out);
  }
  for (const item of b) {
    const previous = beforeById.get(item.id);
    walk(previous, item, childOfArray(where, item, previous), out);
  }
  const commonBefore = a.filter((item) => afterById.has(item.id)).map((item) => item.id);
  const commonAfter = b.filter((item) => beforeById.has(item.id)).map((item) => item.id);
  if (commonBefore.join('\u0000') !== commonAfter.join('\u0000')) {
    out.push({
      path: where.path || '(root)',
      kind: 'changed',
      before: truncate(commonBefore.join(', ')),
      after: truncate(commonAfter.join(', ')),
      summary: `${labelOf(where)}: order changed`,
    });
  }
}

function diffAsList(a: unknown[], b: unknown[], where: Where, out: ConfigChange[]): void {
  const counts = new Map<string, number>();
  for (const item of a) counts.set(canonical(item), (counts.get(canonical(item)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const item of b) {
    const key = canonical(item);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else added.push(item);
  }
  const removed: unknown[] = [];
  const remaining = new Map(counts);
  for (const item of a) {
    const key = canonical(item);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      removed.push(item);
      remaining.set(key, left - 1);
    }
  }
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${added.map(renderItem).join(', ')}`);
  if (removed.length > 0) parts.push(`removed ${removed.map(renderItem).join(', ')}`);
  if (parts.length === 0) parts.push('order changed');
  out.push({
    path: where.path || '(root)',
    kind: 'changed',
    before: render(a),
    after: render(b),
    summary: truncate(`${labelOf(where)}: ${parts.join('; ')}`, MAX_RENDERED_LENGTH * 2),
  });
}

// ---- labels -------------------------------------------------------------------------------------

/** Keys whose object value is a record keyed by data (project keys, field roles). */
const RECORD_KEYS = new Set(['overrides', 'fieldMapping']);

/** How entries of id-matched arrays read, by the array's key. */
const ITEM_NOUNS: Record<string, string> = {
  standards: 'Standard',
  portfolios: 'Portfolio',
  stages: 'stage',
  rules: 'rule',
  items: 'checklist item',
};

/** Readable words for known keys; other keys are split from camelCase. */
const KEY_WORDS: Record<string, string> = {
  engine: '',
  lifecycle: 'Lifecycle',
  access: 'Access',
  history: 'History',
  timeZone: 'Time zone',
  retentionDays: 'Kept for (days)',
  pmoGroupName: 'PMO group',
  fieldMapping: 'Field mapping',
  blockingLinks: 'Link types that mean "blocks"',
  raidTypes: 'RAID issue types',
  health: 'Health threshold',
  staleDays: 'Stale after (days)',
  riskMatrix: 'Risk matrix',
  riskFallback: 'Risk fallback',
  riskRoamFieldId: 'ROAM field',
  riskOwnerFieldId: 'Risk owner field',
  schemaVersion: 'Schema version',
  projectKeys: 'projects',
  categoryIds: 'categories',
  categoryId: 'category',
  issueTypes: 'issue types',
  statusCategories: 'status categories',
  fromStage: 'from stage',
  onError: 'on error',
  ownerAccountId: 'owner',
  expiresAt: 'expires',
  rag: 'RAG',
  jql: 'JQL',
  complianceHealth: 'Compliance in health',
};

function childOfObject(where: Where, key: string, isRecord: boolean): Where {
  if (isRecord) {
    const label =
      where.parentKey === 'overrides' ? `RAG override for ${key}` : `${labelOf(where)} '${key}'`.trim();
    return { path: joinPath(where.path, key), label, parentKey: key, isItem: true, ownerLabel: where.label };
  }
  const words = key in KEY_WORDS ? (KEY_WORDS[key] ?? '') : camelToWords(key);
  return {
    path: joinPath(where.path, key),
    label: [where.label, words].filter((part) => part !== '').join(' '),
    parentKey: key,
    isItem: false,
    ownerLabel: where.label,
  };
}

function childOfArray(where: Where, item: WithId, previous?: WithId): Where {
  const noun = (where.parentKey && ITEM_NOUNS[where.parentKey]) ?? 'entry';
  const name = displayName(item) ?? (previous ? displayName(previous) : undefined) ?? item.id;
  const own = `${noun} '${name}'`;
  return {
    path: `${where.path}[${item.id}]`,
    label: `${where.ownerLabel} ${own}`.trim(),
    parentKey: where.parentKey,
    isItem: true,
    ownerLabel: where.ownerLabel,
  };
}

function displayName(item: Record<string, unknown>): string | undefined {
  return typeof item.name === 'string' && item.name !== '' ? item.name : undefined;
}

function labelOf(where: Where): string {
  if (where.label === '') return where.path === '' ? 'Configuration' : where.path;
  return where.label.charAt(0).toUpperCase() + where.label.slice(1);
}

function joinPath(path: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? segment : `${path}.${segment}`;
}

function camelToWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

// ---- values -------------------------------------------------------------------------------------

/** A compact rendering: strings as they are, other values as JSON; truncated. */
export function render(value: unknown): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return value === '' ? '""' : truncate(value);
  return truncate(JSON.stringify(value) ?? String(value));
}

function renderItem(value: unknown): string {
  if (isPlainObject(value)) {
    // Link type mappings and field references read better by their names.
    if (typeof value.type === 'string' && typeof value.blockerDirection === 'string') {
      return `${value.type} (${value.blockerDirection})`;
    }
    if (typeof value.name === 'string') return value.name;
    if (typeof value.role === 'string') return value.role;
  }
  return render(value);
}

function truncate(text: string, max = MAX_RENDERED_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasUniqueIds(items: unknown[]): items is WithId[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isPlainObject(item) || typeof item.id !== 'string' || seen.has(item.id)) return false;
    seen.add(item.id);
  }
  return true;
}

/** JSON with object keys sorted and undefined properties left out: equal values, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null)).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deep equality of JSON values: key order and undefined properties do not count. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}
