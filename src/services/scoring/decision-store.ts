import { type DecisionRecord, DecisionRecordSchema } from '../../domain/scoring/decision';
import { queryAll, readParsed, StoredDataError } from '../../storage/store';
import type { StoreDeps } from '../deps';

/**
 * The authorisation decision log in app storage: one record per decision,
 * `decision:<issueId>:<decisionId>`, written only when the key is absent. The id is derived from
 * the request (the panel's request id, or the Jira changelog id of a move made in Jira), so a
 * double click, a retried request or a redelivered event records once, and nothing is ever read,
 * changed and written back.
 */

const PREFIX = 'decision:';
const decisionKey = (issueId: string, decisionId: string) => `${PREFIX}${issueId}:${decisionId}`;

/** A decision made in the panel, keyed by the client's request id. */
export const panelDecisionId = (requestId: string) => `p-${requestId}`;
/** A move into Planning made in Jira, keyed by its changelog entry. */
export const movedInJiraDecisionId = (changelogId: string) => `j-${changelogId}`;

/**
 * Creates the record unless one with its id exists; answers the record that is stored (the earlier
 * one when the same decision was sent before).
 */
export async function createDecision(deps: StoreDeps, record: DecisionRecord): Promise<DecisionRecord> {
  const key = decisionKey(record.issueId, record.id);
  if (await deps.store.setIfAbsent(key, record)) return record;
  return (await readDecision(deps, record.issueId, record.id)) ?? record;
}

export async function readDecision(
  deps: StoreDeps,
  issueId: string,
  decisionId: string,
): Promise<DecisionRecord | undefined> {
  return readParsed(deps.store, decisionKey(issueId, decisionId), DecisionRecordSchema);
}

/** One candidate's decisions (any order). */
export function readIssueDecisions(deps: StoreDeps, issueId: string): Promise<DecisionRecord[]> {
  return readDecisions(deps, `${PREFIX}${issueId}:`);
}

/** Every decision of the site (any order): the RAID decision log and Prioritise filter them. */
export function readAllDecisions(deps: StoreDeps): Promise<DecisionRecord[]> {
  return readDecisions(deps, PREFIX);
}

async function readDecisions(deps: StoreDeps, prefix: string): Promise<DecisionRecord[]> {
  const records: DecisionRecord[] = [];
  for await (const { key, value } of queryAll(deps.store, prefix)) {
    const parsed = DecisionRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    // One damaged record must not hide the rest of the log: it is logged and left out.
    else
      deps.logger.error(
        'a stored decision is damaged and left out',
        {},
        new StoredDataError(key, parsed.error.message),
      );
  }
  return records;
}

/**
 * Marks an approval in progress from the panel, so the issue-updated event of the move it makes is
 * not recorded a second time as "moved in Jira". Kept for {@link APPROVAL_MARK_MS}.
 */
const approvalMarkKey = (issueId: string) => `authorising:${issueId}`;
export const APPROVAL_MARK_MS = 5 * 60_000;

export async function markApproval(deps: StoreDeps, issueId: string, at: Date): Promise<void> {
  await deps.store.set(approvalMarkKey(issueId), { at: at.toISOString() });
}

export async function clearApproval(deps: StoreDeps, issueId: string): Promise<void> {
  await deps.store.delete(approvalMarkKey(issueId));
}

export async function approvalInProgress(deps: StoreDeps, issueId: string, now: Date): Promise<boolean> {
  const mark = await deps.store.get(approvalMarkKey(issueId));
  const at =
    typeof mark === 'object' && mark !== null && 'at' in mark && typeof mark.at === 'string'
      ? Date.parse(mark.at)
      : Number.NaN;
  return Number.isFinite(at) && now.getTime() - at < APPROVAL_MARK_MS;
}
