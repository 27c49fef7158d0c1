import { z } from 'zod';
import { blockingLinksOf, indexBlockingLinks } from '../dependencies/links';
import { AppError } from '../errors';
import { parseTimestamp } from '../kpis/time';
import { IsoDate, type PortfolioIssue, type StatusCategoryKey } from '../model';
import { indexRaidTypes, RaidKind, Roam, raidKindOf, readAccountId, readRoam } from '../risks/raid';
import type { EngineSettings } from '../settings';

/**
 * The mergeable intermediate of a portfolio computation.
 *
 * A large portfolio is read as independent jobs (per project, per page range). Each job turns its page of
 * issues into a chunk with {@link summarizeIssues}; chunks are stored, merged with {@link mergeChunks} in
 * any grouping and order, and the report is computed once from the merged chunk.
 *
 * A chunk keeps one compact row per issue key (about 80 bytes of JSON for an unlinked issue): the facts
 * that counters, examples, dependency edges, risks and throughput buckets are derived from, not the
 * counters themselves. Two reasons: an issue read by two jobs (a page boundary moved while issues changed)
 * must count once, which needs its key and its own contribution; and overdue, stale and throughput depend
 * on "now", which must be the compute time for every chunk alike, not each job's collection time.
 * Deriving the counters from 100,000 rows takes a few tens of milliseconds.
 *
 * Merging is a join: rows are keyed by issue key and, when both sides have a row for the same issue, the
 * more recently updated one wins (ties broken by content, so the result never depends on order). It is
 * associative, commutative and idempotent: any split of the issues, merged in any order, gives the same
 * chunk, and an issue seen twice counts once.
 */

/** Status category as a number: 0 new (to do), 1 indeterminate (in progress), 2 done. */
export const StatusCode = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type StatusCode = z.infer<typeof StatusCode>;

const STATUS_CODES: Record<StatusCategoryKey, StatusCode> = { new: 0, indeterminate: 1, done: 2 };

/** RAID details, for issues whose type is a RAID type. */
export const RaidRowSchema = z.tuple([
  RaidKind,
  /** Summary; null for issues with an issue security level. */
  z.string().nullable(),
  /** Status name. */
  z.string(),
  /** Owner account id: the risk owner field for risks when configured and set, else the assignee. */
  z.string().nullable(),
  /** Risk probability and impact (1..5) as recorded, null when missing. */
  z.number().int().min(1).max(5).nullable(),
  z.number().int().min(1).max(5).nullable(),
  Roam,
]);
export type RaidRow = z.infer<typeof RaidRowSchema>;

/** One issue. A tuple rather than an object keeps 100,000 rows at a few megabytes of JSON. */
export const IssueRowSchema = z.tuple([
  /** projectKey */
  z.string(),
  /** status category */
  StatusCode,
  /** due date */
  IsoDate.nullable(),
  /** created, updated, resolved: epoch ms */
  z.number().nullable(),
  z.number().nullable(),
  z.number().nullable(),
  /** story points */
  z.number().nullable(),
  /** keys this issue blocks */
  z.array(z.string()),
  /** keys blocking this issue */
  z.array(z.string()),
  RaidRowSchema.nullable(),
]);
export type IssueRow = z.infer<typeof IssueRowSchema>;

export const CHUNK_VERSION = 1;

export const PortfolioChunkSchema = z.object({
  version: z.literal(CHUNK_VERSION),
  /**
   * The settings that shaped the rows (blocking link types, RAID types, ROAM and owner fields). Chunks
   * with different bases cannot be merged: they would mix two meanings of "blocks".
   */
  basis: z.string(),
  /** Earliest collection time (ISO) of the merged chunks; null for an empty chunk. */
  collectedAt: z.string().nullable(),
  /** Issue key -> row. */
  issues: z.record(z.string(), IssueRowSchema),
  /**
   * Issues named by blocking links but not in `issues` (outside the portfolio, or not yet read): their
   * status category as the links report it, null when unknown. When two links disagree, the furthest
   * along wins.
   */
  linked: z.record(z.string(), StatusCode.nullable()),
});
export type PortfolioChunk = z.infer<typeof PortfolioChunkSchema>;

