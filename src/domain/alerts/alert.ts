import { z } from 'zod';
import { projectOfKey } from '../dependencies/keys';
import { redactIssueKeys } from '../snapshot/viewer-filter';
import { type AlertEvent, AlertEventSchema, eventId } from './events';

/** One alert in a user's inbox: an event of a refresh run, for one recipient. */
export const AlertSchema = AlertEventSchema.extend({
  /** `<portfolio>.<run>.<event>`: the same run and event always give the same id. */
  id: z.string(),
  portfolioId: z.string(),
  portfolioName: z.string(),
  /** The refresh run that found it. */
  runSeq: z.number().int().nonnegative(),
  /** When the data behind it was read. */
  at: z.string(),
  read: z.boolean(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** Storage keys accept letters, digits and `:._-#`: portfolio ids such as `category:1000` keep their colon as `#`. */
export function alertId(portfolioId: string, runSeq: number, event: AlertEvent): string {
  return `${portfolioId.replace(/:/g, '#')}.${String(runSeq).padStart(8, '0')}.${eventId(event)}`;
}

/** What a recipient may see of whom Jira lets browse which projects and open which issues. */
export interface RecipientScope {
  browsable: ReadonlySet<string>;
  /** Issues in browsable projects that the recipient still may not open (issue security). */
  hiddenIssues: ReadonlySet<string>;
}

/**
 * The alert as `scope` may see it, or null when it is about a project or issue they cannot browse.
 * Issue keys of other projects in its text become "a restricted issue" when hidden from them.
 */
export function alertForRecipient<T extends AlertEvent>(alert: T, scope: RecipientScope): T | null {
  if (!scope.browsable.has(alert.projectKey)) return null;
  if (alert.issueKey !== null && scope.hiddenIssues.has(alert.issueKey)) return null;
  const hidden = (key: string) => scope.hiddenIssues.has(key) || !scope.browsable.has(projectOfKey(key));
  return { ...alert, text: redactIssueKeys(alert.text, hidden) };
}
