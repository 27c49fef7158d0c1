import type { SettingsProblem } from '../../contracts/settings';
import type { PmoConfig } from '../../domain/config/schema';
import type { ManualOverride } from '../../domain/health/health';
import type { JiraClient } from '../../jira/client';

/**
 * Manual RAG overrides as every write path stores them (save, import, restore, single override):
 * who set an override and when is the server's to say, never the payload's, and an override can only
 * be set on a project the writer can browse, with an expiry in the future.
 *
 * An override whose rag, reason and expiry equal the live one's is unchanged: it keeps the live
 * author and time whatever the candidate claims. Every other override is set by this write: it gets
 * the writer as author and the server's time, after the checks.
 */

/** `/rest/api/3/project/search` takes at most 50 keys per request. */
const KEYS_PER_REQUEST = 50;

export interface AuthoredOverrides {
  overrides: PmoConfig['overrides'];
  problems: SettingsProblem[];
}

export async function authorOverrides(
  jira: JiraClient,
  writer: { accountId: string; now: Date },
  live: PmoConfig | null,
  candidate: PmoConfig,
): Promise<AuthoredOverrides> {
  const overrides: PmoConfig['overrides'] = {};
  const changed: string[] = [];
  for (const [projectKey, override] of Object.entries(candidate.overrides)) {
    const current =
      live !== null && Object.hasOwn(live.overrides, projectKey) ? live.overrides[projectKey] : undefined;
    if (current !== undefined && sameSetting(current, override)) {
      overrides[projectKey] = current;
    } else {
      changed.push(projectKey);
      overrides[projectKey] = {
        rag: override.rag,
        reason: override.reason,
        expiresAt: override.expiresAt,
        by: writer.accountId,
        setAt: writer.now.toISOString(),
      };
    }
  }
  const problems: SettingsProblem[] = [];
  for (const projectKey of changed) {
    const override = overrides[projectKey];
    if (override && Date.parse(override.expiresAt) <= writer.now.getTime()) {
      problems.push({
        path: `overrides.${projectKey}.expiresAt`,
        message: `The override of ${projectKey} must expire in the future`,
        severity: 'error',
      });
    }
  }
  const visible = await browsableKeys(jira, changed);
  for (const projectKey of changed) {
    if (!visible.has(projectKey)) {
      problems.push({
        path: `overrides.${projectKey}`,
        message: `There is no project ${projectKey} you can see: an override can only be set on a project you can browse`,
        severity: 'error',
      });
    }
  }
  return { overrides, problems };
}

function sameSetting(a: ManualOverride, b: ManualOverride): boolean {
  return a.rag === b.rag && a.reason === b.reason && a.expiresAt === b.expiresAt;
}

/** The keys among `keys` that Jira lets the (user-scoped) client browse. */
async function browsableKeys(jira: JiraClient, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    const chunk = keys.slice(start, start + KEYS_PER_REQUEST);
    for (const project of await jira.searchProjects({ keys: chunk })) found.add(project.key);
  }
  return found;
}
