import { NO_SUBSCRIPTIONS, type Subscriptions, SubscriptionsSchema } from '../../domain/alerts/subscriptions';
import { AppError } from '../../domain/errors';
import type { Store } from '../../storage/store';
import { queryAll } from '../../storage/store';
import type { Actor, AppDeps, StoreDeps } from '../deps';
import { scopeOfPortfolio } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { browsableProjects } from '../snapshots/viewer-access';
import { SUBSCRIPTIONS_PREFIX, subscriptionsKey } from './keys';

async function readSubscriptions(store: Store, accountId: string): Promise<Subscriptions> {
  const parsed = SubscriptionsSchema.safeParse(await store.get(subscriptionsKey(accountId)));
  return parsed.success ? parsed.data : NO_SUBSCRIPTIONS;
}

/** The acting user's own subscriptions (nobody reads or sets another's). */
export async function getSubscriptions(deps: AppDeps, actor: Actor): Promise<Subscriptions> {
  return readSubscriptions(deps.store, actor.accountId);
}

/**
 * Replaces the acting user's subscriptions. Each portfolio must exist and each project must be one
 * they can browse (they would never see its alerts otherwise).
 */
export async function saveSubscriptions(
  deps: AppDeps,
  actor: Actor,
  input: Subscriptions,
): Promise<Subscriptions> {
  const live = await loadLiveConfig(deps);
  for (const subscription of input.subscriptions)
    scopeOfPortfolio(subscription.portfolioId, live.config.portfolios);
  const named = input.subscriptions.flatMap((subscription) =>
    subscription.projectKey === null ? [] : [subscription.projectKey],
  );
  if (named.length > 0 || input.subscriptions.length > 0) {
    const { keys } = await browsableProjects(deps, actor.accountId);
    if (keys.size === 0) {
      throw new AppError(
        'FORBIDDEN',
        'You cannot browse any project, so there is nothing to be alerted about.',
      );
    }
    const unknown = named.filter((key) => !keys.has(key));
    if (unknown.length > 0) {
      throw new AppError('NOT_FOUND', `You cannot browse project ${unknown[0]}, or it does not exist.`);
    }
  }
  // One entry per portfolio and project: the last one chosen wins.
  const byTarget = new Map(
    input.subscriptions.map((subscription) => [
      `${subscription.portfolioId}|${subscription.projectKey ?? ''}`,
      { ...subscription, events: [...new Set(subscription.events)] },
    ]),
  );
  const saved: Subscriptions = { ...input, subscriptions: [...byTarget.values()] };
  await deps.store.set(subscriptionsKey(actor.accountId), saved);
  return saved;
}

/** Everyone's subscriptions, by account id (evaluation and digests); damaged entries are skipped. */
export async function allSubscriptions(deps: StoreDeps): Promise<Map<string, Subscriptions>> {
  const found = new Map<string, Subscriptions>();
  for await (const entry of queryAll(deps.store, SUBSCRIPTIONS_PREFIX)) {
    const parsed = SubscriptionsSchema.safeParse(entry.value);
    if (parsed.success) found.set(entry.key.slice(SUBSCRIPTIONS_PREFIX.length), parsed.data);
    else deps.logger.warn('skipped damaged alert subscriptions', { key: entry.key });
  }
  return found;
}
