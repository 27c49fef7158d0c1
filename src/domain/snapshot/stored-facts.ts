import { z } from 'zod';
import { IssueLinkSchema, StatusRefSchema } from '../model';
import type { IssueFacts, Ticks } from '../standards/evaluation';
import { adfText, MAX_PATTERN_INPUT } from '../standards/values';

/**
 * What a snapshot keeps of each issue so the PMO standards can be evaluated again at assembly,
 * with the configuration and checklist ticks of that moment, without reading Jira again. Field
 * values are compacted to what the standards engine reads of them (`values.ts`): option values,
 * names, keys and ids, and rich text as plain text; avatars and self links are dropped.
 */
export const StoredFactsSchema = z.object({
  /** Issue id: ticks are stored per id, and a moved issue keeps its id under a new key. */
  id: z.string(),
  projectKey: z.string(),
  categoryId: z.string().nullable(),
  issueType: z.string(),
  status: StatusRefSchema,
  fields: z.record(z.string(), z.unknown()),
  links: z.array(IssueLinkSchema),
  /** Null for issues with an issue security level: their text never goes into a snapshot. */
  summary: z.string().nullable(),
  restricted: z.boolean(),
  /** Jira's `updated`, epoch ms: when an issue was read twice, the newer reading wins. */
  updated: z.number().nullable(),
});
export type StoredFacts = z.infer<typeof StoredFactsSchema>;

export const StoredFactsMapSchema = z.record(z.string(), StoredFactsSchema);
export type StoredFactsMap = z.infer<typeof StoredFactsMapSchema>;

const KEPT_PROPERTIES = ['value', 'name', 'displayName', 'accountId', 'key', 'id'] as const;

/** A raw Jira field value reduced to what the standards engine reads of it. */
export function compactFieldValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return null;
  if (Array.isArray(value)) return value.map((item) => compactFieldValue(item, depth + 1));
  const record = value as Record<string, unknown>;
  if (record.type === 'doc') return adfText(record).slice(0, MAX_PATTERN_INPUT);
  const kept: Record<string, unknown> = {};
  for (const property of KEPT_PROPERTIES) {
    if (Object.hasOwn(record, property)) kept[property] = compactFieldValue(record[property], depth + 1);
  }
  if (Object.hasOwn(record, 'child')) kept.child = compactFieldValue(record.child, depth + 1);
  return kept;
}

/** The facts the evaluator takes, with the ticks stored for the issue now. */
export function toEvaluatedFacts(key: string, stored: StoredFacts, ticks: Ticks): IssueFacts {
  return {
    key,
    projectKey: stored.projectKey,
    projectCategoryId: stored.categoryId,
    issueType: stored.issueType,
    status: stored.status,
    fields: stored.fields,
    links: stored.links,
    ticks,
  };
}

/** The reading to keep when an issue was read twice: the newer `updated`, then the larger text. */
export function newerFacts(a: StoredFacts, b: StoredFacts): StoredFacts {
  const ua = a.updated ?? Number.NEGATIVE_INFINITY;
  const ub = b.updated ?? Number.NEGATIVE_INFINITY;
  if (ua !== ub) return ua > ub ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** Merges facts maps (a join by issue key; the newer reading wins), in a null-prototype map. */
export function mergeFacts(maps: readonly StoredFactsMap[]): StoredFactsMap {
  const merged: StoredFactsMap = Object.create(null);
  for (const map of maps) {
    for (const key of Object.keys(map)) {
      const incoming = map[key] as StoredFacts;
      const existing = merged[key];
      merged[key] = existing === undefined ? incoming : newerFacts(existing, incoming);
    }
  }
  return merged;
}
