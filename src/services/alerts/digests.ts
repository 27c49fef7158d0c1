import { type Alert, AlertSchema, alertForRecipient } from '../../domain/alerts/alert';
import { type DigestMail, dailyDigest, weeklyDigest } from '../../domain/alerts/digest';
import { projectOfKey } from '../../domain/dependencies/keys';
import { addDays } from '../../domain/history/calendar';
import { ragOfCode } from '../../domain/history/day-record';
import { redactIssueKeys } from '../../domain/snapshot/viewer-filter';
import type { JiraClient } from '../../jira/client';
import { queryAll } from '../../storage/store';
import type { AppDeps } from '../deps';
import { readProjectDays, readSummaries } from '../history/history-store';
import { configuredPortfolioId } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { readGateBlocks } from './gate-blocks';
import { pendingMailPrefix } from './keys';
import { lateStatusUpdates } from './late-updates';
import { recordSend } from './send-log';
import { allSubscriptions } from './subscriptions';
import { trackingIssueFor } from './tracking-issues';

/**
 * E-mail through Jira: each digest is one `POST /issue/{key}/notify` on the tracking issue the admin
 * picked, to one recipient, naming only what Jira (asked by the app with `permissions/check` for
 * that recipient) lets them browse. The client retries 429s and 5xx with backoff; what still fails
 * is recorded for the admin and, for the daily digest, kept for the next day's.
 */

/** What Jira lets one recipient browse, of the projects and issues a digest would name. */
interface Permissions {
  projects: Set<string>;
  issues: Set<string>;
}

/** Project ids by key, read once per digest run as the app. */
async function projectIds(jira: JiraClient): Promise<Map<string, number>> {
  return new Map((await jira.searchProjects()).map((project) => [project.key, Number(project.id)]));
}

async function permissionsOf(
  jira: JiraClient,
  accountId: string,
  projectKeys: Iterable<string>,
  issueKeys: readonly string[],
  ids: ReadonlyMap<string, number>,
): Promise<Permissions> {
  const keys = [...new Set(projectKeys)].filter((key) => ids.has(key));
  const issues = issueKeys.length > 0 ? await jira.bulkFetch(issueKeys, ['summary']) : [];
  const issueIds = new Map(issues.map((issue) => [Number(issue.id), issue.key]));
  const granted = await jira.browsableFor(
    accountId,
    keys.map((key) => ids.get(key) as number),
    [...issueIds.keys()],
  );
  return {
    projects: new Set(keys.filter((key) => granted.projects.has(ids.get(key) as number))),
    issues: new Set([...issueIds].filter(([id]) => granted.issues.has(id)).map(([, key]) => key)),
  };
}

async function send(
  jira: JiraClient,
  issueKey: string,
  accountId: string,
  mail: DigestMail,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await jira.notifyIssue(issueKey, { ...mail, to: { users: [{ accountId }] } });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unknown error' };
  }
}

/**
 * The daily digest: every opted-in user's alerts not yet e-mailed, one mail per tracking issue.
 * Run by the daily scheduled trigger; a second run the same day finds nothing left to send.
 */
