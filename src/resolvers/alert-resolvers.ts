import { listAlerts, markAlertsRead } from '../services/alerts/inbox';
import { getNotificationStatus } from '../services/alerts/send-log';
import { getSubscriptions, saveSubscriptions } from '../services/alerts/subscriptions';
import type { AppDeps } from '../services/deps';
import { resolverDefiner } from './define';

/** Alerts: the caller's own subscriptions and inbox (identity from the context); admins' send log. */
export function createAlertResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getAlertSubscriptions: defineResolver('getAlertSubscriptions', (_input, actor) =>
      getSubscriptions(deps, actor),
    ),
    saveAlertSubscriptions: defineResolver('saveAlertSubscriptions', (input, actor) =>
      saveSubscriptions(deps, actor, input),
    ),
    listAlerts: defineResolver('listAlerts', (input, actor) => listAlerts(deps, actor, input)),
    markAlertsRead: defineResolver('markAlertsRead', (input, actor) => markAlertsRead(deps, actor, input)),
    getNotificationStatus: defineResolver('getNotificationStatus', (_input, actor) =>
      getNotificationStatus(deps, actor),
    ),
  };
}