/** The part of the settings a chunk depends on, as a canonical string. */
export function chunkBasis(settings: EngineSettings): string {
  const links = [...indexBlockingLinks(settings.blockingLinks)].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const raid = [...indexRaidTypes(settings.raidTypes)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({
    links,
    raid,
    roam: settings.riskRoamFieldId,
    owner: settings.riskOwnerFieldId,
  });
}

export function emptyChunk(settings: EngineSettings): PortfolioChunk {
  return {
    version: CHUNK_VERSION,
    basis: chunkBasis(settings),
    collectedAt: null,
    issues: Object.create(null),
    linked: Object.create(null),
  };
}

/** Turns issues into a chunk. Issues repeated in `issues` count once (the most recently updated wins). */
export function summarizeIssues(
  issues: readonly PortfolioIssue[],
  settings: EngineSettings,
  now: Date,
): PortfolioChunk {
  const chunk = emptyChunk(settings);
  chunk.collectedAt = now.toISOString();
  const linkIndex = indexBlockingLinks(settings.blockingLinks);
  const raidIndex = indexRaidTypes(settings.raidTypes);
  const rows = chunk.issues;
  const linked = chunk.linked;
  for (const issue of issues) {
    const { blocks, blockedBy } = blockingLinksOf(issue.links, linkIndex);
    for (const link of issue.links) {
      if (!linkIndex.has(link.type.trim().toLowerCase())) continue;
      const code = link.otherStatusCategory === null ? null : STATUS_CODES[link.otherStatusCategory];
      linked[link.otherKey] = joinStatus(linked[link.otherKey], code);
    }
    const kind = raidKindOf(issue.issueType, raidIndex);
    const row: IssueRow = [
      issue.projectKey,
      STATUS_CODES[issue.status.category],
      issue.dueDate,
      parseTimestamp(issue.created),
      parseTimestamp(issue.updated),
      parseTimestamp(issue.resolved),
      issue.storyPoints,
      blocks,
      blockedBy,
      kind === null ? null : raidRow(issue, kind, settings),
    ];
    const existing = rows[issue.key];
    rows[issue.key] = existing === undefined ? row : newerRow(existing, row);
  }
  for (const key of Object.keys(linked)) if (rows[key] !== undefined) delete linked[key];
  return chunk;
}

function raidRow(issue: PortfolioIssue, kind: RaidKind, settings: EngineSettings): RaidRow {
  let owner = issue.assigneeAccountId;
  let roam: Roam = 'unroamed';
  if (kind === 'risk') {
    if (settings.riskOwnerFieldId !== null)
      owner = readAccountId(issue.fields[settings.riskOwnerFieldId]) ?? owner;
    if (settings.riskRoamFieldId !== null) roam = readRoam(issue.fields[settings.riskRoamFieldId]);
  }
  return [
    kind,
    issue.restricted ? null : issue.summary,
    issue.status.name,
    owner,
    kind === 'risk' ? issue.riskProbability : null,
    kind === 'risk' ? issue.riskImpact : null,
    roam,
  ];
}

/** Merges two chunks into a new one; neither input changes. Throws CONFLICT when their bases differ. */
export function mergeChunks(a: PortfolioChunk, b: PortfolioChunk): PortfolioChunk {
  return mergeInto(copyChunk(a), b);
}

/** Merges any number of chunks (in linear time, unlike folding `mergeChunks`). */
export function mergeAllChunks(chunks: readonly PortfolioChunk[], settings: EngineSettings): PortfolioChunk {
  const target = emptyChunk(settings);
  for (const chunk of chunks) mergeInto(target, chunk);
  return target;
}

function copyChunk(chunk: PortfolioChunk): PortfolioChunk {
  return {
    version: chunk.version,
    basis: chunk.basis,
    collectedAt: chunk.collectedAt,
    issues: Object.assign(Object.create(null), chunk.issues),
    linked: Object.assign(Object.create(null), chunk.linked),
  };
}

/** Merges `source` into `target` (whose records must be null-prototype objects it owns). */
function mergeInto(target: PortfolioChunk, source: PortfolioChunk): PortfolioChunk {
  if (source.version !== target.version || source.basis !== target.basis) {
    throw new AppError(
      'CONFLICT',
      'These portfolio chunks were collected under different link or RAID settings; refresh the portfolio.',
      { expected: target.basis, actual: source.basis },
    );
  }
  if (
    source.collectedAt !== null &&
    (target.collectedAt === null || source.collectedAt < target.collectedAt)
  ) {
    target.collectedAt = source.collectedAt;
  }
  const rows = target.issues;
  for (const key of Object.keys(source.issues)) {
    const row = source.issues[key] as IssueRow;
    const existing = rows[key];
    rows[key] = existing === undefined ? row : newerRow(existing, row);
  }
  const linked = target.linked;
  for (const key of Object.keys(source.issues)) if (linked[key] !== undefined) delete linked[key];
  for (const key of Object.keys(source.linked)) {
    if (rows[key] !== undefined) continue;
    linked[key] = joinStatus(linked[key], source.linked[key] ?? null);
  }
  return target;
}

/** The row to keep when an issue was read twice: latest `updated`, then the larger serialisation. */
function newerRow(a: IssueRow, b: IssueRow): IssueRow {
  const ua = a[4] ?? Number.NEGATIVE_INFINITY;
  const ub = b[4] ?? Number.NEGATIVE_INFINITY;
  if (ua !== ub) return ua > ub ? a : b;
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa >= sb ? a : b;
}

/** Unknown < to do < in progress < done. */
function joinStatus(a: StatusCode | null | undefined, b: StatusCode | null): StatusCode | null {
  if (a === undefined || a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}
