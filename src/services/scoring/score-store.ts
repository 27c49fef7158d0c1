import { z } from 'zod';
import { StatusCategoryKey } from '../../domain/model';
import { CriterionValuesSchema } from '../../domain/scoring/schema';
import { queryAll, type Store, StoredDataError } from '../../storage/store';
import type { StoreDeps } from '../deps';

/**
 * Candidates' scores in app storage: one record per scorer per issue, `score:<issueId>:<accountId>`.
 * A scorer replaces only their own record, so two people saving at the same moment are both kept.
 * Each record carries the issue as the scorer saw it (for the Prioritise view, which reads storage,
 * not Jira) and the model version its ratings were made under.
 */

const PREFIX = 'score:';
export const scoreRecordKey = (issueId: string, accountId: string) => `${PREFIX}${issueId}:${accountId}`;

export const ScoreRecordSchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  accountId: z.string(),
  at: z.string(),
  modelId: z.string(),
  modelVersion: z.string(),
  configVersion: z.number().int().nonnegative(),
  ratings: CriterionValuesSchema,
  /** Numeric field criteria as Jira held them when this scorer saved. */
  fieldValues: CriterionValuesSchema.default({}),
  issue: z.object({
    summary: z.string(),
    projectKey: z.string(),
    issueType: z.string(),
    status: z.object({ name: z.string(), category: StatusCategoryKey }),
    estimate: z.number().nullable(),
  }),
});
export type ScoreRecord = z.infer<typeof ScoreRecordSchema>;

export async function writeScoreRecord(store: Store, record: ScoreRecord): Promise<void> {
  await store.set(scoreRecordKey(record.issueId, record.accountId), record);
}

/** Every scorer's record of one issue. */
export async function readIssueScores(deps: StoreDeps, issueId: string): Promise<ScoreRecord[]> {
  return readScores(deps, `${PREFIX}${issueId}:`);
}

/** Every stored score record, grouped by issue id. */
export async function readAllScores(deps: StoreDeps): Promise<Map<string, ScoreRecord[]>> {
  const byIssue = new Map<string, ScoreRecord[]>();
  for (const record of await readScores(deps, PREFIX)) {
    byIssue.set(record.issueId, [...(byIssue.get(record.issueId) ?? []), record]);
  }
  return byIssue;
}

async function readScores(deps: StoreDeps, prefix: string): Promise<ScoreRecord[]> {
  const records: ScoreRecord[] = [];
  for await (const { key, value } of queryAll(deps.store, prefix)) {
    const parsed = ScoreRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    // One damaged record must not hide every other score: it is logged and left out.
    else
      deps.logger.error(
        'a stored score is damaged and left out',
        {},
        new StoredDataError(key, parsed.error.message),
      );
  }
  return records;
}
