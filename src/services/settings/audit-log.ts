import { z } from 'zod';
import type { AuditEntry } from '../../contracts/settings';
import { diffConfigs } from '../../domain/config/diff';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { MAX_VALUE_BYTES, type Store } from '../../storage/store';
import type { StoreDeps } from '../deps';
import type { Logger } from '../logger';
import { type ConfigVersion, readConfigVersion } from './live-config';
import {
  AUDIT_PAGE_FORMAT_VERSION,
  readStoredAuditPage,
  type StoredAuditEntry,
  type StoredAuditPage,
  toAuditEntry,
} from './stored-audit';

/**
 * The audit log: one entry per configuration version (who, when, how, comment, readable changes),
 * stored in pages so it grows past one KVS value.
 *
 * - `audit:page:<8-digit>` holds consecutive entries, oldest first; a page is closed when the next
 *   entry would pass {@link AuditLogOptions.pageBudgetBytes} or {@link AuditLogOptions.maxEntriesPerPage}.
 * - `audit:head` names the newest page (readers also roll forward over a page written after it).
 * - Pages are stored in their own versioned format (stored-audit.ts), not the API's entry schema.
 *
 * Entries are derived from the immutable version documents, so writing them is idempotent: after
 * every change, {@link syncAuditLog} appends the entries of versions the log does not have yet. A
 * failure between committing a version and writing its entry, or two writers racing on a page,
 * loses nothing: the next sync (every change, every listing) writes the missing entries again, and
 * since a page's content depends only on the versions it holds, racing writers write the same text.
 */

export const AUDIT_HEAD_KEY = 'audit:head';
export const auditPageKey = (page: number) => `audit:page:${String(page).padStart(8, '0')}`;

export interface AuditLogOptions {
  pageBudgetBytes: number;
  maxEntriesPerPage: number;
  maxChangesPerEntry: number;
}

export const DEFAULT_AUDIT_OPTIONS: AuditLogOptions = {
  /** Well under the 240 KiB value limit. */
  pageBudgetBytes: Math.floor(MAX_VALUE_BYTES * 0.75),
  maxEntriesPerPage: 100,
  maxChangesPerEntry: 50,
};

/** Versions one sync writes at most (bounds one invocation's work). */
const MAX_SYNC_STEPS = 200;

const HeadSchema = z.object({ page: z.number().int().min(1) });
type AuditPage = StoredAuditPage;

const emptyPage = (page: number): AuditPage => ({
  formatVersion: AUDIT_PAGE_FORMAT_VERSION,
  page,
  entries: [],
});

/** Brings the log up to `upToVersion`; answers the newest page number. */
export async function syncAuditLog(
  { store, logger }: StoreDeps,
  upToVersion: number,
  options: AuditLogOptions = DEFAULT_AUDIT_OPTIONS,
): Promise<number> {
  const headPage = await readHeadPage(store, logger);
  let page: AuditPage = (await readPage(store, headPage)) ?? emptyPage(headPage);
  let last =
    page.entries.at(-1)?.version ?? (headPage > 1 ? await lastVersionOfPage(store, headPage - 1) : 0);
  if (last >= upToVersion) return headPage;

  let bytes = byteSize(page);
  let dirty = false;
  let previous = await readVersionConfig(store, last);
  for (let step = 0; last < upToVersion && step < MAX_SYNC_STEPS; step++) {
    const version = await readConfigVersion(store, last + 1);
    if (!version) break;
    const entry = buildEntry(previous, version, options);
    const entryBytes = byteSize(entry) + 1;
    if (
      page.entries.length > 0 &&
      (page.entries.length >= options.maxEntriesPerPage || bytes + entryBytes > options.pageBudgetBytes)
    ) {
      if (dirty) await store.set(auditPageKey(page.page), page);
      page = emptyPage(page.page + 1);
      bytes = byteSize(page);
    }
    page.entries.push(entry);
    bytes += entryBytes;
    dirty = true;
    previous = version.config;
    last = version.version;
  }
  if (dirty) await store.set(auditPageKey(page.page), page);
  // The page is written before the head moves; a head left behind is rolled forward by readers.
  if (page.page !== headPage) await store.set(AUDIT_HEAD_KEY, { page: page.page });
  return page.page;
}

/** The entry of one version: its changes compared with the version before it. */
export function buildEntry(
  previous: PmoConfig | null,
  version: ConfigVersion,
  options: AuditLogOptions = DEFAULT_AUDIT_OPTIONS,
): StoredAuditEntry {
  const changes =
    previous === null
      ? [
          {
            path: '(root)',
            kind: 'changed' as const,
            before: null,
            after: null,
            summary: `Version ${version.version - 1} could not be read; compare the versions to see what changed`,
          },
        ]
      : diffConfigs(previous, version.config);
  const { origin } = version;
  return {
    id: `v${String(version.version).padStart(8, '0')}`,
    at: version.savedAt,
    actor: version.author,
    action: origin.kind,
    version: version.version,
    basedOn: version.basedOn,
    restoredFrom: origin.kind === 'restore' ? origin.restoredFrom : null,
    projectKey: origin.kind === 'override' ? origin.projectKey : null,
    comment: version.comment,
    changes: changes.slice(0, options.maxChangesPerEntry),
    omittedChanges: Math.max(0, changes.length - options.maxChangesPerEntry),
  };
}