export async function sendDailyDigests(deps: AppDeps): Promise<{ sent: number; failed: number }> {
  const live = await loadLiveConfig(deps);
  const jira = deps.jira.asApp();
  const day = deps.now().toISOString().slice(0, 10);
  let ids: Map<string, number> | null = null;
  let sent = 0;
  let failed = 0;
  for (const [accountId, subscriptions] of await allSubscriptions(deps)) {
    const pending: { key: string; alert: Alert }[] = [];
    for await (const entry of queryAll(deps.store, pendingMailPrefix(accountId))) {
      const parsed = AlertSchema.safeParse(entry.value);
      if (parsed.success) pending.push({ key: entry.key, alert: parsed.data });
      else await deps.store.delete(entry.key);
    }
    if (pending.length === 0) continue;
    const clear = (entries: readonly { key: string }[]) =>
      Promise.all(entries.map((entry) => deps.store.delete(entry.key)));
    if (!subscriptions.emailDigest) {
      await clear(pending);
      continue;
    }
    const byIssue = new Map<string | null, { key: string; alert: Alert }[]>();
    for (const entry of pending) {
      const issue = trackingIssueFor(live.config, entry.alert.portfolioId, entry.alert.projectKey);
      byIssue.set(issue, [...(byIssue.get(issue) ?? []), entry]);
    }
    ids ??= await projectIds(jira);
    const issueKeys = pending.flatMap(({ alert }) => (alert.issueKey === null ? [] : [alert.issueKey]));
    const trackingKeys = [...byIssue.keys()].filter((key): key is string => key !== null);
    const permissions = await permissionsOf(
      jira,
      accountId,
      [...pending.map(({ alert }) => alert.projectKey), ...trackingKeys.map(projectOfKey)],
      [...new Set([...issueKeys, ...trackingKeys])].slice(0, 100),
      ids,
    );
    for (const [issueKey, entries] of byIssue) {
      const base = {
        at: deps.now().toISOString(),
        kind: 'daily' as const,
        accountId,
        portfolioId: null,
        issueKey,
      };
      if (issueKey === null || !permissions.issues.has(issueKey)) {
        await recordSend(deps, {
          ...base,
          alerts: entries.length,
          status: 'skipped',
          reason:
            issueKey === null
              ? 'No tracking issue is set for these portfolios or projects'
              : 'The recipient cannot browse the tracking issue',
        });
        await clear(entries);
        continue;
      }
      const visible = entries.flatMap(({ alert }) => {
        const hidden = alert.issueKey !== null && !permissions.issues.has(alert.issueKey);
        const shown = hidden
          ? null
          : alertForRecipient(alert, { browsable: permissions.projects, hiddenIssues: new Set() });
        return shown ? [shown] : [];
      });
      if (visible.length === 0) {
        await clear(entries);
        continue;
      }
      const outcome = await send(jira, issueKey, accountId, dailyDigest(visible, day));
      if (outcome.ok) {
        sent++;
        await recordSend(deps, { ...base, alerts: visible.length, status: 'sent', reason: null });
        await clear(entries);
      } else {
        failed++;
        // Kept: the next daily run tries them again.
        await recordSend(deps, { ...base, alerts: visible.length, status: 'failed', reason: outcome.reason });
      }
    }
  }
  return { sent, failed };
}

const RAG_WORDS = { green: 'green', amber: 'amber', red: 'red', none: 'no RAG' } as const;

/**
 * The weekly PMO digest of each portfolio with recipients: its owner (configured portfolios) and the
 * subscribers who asked for it. Red projects and why, what changed since a week ago, late updates,
 * each recipient seeing only what they may browse; sent on the portfolio's tracking issue.
 */
