import { z } from 'zod';
import type { AuditEntry } from '../../contracts/settings';

/**
 * How audit-log pages are stored, independent of the API's `AuditEntrySchema`: the API may change
 * (rename a field, add one) without making a single stored page unreadable. Every stored shape ever
 * written has a schema here and a migration to the current one; readers accept them all, writers
 * write only the current one.
 *
 * - format 0: `{ page, entries }`, written before stored formats were versioned (the API entry shape
 *   of that time, frozen here as it was);
 * - format 1: `{ formatVersion: 1, page, entries }`, the current one.
 */

export const AUDIT_PAGE_FORMAT_VERSION = 1;

const StoredChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  summary: z.string(),
});

const StoredAuditEntryV0Schema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['save', 'restore', 'import', 'override']),
  version: z.number().int().min(0),
  basedOn: z.number().int().min(0),
  restoredFrom: z.number().int().min(0).nullable(),
  projectKey: z.string().nullable(),
  comment: z.string(),
  changes: z.array(StoredChangeSchema),
  omittedChanges: z.number().int().nonnegative(),
});

const StoredAuditPageV0Schema = z.object({
  page: z.number().int().min(1),
  entries: z.array(StoredAuditEntryV0Schema),
});

/** Format 1 keeps the entry fields of format 0; what is new is the version marker that allows change. */
export const StoredAuditEntrySchema = StoredAuditEntryV0Schema;
export type StoredAuditEntry = z.infer<typeof StoredAuditEntrySchema>;

export const StoredAuditPageSchema = z.object({
  formatVersion: z.literal(AUDIT_PAGE_FORMAT_VERSION),
  page: z.number().int().min(1),
  entries: z.array(StoredAuditEntrySchema),
});
export type StoredAuditPage = z.infer<typeof StoredAuditPageSchema>;

/** A stored page of any known format, migrated to the current one; undefined when it matches none. */
export function readStoredAuditPage(raw: unknown): StoredAuditPage | undefined {
  const current = StoredAuditPageSchema.safeParse(raw);
  if (current.success) return current.data;
  if (typeof raw === 'object' && raw !== null && 'formatVersion' in raw) {
    // A format this code does not know (written by a newer version of the app): never guess.
    return undefined;
  }
  const legacy = StoredAuditPageV0Schema.safeParse(raw);
  if (legacy.success) return migrateV0(legacy.data);
  return undefined;
}

function migrateV0(page: z.infer<typeof StoredAuditPageV0Schema>): StoredAuditPage {
  return { formatVersion: 1, page: page.page, entries: page.entries };
}

/** The API's view of a stored entry (mapped field by field, so the two can diverge). */
export function toAuditEntry(stored: StoredAuditEntry): AuditEntry {
  return {
    id: stored.id,
    at: stored.at,
    actor: stored.actor,
    action: stored.action,
    version: stored.version,
    basedOn: stored.basedOn,
    restoredFrom: stored.restoredFrom,
    projectKey: stored.projectKey,
    comment: stored.comment,
    changes: stored.changes.map((change) => ({ ...change })),
    omittedChanges: stored.omittedChanges,
  };
}
