import { z } from 'zod';
import type { AppDeps } from './deps';
import { recordMovedInJira, type StatusMove } from './scoring/record-moved-in-jira';
import { dirtyKey } from './snapshots/keys';
import { refreshIssueCompliance } from './standards/refresh-issue-compliance';

/** Forge issue and issue-link events; only the parts the app reads. */
export const IssueEventSchema = z.object({
  eventType: z.string(),
  issue: z
    .object({
      id: z.string().optional(),
      key: z.string(),
      fields: z
        .object({ project: z.object({ key: z.string() }).optional() })
        .partial()
        .optional(),
    })
    .optional(),
  issueLink: z
    .object({ sourceIssueId: z.string().or(z.number()), destinationIssueId: z.string().or(z.number()) })
    .optional(),
  /** Who made the change, when Jira says. */
  atlassianId: z.string().min(1).max(128).optional(),
  /** What changed (issue-updated events); items are read field by field, see statusMoveOf. */
  changelog: z
    .object({
      id: z.string().or(z.number()).optional(),
      items: z.array(z.record(z.string(), z.unknown())).max(500),
    })
    .optional(),
});

/**
 * Issue and link triggers mark the issues concerned as changed, so the next incremental refresh
 * re-reads them (or removes them, when deleted), and re-evaluate the standards on them, keeping
 * the JQL-searchable compliance property current.
 */
export async function recordIssueChange(deps: AppDeps, event: unknown): Promise<void> {
  const parsed = IssueEventSchema.safeParse(event);
  if (!parsed.success) {
    // Where the event broke only: the issue's fields (its summary, its people) stay out of the logs.
    const first = parsed.error.issues[0];
    deps.logger.warn('ignored an issue event of unexpected shape', {
      path: first?.path.map(String).join('.') ?? null,
      code: first?.code ?? null,
    });
    return;
  }
  const issues = issuesOf(parsed.data);
  await markDirty(deps, parsed.data.eventType, issues);
  if (isIssueDeletion(parsed.data.eventType)) return;
  for (const issue of issues) {
    try {
      await refreshIssueCompliance(deps, issue);
    } catch (error) {
      // One unreadable issue (deleted meanwhile, no longer visible to the app) must not fail the event.
      deps.logger.warn(
        'could not re-evaluate the issue after an event',
        { issue, eventType: parsed.data.eventType },
        error,
      );
    }
  }
  const move = statusMoveOf(parsed.data, deps.now());
  if (move) {
    try {
      await recordMovedInJira(deps, move);
    } catch (error) {
      deps.logger.warn(
        'could not record a move into Planning as a decision',
        { issue: move.issueKey },
        error,
      );
    }
  }
}

/** The status change an issue-updated event carries, if any (names as Jira sent them). */
function statusMoveOf(event: z.infer<typeof IssueEventSchema>, now: Date): StatusMove | null {
  if (!event.issue || !event.changelog) return null;
  const item = event.changelog.items.find((candidate) => candidate.field === 'status');
  const text = (key: string) => {
    const value = item && Object.hasOwn(item, key) ? item[key] : undefined;
    return typeof value === 'string' && value.length > 0 ? value : null;
  };
  const fromStatus = text('fromString');
  const toStatus = text('toString');
  if (!fromStatus || !toStatus) return null;
  // Without a changelog id, a redelivery within the same minute is the same move.
  const changeId =
    event.changelog.id === undefined
      ? `${event.issue.id ?? event.issue.key}-m${Math.floor(now.getTime() / 60_000)}`
      : String(event.changelog.id);
  return {
    issueKey: event.issue.key,
    changeId: changeId.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100),
    fromStatus,
    toStatus,
    by: event.atlassianId ?? null,
  };
}

/**
 * Marks the issues an event names as changed, for the next incremental refresh of every portfolio:
 * re-read by id (a search may not show the change yet), or removed when deleted. One record per
 * issue and event, never a shared list, so concurrent events lose nothing.
 */
async function markDirty(deps: AppDeps, eventType: string, ids: readonly string[]): Promise<void> {
  const atMs = deps.now().getTime();
  const deleted = isIssueDeletion(eventType);
  await Promise.all(
    ids.map((issueId) => deps.store.set(dirtyKey(atMs, issueId), { issueId, deleted, at: atMs })),
  );
}

/** The issues an event is about, by id (by key when Jira sent no id): the issue, or both ends of a link. */
function issuesOf(event: z.infer<typeof IssueEventSchema>): string[] {
  if (event.issue) return [event.issue.id ?? event.issue.key];
  if (event.issueLink) {
    return [String(event.issueLink.sourceIssueId), String(event.issueLink.destinationIssueId)];
  }
  return [];
}

/** `avi:jira:deleted:issue`, not `avi:jira:deleted:issuelink` (a removed link leaves both issues). */
export function isIssueDeletion(eventType: string): boolean {
  return /:deleted:issue$/.test(eventType);
}
