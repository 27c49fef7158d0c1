import { z } from 'zod';
import { IsoDate } from '../model';
import { StatusCode } from '../portfolio/chunk';
import type { IssueChange } from './issue-change';

/**
 * An issue's changes as a reconstruction reads them: Jira's ids already turned into what a chunk row
 * holds (a status category code and name, whether it was resolved, a due date, a blocking link's
 * other end and side). Tuples keep 100,000 issues' changes at a few megabytes.
 */

/** A status: its category code and name (RAID rows show the name). */
export const StatusStateSchema = z.tuple([StatusCode, z.string()]);
/** A blocking link seen from the issue: the other issue's key, and whether this issue is the blocker. */
export const LinkEndSchema = z.tuple([z.string(), z.boolean()]);
export type LinkEnd = z.infer<typeof LinkEndSchema>;

export const HistoryChangeSchema = z.union([
  z.tuple([z.literal('status'), z.number(), StatusStateSchema.nullable(), StatusStateSchema.nullable()]),
  /** Whether the issue was resolved before and after. */
  z.tuple([z.literal('resolution'), z.number(), z.boolean(), z.boolean()]),
  z.tuple([z.literal('duedate'), z.number(), IsoDate.nullable(), IsoDate.nullable()]),
  /** A link added (`to`) or removed (`from`). */
  z.tuple([z.literal('link'), z.number(), LinkEndSchema.nullable(), LinkEndSchema.nullable()]),
]);
export type HistoryChange = z.infer<typeof HistoryChangeSchema>;

/** Issue key -> its changes, oldest first. */
export const IssueHistoriesSchema = z.record(z.string(), z.array(HistoryChangeSchema));
export type IssueHistories = z.infer<typeof IssueHistoriesSchema>;

/** What the site's ids mean: statuses by id, and the text of a blocking link ("This issue blocks X"). */
export interface ChangeMeanings {
  status(id: string): z.infer<typeof StatusStateSchema> | undefined;
  /** The other end of a blocking link named by its text; null for links that do not block. */
  link(text: string): LinkEnd | null;
}

/**
 * Turns Jira's changes into histories keyed by issue key. Changes of issues `keyOf` does not know,
 * of statuses the site no longer has and of links that do not block are left out.
 */
export function historiesOf(
  changes: readonly IssueChange[],
  keyOf: (issueId: string) => string | undefined,
  meanings: ChangeMeanings,
): IssueHistories {
  const out: IssueHistories = Object.create(null);
  for (const change of changes) {
    const key = keyOf(change.issueId);
    if (key === undefined) continue;
    const converted = historyChangeOf(change, meanings);
    if (converted === null) continue;
    const list = out[key] ?? [];
    list.push(converted);
    out[key] = list;
  }
  for (const key of Object.keys(out)) (out[key] as HistoryChange[]).sort((a, b) => a[1] - b[1]);
  return out;
}

function historyChangeOf(change: IssueChange, meanings: ChangeMeanings): HistoryChange | null {
  const { at, from, to } = change;
  switch (change.field) {
    case 'status': {
      const before = from === null ? null : (meanings.status(from) ?? null);
      const after = to === null ? null : (meanings.status(to) ?? null);
      return before === null && after === null ? null : ['status', at, before, after];
    }
    case 'resolution':
      return ['resolution', at, from !== null, to !== null];
    case 'duedate':
      return ['duedate', at, dateOf(from), dateOf(to)];
    case 'link': {
      const before = from === null ? null : meanings.link(from);
      const after = to === null ? null : meanings.link(to);
      return before === null && after === null ? null : ['link', at, before, after];
    }
  }
}

/** Jira writes due dates as "YYYY-MM-DD" (the text adds a zero time). */
function dateOf(value: string | null): string | null {
  const date = value?.slice(0, 10) ?? null;
  return date !== null && IsoDate.safeParse(date).success ? date : null;
}

/** Reads "This issue <phrase> KEY" with the site's link types (the longest matching phrase wins). */
export function linkTextReader(
  types: readonly { name: string; inward: string; outward: string }[],
  blockerDirection: (typeName: string) => 'outward' | 'inward' | undefined,
): (text: string) => LinkEnd | null {
  const phrases = types
    .flatMap((type) => {
      const blocker = blockerDirection(type.name);
      if (blocker === undefined) return [];
      return [
        { phrase: type.outward, blocks: blocker === 'outward' },
        { phrase: type.inward, blocks: blocker === 'inward' },
      ];
    })
    .sort((a, b) => b.phrase.length - a.phrase.length);
  return (text) => {
    const match = /^This issue (.+) (\S+)$/.exec(text.trim());
    if (!match) return null;
    const [, phrase, key] = match as unknown as [string, string, string];
    const found = phrases.find((candidate) => candidate.phrase.toLowerCase() === phrase.toLowerCase());
    return found ? [key, found.blocks] : null;
  };
}
