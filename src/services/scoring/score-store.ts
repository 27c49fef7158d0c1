import { z } from 'zod';
import { StatusRefSchema } from '../../domain/model';
import { CriterionValuesSchema } from '../../domain/scoring/schema';
import { queryAll, type Store, StoredDataError } from '../../storage/store';
import type { StoreDeps } from '../deps';

/**
 * Candidates' scores in app storage: one record per scorer per issue, `score:<issueId>:<accountId>`.
 * A scorer replaces only their own record, so two people saving at the same moment are both kept.
 * Each record carries the issue as the scorer saw it (for the Prioritise view, which reads storage,
 * not Jira) and the model version its ratings were made under.
 *
 * Views read one summary per candidate instead (`score-sum:<issueId>`: every scorer's record of the
 * issue), so a view's reads grow with the candidates, not with candidates x scorers: ceil(N / 100)
 * query pages for N candidates. A save rewrites the summary from the issue's records and reads them
 * again until nothing changed meanwhile (see {@link syncScoreSummary}).
 */

const PREFIX = 'score:';
const SUMMARY_PREFIX = 'score-sum:';
/** Set once every score saved before summaries existed has one. */
const SUMMARIES_COMPLETE_KEY = 'score-sum-index:v1';
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
    status: StatusRefSchema,
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

const ScoreSummarySchema = z.object({ issueId: z.string(), records: z.array(ScoreRecordSchema) });

/** Rounds of re-reading when another scorer saved meanwhile (each round sees every record written before it). */
const MAX_SUMMARY_ROUNDS = 4;

/** Who saved when: equal when no scorer saved between two readings. */
export const scoreFingerprint = (records: readonly { accountId: string; at: string }[]) =>
  records
    .map((record) => `${record.accountId}@${record.at}`)
    .sort()
    .join('|');

/**
 * Rewrites the issue's summary from its scorers' records, then reads them again; when another scorer
 * saved meanwhile it writes again, so the last writer's summary holds every record (two scorers
 * saving at once are both kept). Answers the records written.
 */
export async function syncScoreSummary(deps: StoreDeps, issueId: string): Promise<ScoreRecord[]> {
  let records = await readIssueScores(deps, issueId);
  for (let round = 0; round < MAX_SUMMARY_ROUNDS; round++) {
    await deps.store.set(`${SUMMARY_PREFIX}${issueId}`, { issueId, records });
    const after = await readIssueScores(deps, issueId);
    if (scoreFingerprint(after) === scoreFingerprint(records)) break;
    records = after;
  }
  return records;
}

/** Every candidate's score records, grouped by issue id: one summary read per candidate. */
export async function readAllScores(deps: StoreDeps): Promise<Map<string, ScoreRecord[]>> {
  if ((await deps.store.get(SUMMARIES_COMPLETE_KEY)) === undefined) await summariseEarlierScores(deps);
  const byIssue = new Map<string, ScoreRecord[]>();
  for await (const { key, value } of queryAll(deps.store, SUMMARY_PREFIX)) {
    const parsed = ScoreSummarySchema.safeParse(value);
    if (parsed.success) byIssue.set(parsed.data.issueId, parsed.data.records);
    else logDamaged(deps, key, parsed.error.message);
  }
  return byIssue;
}

/**
 * Once per site: gives every score saved before summaries existed its summary. Create-only, so a
 * summary a save wrote meanwhile (from fresher records) is never replaced by this older reading.
 */
async function summariseEarlierScores(deps: StoreDeps): Promise<void> {
  const byIssue = new Map<string, ScoreRecord[]>();
  for (const record of await readScores(deps, PREFIX)) {
    byIssue.set(record.issueId, [...(byIssue.get(record.issueId) ?? []), record]);
  }
  for (const [issueId, records] of byIssue) {
    await deps.store.setIfAbsent(`${SUMMARY_PREFIX}${issueId}`, { issueId, records });
  }
  await deps.store.setIfAbsent(SUMMARIES_COMPLETE_KEY, { at: new Date().toISOString() });
}

function logDamaged(deps: StoreDeps, key: string, message: string) {
  // One damaged record must not hide every other score: it is logged and left out.
  deps.logger.error('a stored score is damaged and left out', {}, new StoredDataError(key, message));
}

async function readScores(deps: StoreDeps, prefix: string): Promise<ScoreRecord[]> {
  const records: ScoreRecord[] = [];
  for await (const { key, value } of queryAll(deps.store, prefix)) {
    const parsed = ScoreRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else logDamaged(deps, key, parsed.error.message);
  }
  return records;
}
