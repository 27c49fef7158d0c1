import { createRecordingLogger } from '../src/services/logger';
import {
  readAllScores,
  type ScoreRecord,
  syncScoreSummary,
  writeScoreRecord,
} from '../src/services/scoring/score-store';
import { MemoryStore } from '../src/storage/memory-store';
import type { Store } from '../src/storage/store';

/**
 * Storage reads of one Prioritise view's scores (part of `npm run bench`): N candidates rated by S
 * scorers each, saved as the app saves them (each scorer's record, then the candidate's summary).
 * Counts the query pages the view's score read makes against reading every scorer's record.
 */
export async function scoreReadsBenchmark({ candidates = 500, scorers = 3 } = {}) {
  const store = new MemoryStore();
  const deps = { store, logger: createRecordingLogger() };
  for (let issue = 0; issue < candidates; issue++) {
    const issueId = String(10_000 + issue);
    for (let scorer = 0; scorer < scorers; scorer++) {
      await writeScoreRecord(store, record(issueId, `scorer-${scorer}`));
    }
    await syncScoreSummary(deps, issueId);
  }
  await readAllScores(deps); // the once-per-site summary of earlier scores (none here)
  const pages = countingQueries(store);
  const read = await readAllScores({ store: pages.store, logger: deps.logger });
  return {
    candidates,
    scorers,
    candidatesRead: read.size,
    queryPagesPerView: pages.count(),
    queryPagesReadingEveryScorerRecord: Math.ceil((candidates * scorers) / 100),
  };
}

function countingQueries(store: Store): { store: Store; count: () => number } {
  let count = 0;
  const counted: Store = Object.create(store);
  counted.query = (prefix, options) => {
    count++;
    return store.query(prefix, options);
  };
  counted.get = (key) => store.get(key);
  return { store: counted, count: () => count };
}

function record(issueId: string, accountId: string): ScoreRecord {
  return {
    issueId,
    issueKey: `PROP-${issueId}`,
    accountId,
    at: '2026-01-05T10:00:00.000Z',
    modelId: 'wsjf',
    modelVersion: 'v1',
    configVersion: 1,
    ratings: { 'business-value': 3, 'time-criticality': 2, 'risk-reduction': 4, 'job-size': 2 },
    fieldValues: {},
    issue: {
      summary: `Proposal ${issueId}`,
      projectKey: 'PROP',
      issueType: 'Epic',
      status: { name: 'Backlog', category: 'new' },
      estimate: 5,
    },
  };
}
