import type { AlertView, InboxAnswer } from '../../contracts/alerts';
import { type Alert, AlertSchema, alertForRecipient, type RecipientScope } from '../../domain/alerts/alert';
import { AppError } from '../../domain/errors';
import { queryAll } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { browsableProjects } from '../snapshots/viewer-access';
import { inboxKey, inboxPrefix } from './keys';

/** The inbox shows the newest alerts; older ones beyond this are deleted when it is read. */
export const INBOX_KEEP = 200;
const SHOWN = 100;
const BULK_FETCH_KEYS = 100;

async function storedAlerts(deps: AppDeps, accountId: string): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for await (const entry of queryAll(deps.store, inboxPrefix(accountId))) {
    const parsed = AlertSchema.safeParse(entry.value);
    if (parsed.success) alerts.push(parsed.data);
  }
  // Newest first; within a run, in the order events were found.
  return alerts.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}

/**
 * What Jira lets the user see, asked as the user: the projects they browse (cached a few minutes)
 * and, of the issues the alerts name, those they may open (bulk fetch answers only those).
 */
async function recipientScope(
  deps: AppDeps,
  accountId: string,
  alerts: readonly Alert[],
): Promise<RecipientScope> {
  const { keys } = await browsableProjects(deps, accountId);
  const named = [
    ...new Set(
      alerts
        .filter((alert) => alert.issueKey !== null && keys.has(alert.projectKey))
        .map((a) => a.issueKey as string),
    ),
  ];
  const hiddenIssues = new Set(named);
  const jira = deps.jira.asUser(accountId);
  for (let start = 0; start < named.length; start += BULK_FETCH_KEYS) {
    for (const issue of await jira.bulkFetch(named.slice(start, start + BULK_FETCH_KEYS), ['summary'])) {
      hiddenIssues.delete(issue.key);
    }
  }
  return { browsable: keys, hiddenIssues };
}

function viewOf(alert: Alert): AlertView {
  return { ...alert, url: `/browse/${alert.issueKey ?? alert.projectKey}` };
}

/**
 * The acting user's alerts (of one portfolio, or all), newest first, each only if it is about a
 * project and issue Jira lets them browse now; the unread count counts only those.
 */
export async function listAlerts(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId?: string | undefined },
): Promise<InboxAnswer> {
  const stored = await storedAlerts(deps, actor.accountId);
  if (stored.length > INBOX_KEEP + 50) {
    await Promise.all(
      stored.slice(INBOX_KEEP).map((alert) => deps.store.delete(inboxKey(actor.accountId, alert.id))),
    );
  }
  const kept = stored
    .slice(0, INBOX_KEEP)
    .filter((alert) => input.portfolioId === undefined || alert.portfolioId === input.portfolioId);
  const scope = await recipientScope(deps, actor.accountId, kept.slice(0, SHOWN * 2));
  const visible = kept.flatMap((alert) => {
    const shown = alertForRecipient(alert, scope);
    return shown ? [shown] : [];
  });
  return {
    alerts: visible.slice(0, SHOWN).map(viewOf),
    unread: visible.filter((alert) => !alert.read).length,
    total: visible.length,
  };
}

/** Marks the named alerts (or all) of the acting user read; ids of others' alerts find nothing. */
export async function markAlertsRead(
  deps: AppDeps,
  actor: Actor,
  input: { ids: string[] } | { all: true },
): Promise<{ marked: number }> {
  const { keys } = await browsableProjects(deps, actor.accountId);
  // Alerts about projects they no longer browse stay out of sight, and out of reach.
  const stored = (await storedAlerts(deps, actor.accountId)).filter((alert) => keys.has(alert.projectKey));
  const wanted = 'all' in input ? null : new Set(input.ids);
  if (wanted && wanted.size > 0 && !stored.some((alert) => wanted.has(alert.id))) {
    throw new AppError('NOT_FOUND', 'That alert is not in your inbox.');
  }
  const toMark = stored.filter((alert) => !alert.read && (wanted === null || wanted.has(alert.id)));
  await Promise.all(
    toMark.map((alert) => deps.store.set(inboxKey(actor.accountId, alert.id), { ...alert, read: true })),
  );
  return { marked: toMark.length };
}
