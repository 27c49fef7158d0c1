import { z } from 'zod';
import { AlertSchema } from '../domain/alerts/alert';
import { SubscriptionsSchema } from '../domain/alerts/subscriptions';
import { PortfolioId } from './portfolio';

/** An alert as its recipient sees it, with where it leads in Jira (relative to the site). */
export const AlertViewSchema = AlertSchema.extend({ url: z.string() });
export type AlertView = z.infer<typeof AlertViewSchema>;

export const InboxAnswerSchema = z.object({
  /** Newest first, at most 100. */
  alerts: z.array(AlertViewSchema),
  unread: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type InboxAnswer = z.infer<typeof InboxAnswerSchema>;

/** One attempt to e-mail a digest, as the admin's "Notifications" section lists it. */
export const NotificationSendSchema = z.object({
  at: z.string(),
  kind: z.enum(['daily', 'weekly']),
  /** The recipient, named at view time ("Unknown user" when Jira names nobody). */
  recipient: z.string(),
  portfolioId: z.string().nullable(),
  issueKey: z.string().nullable(),
  alerts: z.number().int().nonnegative(),
  status: z.enum(['sent', 'failed', 'skipped']),
  /** Why it failed or was skipped; null when sent. */
  reason: z.string().nullable(),
});

export const NotificationStatusSchema = z.object({
  sends: z.array(NotificationSendSchema),
  failures: z.number().int().nonnegative(),
});
export type NotificationStatus = z.infer<typeof NotificationStatusSchema>;

const AlertId = z.string().regex(/^[A-Za-z0-9:._#-]{1,300}$/, 'expected an alert id');

/** Alerts: each user's own subscriptions and inbox; the admin's view of the e-mails sent. */
export const alertsContract = {
  getAlertSubscriptions: { input: z.object({}).strict(), output: SubscriptionsSchema },
  saveAlertSubscriptions: { input: SubscriptionsSchema, output: SubscriptionsSchema },
  listAlerts: {
    input: z.object({ portfolioId: PortfolioId.optional() }).strict(),
    output: InboxAnswerSchema,
  },
  markAlertsRead: {
    input: z.union([
      z.object({ ids: z.array(AlertId).min(1).max(200) }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    output: z.object({ marked: z.number().int().nonnegative() }),
  },
  getNotificationStatus: { input: z.object({}).strict(), output: NotificationStatusSchema },
} as const;
