import { z } from 'zod';
import { Rag } from '../health/health';
import { IsoDate } from '../model';
import { CommentarySchema } from './commentary';

/** What a project lead states: the words of Atlassian's weekly updates. */
export const StatedStatus = z.enum(['on-track', 'at-risk', 'off-track']);
export type StatedStatus = z.infer<typeof StatedStatus>;

export const STATED_STATUS_LABELS: Record<StatedStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

const IssueMention = z.object({ key: z.string(), summary: z.string().nullable() });

/**
 * What the app drafts from the portfolio's data for one project: computed once from the stored
 * snapshot and history (no Jira reads) and kept with the draft and the published update, so a reader
 * later sees what the writer saw.
 */
export const DraftFactsSchema = z.object({
  /** When the snapshot behind these facts read Jira. */
  asOf: z.string(),
  health: z.object({
    rag: Rag,
    computedRag: Rag,
    /** Reasons of the indicators that are not green, worst first. */
    reasons: z.array(z.string()),
  }),
  /** The day changes are counted from (the last published update's), null when no day was recorded. */
  changesSince: IsoDate.nullable(),
  changes: z.array(z.string()),
  topRisks: z.array(IssueMention.extend({ score: z.number().int(), level: z.string() })),
  /** Gates and due work in the next two weeks, soonest first. */
  upcoming: z.array(
    IssueMention.extend({ due: IsoDate, kind: z.enum(['gate', 'milestone']), detail: z.string() }),
  ),
  upcomingTotal: z.number().int().nonnegative(),
  overdue: z.object({
    count: z.number().int().nonnegative(),
    examples: z.array(IssueMention.extend({ due: IsoDate })),
  }),
  conflicts: z.array(z.object({ text: z.string(), blocker: z.string(), blocked: z.string() })),
  /** The stated status the data suggests (the writer decides). */
  suggested: StatedStatus,
});
export type DraftFacts = z.infer<typeof DraftFactsSchema>;

/** One saved revision of a draft (create-only: a newer revision is a new record). */
export const DraftRevisionSchema = z.object({
  revision: z.number().int().min(1),
  status: StatedStatus.nullable(),
  commentary: CommentarySchema,
  savedBy: z.string(),
  savedAt: z.string(),
});
export type DraftRevision = z.infer<typeof DraftRevisionSchema>;

/** A published update: never changed; a correction is the next version. */
export const PublishedUpdateSchema = z.object({
  portfolioId: z.string(),
  projectKey: z.string(),
  periodId: IsoDate,
  version: z.number().int().min(1),
  status: StatedStatus,
  commentary: CommentarySchema,
  /** The RAG the data gave when it was published. */
  computedRag: Rag,
  facts: DraftFactsSchema,
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type PublishedUpdate = z.infer<typeof PublishedUpdateSchema>;

/** The RAG a stated status corresponds to. */
const RAG_OF_STATUS: Record<StatedStatus, Exclude<Rag, 'none'>> = {
  'on-track': 'green',
  'at-risk': 'amber',
  'off-track': 'red',
};
const RANK: Record<Exclude<Rag, 'none'>, number> = { green: 0, amber: 1, red: 2 };

/** The stated status a computed RAG suggests; no RAG suggests on track (nothing says otherwise). */
export function suggestedStatus(rag: Rag): StatedStatus {
  return rag === 'red' ? 'off-track' : rag === 'amber' ? 'at-risk' : 'on-track';
}

/**
 * Whether the stated status and the data disagree: `rosier` when the writer says better than the
 * data (the signal a PMO most needs), `gloomier` when worse, null when they agree or there is no
 * RAG to compare with.
 */
export type Disagreement = 'rosier' | 'gloomier' | null;

export function disagreementOf(status: StatedStatus, computed: Rag): Disagreement {
  if (computed === 'none') return null;
  const stated = RANK[RAG_OF_STATUS[status]];
  const data = RANK[computed];
  return stated < data ? 'rosier' : stated > data ? 'gloomier' : null;
}

/** "says on track, data says red" */
export function disagreementText(status: StatedStatus, computed: Rag): string | null {
  if (disagreementOf(status, computed) === null) return null;
  return `says ${STATED_STATUS_LABELS[status].toLowerCase()}, data says ${computed}`;
}