export async function sendWeeklyDigests(deps: AppDeps): Promise<{ sent: number; failed: number }> {
  const live = await loadLiveConfig(deps);
  const recipients = new Map<string, Set<string>>();
  const add = (portfolioId: string, accountId: string) =>
    recipients.set(portfolioId, (recipients.get(portfolioId) ?? new Set()).add(accountId));
  for (const definition of live.config.portfolios) {
    if (definition.ownerAccountId) add(configuredPortfolioId(definition), definition.ownerAccountId);
  }
  for (const [accountId, subscriptions] of await allSubscriptions(deps)) {
    if (!subscriptions.weeklyDigest) continue;
    for (const subscription of subscriptions.subscriptions) add(subscription.portfolioId, accountId);
  }
  const jira = deps.jira.asApp();
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  let ids: Map<string, number> | null = null;
  let sent = 0;
  let failed = 0;
  for (const [portfolioId, accounts] of recipients) {
    const summaries = await readSummaries(deps.store, portfolioId, addDays(today, -14), today);
    const latest = summaries.at(-1);
    if (!latest) continue;
    const weekAgo =
      summaries.filter((summary) => summary.day <= addDays(latest.day, -7)).at(-1) ?? summaries[0];
    const issueKey = trackingIssueFor(live.config, portfolioId, null);
    const name =
      live.config.portfolios.find((definition) => configuredPortfolioId(definition) === portfolioId)?.name ??
      (portfolioId === 'all' ? 'All projects' : portfolioId);
    const redKeys = Object.keys(latest.rag)
      .filter((key) => latest.rag[key] === 'r')
      .sort();
    const reasons = new Map(
      await Promise.all(
        redKeys.map(async (key) => {
          const [day] = await readProjectDays(deps.store, portfolioId, key, latest.day, latest.day);
          return [key, Object.values(day?.reasons ?? {})] as const;
        }),
      ),
    );
    const blocks = await readGateBlocks(deps, addDays(today, -7), now.toISOString());
    const late = await lateStatusUpdates(deps, portfolioId, Object.keys(latest.rag), now);
    ids ??= await projectIds(jira);
    for (const accountId of accounts) {
      const base = { at: now.toISOString(), kind: 'weekly' as const, accountId, portfolioId, issueKey };
      const skip = (reason: string) => recordSend(deps, { ...base, alerts: 0, status: 'skipped', reason });
      if (issueKey === null) {
        await skip('No tracking issue is set for this portfolio');
        continue;
      }
      const permissions = await permissionsOf(
        jira,
        accountId,
        [...Object.keys(latest.rag), projectOfKey(issueKey)],
        [issueKey],
        ids,
      );
      if (!permissions.issues.has(issueKey)) {
        await skip('The recipient cannot browse the tracking issue');
        continue;
      }
      const sees = (key: string) => permissions.projects.has(key);
      // Reasons name issues; only those of projects the recipient browses stay named.
      const redact = (text: string) => redactIssueKeys(text, (key) => !sees(projectOfKey(key)));
      const changes = [
        ...Object.keys(latest.rag)
          .filter(
            (key) => sees(key) && weekAgo?.rag[key] !== undefined && weekAgo.rag[key] !== latest.rag[key],
          )
          .sort()
          .map(
            (key) =>
              `${key} (${latest.names[key] ?? key}): ${RAG_WORDS[ragOfCode(weekAgo?.rag[key] ?? 'n')]} → ${RAG_WORDS[ragOfCode(latest.rag[key] ?? 'n')]}`,
          ),
        ...Object.entries(latest.highRisks)
          .filter(([risk, project]) => sees(project) && !(weekAgo && risk in weekAgo.highRisks))
          .map(([risk, project]) => `New high risk ${risk} in ${project}`),
        ...countBy(
          blocks
            .filter((block) => block.projectKey in latest.rag && sees(block.projectKey))
            .map((block) => block.projectKey),
        ).map(
          ([project, count]) =>
            `${count} transition${count === 1 ? '' : 's'} stopped at a gate in ${project}`,
        ),
      ];
      const mail = weeklyDigest({
        portfolioName: name,
        weekEnding: latest.day,
        red: redKeys.filter(sees).map((key) => ({
          projectKey: key,
          name: latest.names[key] ?? key,
          reasons: (reasons.get(key) ?? []).map(redact),
        })),
        changes,
        lateUpdates: late
          .filter((update) => sees(update.projectKey))
          .map((update) => `${update.projectKey}: the update for ${update.period} is late`),
      });
      const outcome = await send(jira, issueKey, accountId, mail);
      if (outcome.ok) sent++;
      else failed++;
      await recordSend(deps, {
        ...base,
        alerts: 0,
        status: outcome.ok ? 'sent' : 'failed',
        reason: outcome.ok ? null : outcome.reason,
      });
    }
  }
  return { sent, failed };
}

function countBy(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}
