import { z } from 'zod';
import { ProjectKey } from '../model';

/**
 * What a user asks to be told about. Each user keeps their own subscriptions (stored under their
 * account id, changed only by themselves): per portfolio, or per project within a portfolio.
 */

export const AlertEventKind = z.enum([
  /** A project's shown RAG became red. */
  'turnedRed',
  /** One of a project's indicators crossed its threshold into amber or red. */
  'thresholdCrossed',
  /** A new open high risk (probability x impact at or above the risk matrix's "high"). */
  'newHighRisk',
  /** The workflow validator refused a transition for an enforced standard. */
  'gateBlocked',
  /** A project's status update is overdue (fed by the status updates feature). */
  'statusUpdateLate',
]);
export type AlertEventKind = z.infer<typeof AlertEventKind>;

export const ALERT_EVENT_LABELS: Record<AlertEventKind, string> = {
  turnedRed: 'Turned red',
  thresholdCrossed: 'An indicator crossed its threshold',
  newHighRisk: 'A new high risk',
  gateBlocked: 'A gate blocked a transition',
  statusUpdateLate: 'A status update is late',
};

/** The portfolio ids of the portfolio page ("all", "category:<id>", "p:<id>"). */
const PortfolioRef = z.string().regex(/^(all|category:\d{1,18}|p:[a-z0-9][a-z0-9-]{0,62})$/);

export const MAX_SUBSCRIPTIONS = 50;

export const SubscriptionSchema = z
  .object({
    portfolioId: PortfolioRef,
    /** Null: every project of the portfolio. */
    projectKey: ProjectKey.nullable(),
    events: z.array(AlertEventKind).min(1, 'choose at least one event').max(AlertEventKind.options.length),
  })
  .strict();

export const SubscriptionsSchema = z
  .object({
    subscriptions: z.array(SubscriptionSchema).max(MAX_SUBSCRIPTIONS),
    /** Also send the day's alerts as one Jira notification e-mail (the daily digest). */
    emailDigest: z.boolean(),
    /** Receive the weekly PMO digest of the subscribed portfolios by e-mail. */
    weeklyDigest: z.boolean().default(false),
  })
  .strict();
export type Subscriptions = z.infer<typeof SubscriptionsSchema>;

export const NO_SUBSCRIPTIONS: Subscriptions = { subscriptions: [], emailDigest: false, weeklyDigest: false };

/** Whether `subscriptions` ask for events of `kind` about `projectKey` in `portfolioId`. */
export function wantsEvent(
  subscriptions: Subscriptions,
  portfolioId: string,
  projectKey: string,
  kind: AlertEventKind,
): boolean {
  return subscriptions.subscriptions.some(
    (subscription) =>
      subscription.portfolioId === portfolioId &&
      (subscription.projectKey === null || subscription.projectKey === projectKey) &&
      subscription.events.includes(kind),
  );
}
