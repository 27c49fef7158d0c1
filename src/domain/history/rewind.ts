import type { IssueRow, PortfolioChunk, RaidRow } from '../portfolio/chunk';
import type { HistoryChange, IssueHistories, LinkEnd } from './history-change';

/**
 * The portfolio chunk as it was at `atMs` (the end of a past day), from the chunk of now and the
 * issues' changes: issues created later are gone; status category (and a RAID row's status name),
 * resolution date, due date and blocking links are as they were, read backwards from now by undoing
 * every change after `atMs`. What Jira keeps no history of in the changes read (story points, risk
 * scores, owners, issues outside the portfolio) stays as it is now; `updated` becomes the last change
 * known at that time.
 */
export function rewindChunk(chunk: PortfolioChunk, histories: IssueHistories, atMs: number): PortfolioChunk {
  const issues: PortfolioChunk['issues'] = Object.create(null);
  for (const key of Object.keys(chunk.issues)) {
    const row = chunk.issues[key] as IssueRow;
    const created = row[3];
    if (created !== null && created > atMs) continue;
    const changes = histories[key];
    issues[key] = changes && changes.length > 0 ? rewindRow(row, changes, atMs) : row;
  }
  const asOf = new Date(atMs).toISOString();
  return {
    version: chunk.version,
    basis: chunk.basis,
    collectedAt: chunk.collectedAt !== null && chunk.collectedAt <= asOf ? chunk.collectedAt : asOf,
    issues,
    linked: chunk.linked,
  };
}

function rewindRow(row: IssueRow, changes: readonly HistoryChange[], atMs: number): IssueRow {
  let firstLater = changes.findIndex((change) => change[1] > atMs);
  if (firstLater < 0) firstLater = changes.length;
  if (firstLater === changes.length) return row;
  const [project, , , created, updated, resolved, points, blocks, blockedBy, raid] = row;
  let status: [IssueRow[1], string | null] = [row[1], raid?.[2] ?? null];
  let due = row[2];
  let resolvedThen: boolean | null = null;
  const blocking = new Set(blocks);
  const blockedByThen = new Set(blockedBy);
  // Latest first: each undo restores the value before that change.
  for (let n = changes.length - 1; n >= firstLater; n--) {
    const change = changes[n] as HistoryChange;
    switch (change[0]) {
      case 'status':
        if (change[2] !== null) status = [change[2][0], change[2][1]];
        break;
      case 'resolution':
        resolvedThen = change[2];
        break;
      case 'duedate':
        due = change[2];
        break;
      case 'link':
        if (change[3] !== null) sideOf(change[3], blocking, blockedByThen).delete(change[3][0]);
        if (change[2] !== null) sideOf(change[2], blocking, blockedByThen).add(change[2][0]);
        break;
    }
  }
  const earlier = changes.slice(0, firstLater);
  const lastKnown = earlier.at(-1)?.[1] ?? created;
  return [
    project,
    status[0],
    due,
    created,
    updated !== null && updated <= atMs ? updated : lastKnown,
    resolvedAt(resolvedThen, resolved, earlier, created, atMs),
    points,
    keepOrder(blocks, blocking),
    keepOrder(blockedBy, blockedByThen),
    raid === null || status[1] === null ? raid : withStatus(raid, status[1]),
  ];
}

function sideOf(end: LinkEnd, blocks: Set<string>, blockedBy: Set<string>): Set<string> {
  return end[1] ? blocks : blockedBy;
}

/** The keys of `now` still there, in their order, then those that were there only then. */
function keepOrder(now: readonly string[], then: ReadonlySet<string>): string[] {
  const kept = now.filter((key) => then.has(key));
  for (const key of then) if (!kept.includes(key)) kept.push(key);
  return kept;
}

/**
 * When the issue had been resolved, at `atMs`: null when it was not resolved then; else when its
 * resolution was last set before then (or now's date when it was not set again since; or its
 * creation, for an issue created resolved).
 */
function resolvedAt(
  resolvedThen: boolean | null,
  resolvedNow: number | null,
  earlier: readonly HistoryChange[],
  created: number | null,
  atMs: number,
): number | null {
  if (resolvedThen === null) return resolvedNow;
  if (!resolvedThen) return null;
  for (let n = earlier.length - 1; n >= 0; n--) {
    const change = earlier[n] as HistoryChange;
    if (change[0] === 'resolution' && change[3]) return change[1];
  }
  return resolvedNow !== null && resolvedNow <= atMs ? resolvedNow : created;
}

function withStatus(raid: RaidRow, statusName: string): RaidRow {
  const copy = [...raid] as RaidRow;
  copy[2] = statusName;
  return copy;
}
