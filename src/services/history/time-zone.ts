import type { HistorySettings } from '../../domain/config/schema';
import { isKnownTimeZone } from '../../domain/history/calendar';
import type { AppDeps } from '../deps';

/** The site's default time zone is read from Jira at most once a day (it changes rarely). */
const SITE_TIME_ZONE_KEY = 'site:time-zone';
const SITE_TIME_ZONE_TTL_MS = 24 * 3_600_000;

/**
 * The time zone whose calendar days the history follows: the one set in the settings, else the
 * site's default (Jira's `serverInfo.serverTimeZone`), else UTC when Jira cannot say.
 */
export async function historyTimeZone(deps: AppDeps, settings: HistorySettings): Promise<string> {
  if (settings.timeZone) return settings.timeZone;
  const nowMs = deps.now().getTime();
  const cached = (await deps.store.get(SITE_TIME_ZONE_KEY)) as
    | { at?: unknown; timeZone?: unknown }
    | undefined;
  if (
    typeof cached?.timeZone === 'string' &&
    typeof cached.at === 'number' &&
    nowMs - cached.at < SITE_TIME_ZONE_TTL_MS &&
    isKnownTimeZone(cached.timeZone)
  ) {
    return cached.timeZone;
  }
  try {
    const info = await deps.jira.asApp().serverInfo();
    const timeZone =
      info.serverTimeZone && isKnownTimeZone(info.serverTimeZone) ? info.serverTimeZone : 'UTC';
    await deps.store.set(SITE_TIME_ZONE_KEY, { at: nowMs, timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