export interface AuditListing {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/**
 * Entries newest first, `limit` at a time. The cursor (`p<page>v<version>`) names where the next
 * call continues: entries older than `version`, starting in `page`. A cursor is checked against the
 * stored log (its page exists, its version is one the log holds) before anything is read, so every
 * loop here runs over pages that exist: bounded by the data, never by the caller's numbers.
 */
export async function listAuditEntries(
  { store, logger }: StoreDeps,
  options: { cursor?: string | undefined; limit: number },
): Promise<AuditListing> {
  const headPage = await readHeadPage(store, logger);
  const position = await checkCursor(store, parseCursor(options.cursor), headPage);
  let pageNumber = position?.page ?? headPage;
  const before = position?.before ?? Number.POSITIVE_INFINITY;
  const entries: AuditEntry[] = [];
  const seen = new Set<number>();
  let lastPage = pageNumber;
  while (pageNumber >= 1 && entries.length < options.limit) {
    const page = await readPage(store, pageNumber);
    const candidates = (page?.entries ?? [])
      .filter((entry) => entry.version < before && !seen.has(entry.version))
      .reverse();
    for (const entry of candidates) {
      if (entries.length >= options.limit) break;
      entries.push(toAuditEntry(entry));
      seen.add(entry.version);
      lastPage = pageNumber;
    }
    if (entries.length < options.limit) pageNumber--;
  }
  const oldest = entries.at(-1);
  // Versions are numbered from 1 without gaps: a full page whose oldest entry is above 1 has more.
  const more = oldest !== undefined && entries.length === options.limit && oldest.version > 1;
  return { entries, nextCursor: more ? `p${lastPage}v${oldest.version}` : null };
}

const INVALID_CURSOR = 'Invalid cursor; start again from the first page';

function parseCursor(cursor: string | undefined): { page: number; before: number } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^p(\d{1,8})v(\d{1,8})$/.exec(cursor);
  if (!match) throw new AppError('BAD_REQUEST', INVALID_CURSOR);
  return { page: Number(match[1]), before: Number(match[2]) };
}

/**
 * A cursor this log could have handed out: its page is one of the stored pages and its version lies
 * between 2 (a cursor is only given while older entries remain) and the newest version listed.
 */
async function checkCursor(
  store: Store,
  position: { page: number; before: number } | undefined,
  headPage: number,
): Promise<{ page: number; before: number } | undefined> {
  if (position === undefined) return undefined;
  if (position.page < 1 || position.page > headPage || position.before < 2) {
    throw new AppError('BAD_REQUEST', INVALID_CURSOR);
  }
  const newest = (await readPage(store, headPage))?.entries.at(-1)?.version ?? 0;
  if (position.before > newest) throw new AppError('BAD_REQUEST', INVALID_CURSOR);
  return position;
}

async function readHeadPage(store: Store, logger: Logger): Promise<number> {
  const raw = await store.get(AUDIT_HEAD_KEY);
  const parsed = HeadSchema.safeParse(raw);
  let page = parsed.success ? parsed.data.page : 1;
  if (raw !== undefined && !parsed.success) {
    logger.warn('the audit log head is damaged; rolling forward', { key: AUDIT_HEAD_KEY });
  }
  // Roll forward over pages written after the head (a head write that failed).
  for (let step = 0; step < 1000 && (await store.get(auditPageKey(page + 1))) !== undefined; step++) page++;
  return page;
}

async function readPage(store: Store, page: number): Promise<AuditPage | undefined> {
  const raw = await store.get(auditPageKey(page));
  if (raw === undefined) return undefined;
  const parsed = readStoredAuditPage(raw);
  if (parsed === undefined) {
    throw new AppError('CONFIG_UNREADABLE', `Audit log page ${page} does not match the expected shape`, {
      key: auditPageKey(page),
    });
  }
  return parsed;
}

async function lastVersionOfPage(store: Store, page: number): Promise<number> {
  return (await readPage(store, page))?.entries.at(-1)?.version ?? 0;
}

async function readVersionConfig(store: Store, version: number): Promise<PmoConfig | null> {
  if (version === 0) return defaultPmoConfig;
  try {
    return (await readConfigVersion(store, version))?.config ?? null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFIG_UNREADABLE') return null;
    throw error;
  }
}

function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
