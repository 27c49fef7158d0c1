import type { AppDeps } from '../deps';

/**
 * Display names of people by account id, for answers that name someone (risk owners, who published
 * a version, who set an override). Ids stay what is stored; names are asked of Jira at view time with
 * `/user/bulk` (as the app, in batches), and kept per site for at most {@link USER_NAME_TTL_MS}, so a
 * renamed or removed person shows correctly within minutes. The cache lives in module memory, which a
 * warm Forge process shares between sites: it is keyed by installation.
 */

export const USER_NAME_TTL_MS = 10 * 60_000;
/** What a person Jira does not name (deleted, or hidden from the app) is shown as: never a raw id. */
export const UNKNOWN_USER = 'Unknown user';
const MAX_CACHED_PER_SITE = 5_000;

interface CachedName {
  /** Null: Jira answered without this person. */
  name: string | null;
  expiresAt: number;
}

const sites = new Map<string, Map<string, CachedName>>();

/** Forgets every cached name (tests). */
export function clearUserNameCache(): void {
  sites.clear();
}

/**
 * Names of `accountIds` on the site of `installation`, by id; ids Jira does not name are absent.
 * When Jira cannot be asked, the names still cached are answered (a page never fails for a name).
 */
export async function userNames(
  deps: Pick<AppDeps, 'jira' | 'now' | 'logger'>,
  installation: string,
  accountIds: Iterable<string>,
): Promise<Map<string, string>> {
  const now = deps.now().getTime();
  let site = sites.get(installation);
  if (!site) {
    site = new Map();
    sites.set(installation, site);
  }
  const wanted = [...new Set(accountIds)].filter((id) => id.length > 0);
  const missing = wanted.filter((id) => {
    const cached = site.get(id);
    return cached === undefined || cached.expiresAt <= now;
  });
  if (missing.length > 0) {
    try {
      const found = await deps.jira.asApp().userNames(missing);
      if (site.size + missing.length > MAX_CACHED_PER_SITE) site.clear();
      for (const id of missing) {
        site.set(id, { name: found.get(id) ?? null, expiresAt: now + USER_NAME_TTL_MS });
      }
    } catch (error) {
      deps.logger.warn('could not read display names from Jira; showing the names still cached', {}, error);
    }
  }
  const names = new Map<string, string>();
  for (const id of wanted) {
    const name = site.get(id)?.name;
    if (name) names.set(id, name);
  }
  return names;
}

/** The name to show for `accountId`: Jira's, else {@link UNKNOWN_USER}; null for nobody. */
export function nameOf(names: ReadonlyMap<string, string>, accountId: string | null): string | null {
  if (accountId === null) return null;
  return names.get(accountId) ?? UNKNOWN_USER;
}
