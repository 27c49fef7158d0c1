import { z } from 'zod';
import {
  type DraftRevision,
  DraftRevisionSchema,
  type PublishedUpdate,
  PublishedUpdateSchema,
  StatedStatus,
} from '../../domain/status/update';
import { queryAll, type Store } from '../../storage/store';

/**
 * Status updates in storage. Every record is written once (create-only) and never changed, so two
 * writers can never overwrite each other:
 *
 * - `status:draft:<portfolio>:<period>:<project>:<revision>`: a draft's revisions; saving revision
 *   n + 1 succeeds only if nobody saved it first (the optimistic revision check). Revisions older than
 *   the one before the latest are deleted.
 * - `status:conflict:<portfolio>:<project>:<period>:<ms>:<account>`: the text of a writer whose save
 *   lost a conflict, kept so nothing typed is lost.
 * - `status:pub:<portfolio>:<period>:<project>:<version>`: published updates (the board of a period is
 *   one prefix read); a correction is the next version.
 * - `status:published:<portfolio>:<project>:<period>:<version>`: a small index of a project's
 *   publications, for "since the last update" without reading every period.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Account ids are `[A-Za-z0-9:-]`; anything else is escaped so the key stays one Forge accepts. */
const keyPart = (text: string) => text.replace(/[^A-Za-z0-9:-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);

export const statusKeys = {
  periodDraftsPrefix: (portfolioId: string, periodId: string) => `status:draft:${portfolioId}:${periodId}:`,
  draftPrefix: (portfolioId: string, projectKey: string, periodId: string) =>
    `${statusKeys.periodDraftsPrefix(portfolioId, periodId)}${projectKey}:`,
  draft: (portfolioId: string, projectKey: string, periodId: string, revision: number) =>
    `${statusKeys.draftPrefix(portfolioId, projectKey, periodId)}${pad(revision, 6)}`,
  conflict: (portfolioId: string, projectKey: string, periodId: string, atMs: number, accountId: string) =>
    `status:conflict:${portfolioId}:${projectKey}:${periodId}:${atMs}:${keyPart(accountId)}`,
  boardPrefix: (portfolioId: string, periodId: string) => `status:pub:${portfolioId}:${periodId}:`,
  publishedPrefix: (portfolioId: string, periodId: string, projectKey: string) =>
    `${statusKeys.boardPrefix(portfolioId, periodId)}${projectKey}:`,
  published: (portfolioId: string, periodId: string, projectKey: string, version: number) =>
    `${statusKeys.publishedPrefix(portfolioId, periodId, projectKey)}${pad(version, 3)}`,
  projectIndexPrefix: (portfolioId: string, projectKey: string) =>
    `status:published:${portfolioId}:${projectKey}:`,
  /** Every prefix a portfolio's status records live under (to delete them with the portfolio). */
  portfolioPrefixes: (portfolioId: string) => [
    `status:draft:${portfolioId}:`,
    `status:conflict:${portfolioId}:`,
    `status:pub:${portfolioId}:`,
    `status:published:${portfolioId}:`,
  ],
  projectIndex: (portfolioId: string, projectKey: string, periodId: string, version: number) =>
    `${statusKeys.projectIndexPrefix(portfolioId, projectKey)}${periodId}:${pad(version, 3)}`,
};

export const PublicationIndexSchema = z.object({
  periodId: z.string(),
  version: z.number().int().min(1),
  status: StatedStatus,
  publishedAt: z.string(),
});
export type PublicationIndex = z.infer<typeof PublicationIndexSchema>;

const ConflictCopySchema = z.object({
  baseRevision: z.number().int().min(0),
  status: StatedStatus.nullable(),
  commentary: z.string(),
  savedBy: z.string(),
  savedAt: z.string(),
});
/** A conflict copy: the text of a writer whose save lost, kept beside the draft. */
export type ConflictCopy = z.infer<typeof ConflictCopySchema>;

async function allParsed<S extends z.ZodType>(
  store: Store,
  prefix: string,
  schema: S,
): Promise<z.infer<S>[]> {
  const values: z.infer<S>[] = [];
  for await (const { value } of queryAll(store, prefix)) {
    const parsed = schema.safeParse(value);
    // A damaged record is skipped rather than failing the whole board.
    if (parsed.success) values.push(parsed.data);
  }
  return values;
}

/** The latest revision of a draft, or undefined when nobody saved one this period. */
export async function latestDraft(
  store: Store,
  portfolioId: string,
  projectKey: string,
  periodId: string,
): Promise<DraftRevision | undefined> {
  const revisions = await allParsed(
    store,
    statusKeys.draftPrefix(portfolioId, projectKey, periodId),
    DraftRevisionSchema,
  );
  return revisions.at(-1);
}

/** When each project's draft of a period was last saved, by project key. */
export async function periodDraftTimes(
  store: Store,
  portfolioId: string,
  periodId: string,
): Promise<Map<string, string>> {
  const prefix = statusKeys.periodDraftsPrefix(portfolioId, periodId);
  const times = new Map<string, string>();
  for await (const { key, value } of queryAll(store, prefix)) {
    const parsed = DraftRevisionSchema.safeParse(value);
    const projectKey = key.slice(prefix.length).split(':')[0];
    if (parsed.success && projectKey) times.set(projectKey, parsed.data.savedAt);
  }
  return times;
}

/** Every published update of a period, in project then version order. */
export function periodPublications(
  store: Store,
  portfolioId: string,
  periodId: string,
): Promise<PublishedUpdate[]> {
  return allParsed(store, statusKeys.boardPrefix(portfolioId, periodId), PublishedUpdateSchema);
}

/** One project's published versions of a period, oldest first. */
export function projectPublications(
  store: Store,
  portfolioId: string,
  periodId: string,
  projectKey: string,
): Promise<PublishedUpdate[]> {
  return allParsed(
    store,
    statusKeys.publishedPrefix(portfolioId, periodId, projectKey),
    PublishedUpdateSchema,
  );
}

/** The project's publications in every period, oldest first (small index records). */
export function publicationIndex(
  store: Store,
  portfolioId: string,
  projectKey: string,
): Promise<PublicationIndex[]> {
  return allParsed(store, statusKeys.projectIndexPrefix(portfolioId, projectKey), PublicationIndexSchema);
}
