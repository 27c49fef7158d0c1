/**
 * `POST /changelog/bulkfetch`: status history per issue. History before the sim started is synthesised
 * from the issue's dates (created -> in progress -> done); changes made through the API are recorded.
 */
import { STATUS } from '../catalog';
import { statusCategoryOf } from '../generator';
import { type Ctx, JiraError, objectBody, ok, type RouteDef, stringArray } from '../http';
import type { ChangeEntry, ChangeItem, SimState } from '../state';
import { jiraDateTime } from '../time';
import type { SimIssue } from '../types';

function statusItem(state: SimState, from: string, to: string): ChangeItem {
  return {
    field: 'status',
    fieldId: 'status',
    fieldtype: 'jira',
    from,
    fromString: state.status(from).name,
    to,
    toString: state.status(to).name,
  };
}

/** What happened to the issue before the simulator started (deterministic from its dates). */
export function synthesizedHistory(state: SimState, issue: SimIssue): ChangeEntry[] {
  const recorded = state.changes.get(issue.id) ?? [];
  // The status the issue had when the sim started: undo recorded status changes.
  let initialStatus = issue.statusId;
  for (let i = recorded.length - 1; i >= 0; i--) {
    const s = recorded[i]?.items.find((it) => it.fieldId === 'status');
    if (s?.from) initialStatus = s.from;
  }
  const author = issue.assignee ?? issue.reporter;
  const cat = statusCategoryOf(initialStatus);
  const entries: ChangeEntry[] = [];
  const startStatus = STATUS.toDo;
  if (cat === 'indeterminate' && initialStatus !== startStatus) {
    entries.push({
      id: issue.id * 10 + 1,
      issueId: issue.id,
      author,
      created: issue.statusChanged,
      items: [statusItem(state, startStatus, initialStatus)],
    });
  } else if (cat === 'done') {
    const resolved = issue.resolved ?? issue.statusChanged;
    const started = issue.created + Math.floor((resolved - issue.created) / 2);
    entries.push({
      id: issue.id * 10 + 1,
      issueId: issue.id,
      author,
      created: started,
      items: [statusItem(state, startStatus, STATUS.inProgress)],
    });
    const items: ChangeItem[] = [statusItem(state, STATUS.inProgress, initialStatus)];
    entries.push({ id: issue.id * 10 + 2, issueId: issue.id, author, created: resolved, items });
  } else if (cat === 'new' && initialStatus !== startStatus) {
    entries.push({
      id: issue.id * 10 + 1,
      issueId: issue.id,
      author,
      created: issue.created,
      items: [statusItem(state, startStatus, initialStatus)],
    });
  }
  return [...entries, ...recorded];
}

/** Jira leaves out empty `from`/`to` values (the schema has no nulls). */
function withoutNulls(item: ChangeItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) if (typeof v === 'string') out[k] = v;
  return out;
}

function bulkChangelog(ctx: Ctx) {
  const body = objectBody(ctx);
  for (const k of Object.keys(body)) {
    if (!['issueIdsOrKeys', 'fieldIds', 'maxResults', 'nextPageToken'].includes(k)) {
      throw new JiraError(400, [`Unrecognized field "${k}".`]);
    }
  }
  const refs = stringArray(body, 'issueIdsOrKeys');
  if (!refs || refs.length === 0 || refs.length > 1000) {
    throw new JiraError(400, ['issueIdsOrKeys must contain between 1 and 1000 issue IDs or keys.']);
  }
  const fieldIds = stringArray(body, 'fieldIds') ?? [];
  if (fieldIds.length > 10) throw new JiraError(400, ['A maximum of 10 fieldIds can be requested.']);
  const maxRaw = body.maxResults;
  if (
    maxRaw !== undefined &&
    (typeof maxRaw !== 'number' || !Number.isInteger(maxRaw) || maxRaw < 1 || maxRaw > 10000)
  ) {
    throw new JiraError(400, ['maxResults must be between 1 and 10000.']);
  }
  const maxResults = (maxRaw as number | undefined) ?? 1000;
  let offset = 0;
  if (body.nextPageToken !== undefined && body.nextPageToken !== null) {
    const decoded = Buffer.from(String(body.nextPageToken), 'base64url').toString('utf8');
    if (!/^\d+$/.test(decoded))
      throw new JiraError(400, ['The provided next page token is invalid or expired.']);
    offset = Number(decoded);
  }
  const all: { issueId: string; history: ChangeEntry }[] = [];
  const seen = new Set<number>();
  for (const ref of refs) {
    const issue = ctx.state.findIssue(ref);
    if (!issue || !ctx.access.canSee(issue) || seen.has(issue.id)) continue;
    seen.add(issue.id);
    for (const entry of synthesizedHistory(ctx.state, issue)) {
      const items =
        fieldIds.length === 0 ? entry.items : entry.items.filter((i) => fieldIds.includes(i.fieldId));
      if (items.length > 0) all.push({ issueId: String(issue.id), history: { ...entry, items } });
    }
  }
  const page = all.slice(offset, offset + maxResults);
  const byIssue = new Map<string, unknown[]>();
  for (const { issueId, history } of page) {
    const list = byIssue.get(issueId) ?? [];
    const author = ctx.render.user(history.author);
    list.push({
      id: String(history.id),
      ...(author ? { author } : {}),
      created: jiraDateTime(history.created),
      items: history.items.map(withoutNulls),
    });
    byIssue.set(issueId, list);
  }
  const out: Record<string, unknown> = {
    issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
  };
  if (offset + page.length < all.length) {
    out.nextPageToken = Buffer.from(String(offset + page.length), 'utf8').toString('base64url');
  }
  return ok(out);
}

export const changelogRoutes: RouteDef[] = [
  { method: 'POST', path: '/rest/api/3/changelog/bulkfetch', handler: bulkChangelog },
];
