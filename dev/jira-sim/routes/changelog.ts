/**
 * `POST /changelog/bulkfetch`: the changelogs of up to 1,000 issues, oldest change first (then by
 * issue id), paged by changelog entries. Each issue's log is its generated past (dev/jira-sim/history.ts)
 * followed by the changes made through the API and the mutation hooks since the sim started.
 */
import { type Ctx, countOf, JiraError, objectBody, ok, type RouteDef, stringArray } from '../http';
import type { ChangeEntry, ChangeItem } from '../state';
import { jiraDateTime } from '../time';

/** Jira leaves out empty `from`/`to` values (the schema has no nulls). */
function withoutNulls(item: ChangeItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) if (typeof v === 'string') out[k] = v;
  return out;
}

function pageOffset(token: unknown): number {
  if (token === undefined || token === null) return 0;
  const decoded = Buffer.from(String(token), 'base64url').toString('utf8');
  if (!/^\d+$/.test(decoded))
    throw new JiraError(400, ['The provided next page token is invalid or expired.']);
  return Number(decoded);
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
  if (new Set(fieldIds).size !== fieldIds.length) throw new JiraError(400, ['fieldIds must be unique.']);
  const maxRaw = body.maxResults;
  if (
    maxRaw !== undefined &&
    (typeof maxRaw !== 'number' || !Number.isInteger(maxRaw) || maxRaw < 1 || maxRaw > 10000)
  ) {
    throw new JiraError(400, ['maxResults must be between 1 and 10000.']);
  }
  const maxResults = (maxRaw as number | undefined) ?? 1000;
  const offset = pageOffset(body.nextPageToken);
  const all: ChangeEntry[] = [];
  const seen = new Set<number>();
  for (const ref of refs) {
    const issue = ctx.state.findIssue(ref);
    if (!issue || !ctx.access.canSee(issue) || seen.has(issue.id)) continue;
    seen.add(issue.id);
    for (const entry of ctx.state.changelog(issue.id)) {
      const items =
        fieldIds.length === 0 ? entry.items : entry.items.filter((i) => fieldIds.includes(i.fieldId));
      if (items.length > 0) all.push({ ...entry, items });
    }
  }
  all.sort((a, b) => a.created - b.created || a.issueId - b.issueId || a.id - b.id);
  const page = all.slice(offset, offset + maxResults);
  const byIssue = new Map<string, unknown[]>();
  for (const history of page) {
    const issueId = String(history.issueId);
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
  {
    method: 'POST',
    path: '/rest/api/3/changelog/bulkfetch',
    handler: bulkChangelog,
    // Like the other reads: a point for the request and one per issue whose changes it returns.
    objects: countOf('issueChangeLogs'),
  },
];
