import { z } from 'zod';

/**
 * One field change of one issue as Jira's changelog reports it, cut to what a reconstruction of the
 * past reads: the issue (its id, as the changelog names it), when (epoch ms), the field and the
 * values before and after. Values are Jira's ids (status and resolution ids, due dates as
 * YYYY-MM-DD); for links they are the link's text ("This issue blocks ABC-12"), since the changelog
 * names the other issue and the link's direction only there.
 */
export const ChangedField = z.enum(['status', 'resolution', 'duedate', 'link']);
export type ChangedField = z.infer<typeof ChangedField>;

export const IssueChangeSchema = z.object({
  issueId: z.string(),
  at: z.number(),
  field: ChangedField,
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type IssueChange = z.infer<typeof IssueChangeSchema>;

/** Jira field ids of the changes a reconstruction reads (the changelog filter takes at most 10). */
export const CHANGELOG_FIELD_IDS: Readonly<Record<ChangedField, string>> = {
  status: 'status',
  resolution: 'resolution',
  duedate: 'duedate',
  link: 'issuelinks',
};
