/**
 * `POST /issue/{issueIdOrKey}/notify`: Jira queues an e-mail about an issue. The simulator sends
 * nothing; it records what would be sent (the outbox), which tests read through `JiraSim.outbox()`
 * or `GET /__sim/notifications`.
 */
import { type Ctx, JiraError, noContent, objectBody, type RouteDef } from '../http';

/** One notification as Jira would queue it: who asked, on which issue, to whom, with what. */
export interface SentNotification {
  issueKey: string;
  /** The account that called the endpoint (the app, for the PMO digest). */
  sentBy: string;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  /** Account ids named in `to.users`. */
  toAccountIds: string[];
  at: number;
}

/** What the simulator has "sent", oldest first. */
export class NotificationOutbox {
  private sent: SentNotification[] = [];

  record(notification: SentNotification): void {
    this.sent.push(notification);
  }

  list(): SentNotification[] {
    return this.sent.map((entry) => ({ ...entry, toAccountIds: [...entry.toAccountIds] }));
  }

  clear(): void {
    this.sent = [];
  }
}

const NOTIFICATION_FIELDS = new Set(['subject', 'textBody', 'htmlBody', 'to', 'restrict']);
const RECIPIENT_FLAGS = ['reporter', 'assignee', 'watchers', 'voters'] as const;
const RECIPIENT_FIELDS = new Set<string>([...RECIPIENT_FLAGS, 'users', 'groups', 'groupIds']);

function stringOrNull(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new JiraError(400, [`'${name}' must be a string.`]);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The `to` object per the spec's NotificationRecipients; the account ids it names. */
function recipientsOf(to: unknown): { accountIds: string[]; anyone: boolean } {
  if (to === undefined) return { accountIds: [], anyone: false };
  if (!isObject(to)) throw new JiraError(400, ["'to' must be an object."]);
  for (const key of Object.keys(to)) {
    if (!RECIPIENT_FIELDS.has(key)) throw new JiraError(400, [`Unrecognized field "to.${key}".`]);
  }
  for (const flag of RECIPIENT_FLAGS) {
    if (to[flag] !== undefined && typeof to[flag] !== 'boolean') {
      throw new JiraError(400, [`'to.${flag}' must be a boolean.`]);
    }
  }
  const users = to.users ?? [];
  if (!Array.isArray(users)) throw new JiraError(400, ["'to.users' must be an array."]);
  const accountIds = users.map((user, index) => {
    if (!isObject(user) || typeof user.accountId !== 'string' || user.accountId === '') {
      throw new JiraError(400, [`'to.users[${index}].accountId' is required.`]);
    }
    if (user.accountId.length > 128) {
      throw new JiraError(400, [`'to.users[${index}].accountId' is longer than 128 characters.`]);
    }
    return user.accountId;
  });
  for (const list of ['groups', 'groupIds'] as const) {
    if (to[list] !== undefined && !Array.isArray(to[list])) {
      throw new JiraError(400, [`'to.${list}' must be an array.`]);
    }
  }
  const anyone =
    accountIds.length > 0 ||
    RECIPIENT_FLAGS.some((flag) => to[flag] === true) ||
    ((to.groups as unknown[] | undefined)?.length ?? 0) > 0 ||
    ((to.groupIds as unknown[] | undefined)?.length ?? 0) > 0;
  return { accountIds, anyone };
}

function notify(ctx: Ctx) {
  const ref = ctx.params.issueIdOrKey ?? '';
  const issue = ctx.state.findIssue(ref);
  if (!issue || !ctx.access.canSee(issue)) {
    throw new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  const body = objectBody(ctx);
  for (const key of Object.keys(body)) {
    if (!NOTIFICATION_FIELDS.has(key)) throw new JiraError(400, [`Unrecognized field "${key}".`]);
  }
  const subject = stringOrNull(body, 'subject');
  const textBody = stringOrNull(body, 'textBody');
  const htmlBody = stringOrNull(body, 'htmlBody');
  if (body.restrict !== undefined && !isObject(body.restrict)) {
    throw new JiraError(400, ["'restrict' must be an object."]);
  }
  const recipients = recipientsOf(body.to);
  if (!recipients.anyone) throw new JiraError(400, ['The notification has no recipients.']);
  if (recipients.accountIds.includes(ctx.user.accountId)) {
    // Jira refuses a notification whose recipient is the caller.
    throw new JiraError(400, ['The recipient is the same as the calling user.']);
  }
  const unknown = recipients.accountIds.filter((id) => !ctx.runtime.users.some((u) => u.accountId === id));
  if (unknown.length > 0) {
    throw new JiraError(400, [`No user with account id ${unknown.join(', ')}.`]);
  }
  ctx.state.outbox.record({
    issueKey: issue.key,
    sentBy: ctx.user.accountId,
    subject,
    textBody,
    htmlBody,
    toAccountIds: recipients.accountIds,
    at: ctx.now,
  });
  return noContent();
}

export const notifyRoutes: RouteDef[] = [
  { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/notify', handler: notify },
];
