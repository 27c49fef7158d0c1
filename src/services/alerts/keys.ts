/** Storage keys of the alerts feature (account ids and alert ids use only characters keys accept). */
export const SUBSCRIPTIONS_PREFIX = 'alerts:subs:';
export const subscriptionsKey = (accountId: string) => `${SUBSCRIPTIONS_PREFIX}${accountId}`;

/** What the previous evaluation of a portfolio saw (a blob: a large portfolio's day exceeds a value). */
export const baselineKey = (portfolioId: string) => `alerts:baseline:${portfolioId}`;

export const inboxPrefix = (accountId: string) => `alerts:inbox:${accountId}:`;
export const inboxKey = (accountId: string, alertId: string) => `${inboxPrefix(accountId)}${alertId}`;

/** Alerts waiting for the recipient's next daily e-mail digest. */
export const pendingMailPrefix = (accountId: string) => `alerts:mail:${accountId}:`;
export const pendingMailKey = (accountId: string, alertId: string) =>
  `${pendingMailPrefix(accountId)}${alertId}`;

/** The record of each e-mail attempt, newest last by key, for the admin's "Notifications" section. */
export const SEND_LOG_PREFIX = 'alerts:sent:';
