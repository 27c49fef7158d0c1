import { z } from 'zod';
import { cleanCommentary } from '../status/commentary';

/**
 * Authorisation decisions at the Inception gate: a candidate approved into Planning, deferred or
 * rejected, with why, by whom, when, and the score (and rank) it was decided on. A decision is a
 * record of a moment: it is created once and never changed.
 */

export const DecisionOutcome = z.enum(['approved', 'deferred', 'rejected']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** `panel`: decided in the issue panel; `jira`: the candidate was moved into Planning in Jira directly. */
export const DecisionSource = z.enum(['panel', 'jira']);
export type DecisionSource = z.infer<typeof DecisionSource>;

export const MAX_DECISION_REASON = 1_000;

/**
 * The reason as people typed it: plain text (never interpreted as markup: pages show it as text, the
 * Jira comment carries it as an ADF text node), control characters removed, trimmed, at most
 * {@link MAX_DECISION_REASON} characters.
 */
export const DecisionReasonSchema = z
  .string()
  .transform((text) => cleanCommentary(text).trim())
  .pipe(
    z
      .string()
      .max(
        MAX_DECISION_REASON,
        `The reason can be at most ${MAX_DECISION_REASON.toLocaleString('en')} characters`,
      ),
  );

/** A client's idempotency key: the same decision sent twice (double click, retried request) records once. */
export const DecisionRequestId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'expected a request id of 8 to 64 letters, digits and dashes');

/** Defer and reject need a reason; approving may carry one. */
export function reasonProblem(outcome: DecisionOutcome, reason: string): string | null {
  if (outcome !== 'approved' && reason.length < 3)
    return `Say why the candidate is ${outcome} (at least 3 characters)`;
  return null;
}

/** The score the decision was made on, as it was at that moment. */
export const DecisionScoreSchema = z.object({
  value: z.number().nullable(),
  complete: z.boolean(),
  model: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  parts: z.array(
    z.object({
      criterionId: z.string(),
      name: z.string(),
      rating: z.number().nullable(),
      contribution: z.number(),
    }),
  ),
});
export type DecisionScore = z.infer<typeof DecisionScoreSchema>;

/** Stored format 1 of a decision (`format` lets a later format be told apart and migrated). */
export const DecisionRecordSchema = z.object({
  format: z.literal(1),
  id: z.string(),
  issueId: z.string(),
  issueKey: z.string(),
  summary: z.string(),
  projectKey: z.string(),
  outcome: DecisionOutcome,
  source: DecisionSource,
  reason: z.string().max(MAX_DECISION_REASON),
  by: z.string(),
  at: z.string(),
  /** Null when scoring was off or the candidate had no score. */
  score: DecisionScoreSchema.nullable(),
  /** The candidate's rank in the Prioritise view at that moment, when it had one. */
  rank: z.number().int().positive().nullable(),
  /** The move an approval made: from the Inception status into the Planning status. */
  move: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

/** Newest first; ties by id so the order is stable. */
export function compareDecisions(a: DecisionRecord, b: DecisionRecord): number {
  return b.at.localeCompare(a.at) || a.id.localeCompare(b.id);
}

/** Each candidate's newest decision, by issue id. */
export function latestDecisions(records: readonly DecisionRecord[]): Map<string, DecisionRecord> {
  const latest = new Map<string, DecisionRecord>();
  for (const record of [...records].sort(compareDecisions)) {
    if (!latest.has(record.issueId)) latest.set(record.issueId, record);
  }
  return latest;
}

/** "Approved", "Approved (moved in Jira)", "Deferred", "Rejected": said to people. */
export function outcomeLabel(record: Pick<DecisionRecord, 'outcome' | 'source'>): string {
  const word = record.outcome.charAt(0).toUpperCase() + record.outcome.slice(1);
  return record.source === 'jira' ? `${word} (moved in Jira)` : word;
}

/** The score a decision keeps: value, completeness, model and each criterion's part, as computed now. */
export function decisionScoreOf(
  model: { id: string; name: string; version: string },
  result: {
    score: number | null;
    complete: boolean;
    parts: readonly { criterionId: string; name: string; rating: number | null; contribution: number }[];
  },
): DecisionScore {
  return {
    value: result.score,
    complete: result.complete,
    model,
    parts: result.parts.map(({ criterionId, name, rating, contribution }) => ({
      criterionId,
      name,
      rating,
      contribution,
    })),
  };
}
