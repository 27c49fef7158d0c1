import { z } from 'zod';

/**
 * The normalised domain model. Jira adapters map REST responses into these shapes; everything in
 * `domain/` and `services/` works on them only. Zod schemas are the source of the types.
 */

/** Jira's three status categories, by their stable keys. */
export const StatusCategoryKey = z.enum(['new', 'indeterminate', 'done']);
export type StatusCategoryKey = z.infer<typeof StatusCategoryKey>;

/** Jira's default project key rule: a capital letter, then capitals, digits or underscores. */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,30}$/;
/** An issue key: the project key, a dash and the issue's number. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,30}-\d{1,10}$/;
export const ProjectKey = z.string().regex(PROJECT_KEY_PATTERN, 'expected a project key like ABC');
export const IssueKey = z.string().regex(ISSUE_KEY_PATTERN, 'expected an issue key like ABC-123');

/** Something named by its id, with the name shown to people (a stage, a standard, a field, an issue type). */
export const NamedRefSchema = z.object({ id: z.string(), name: z.string() });

/** An issue's status: its name on the site and its category. */
export const StatusRefSchema = z.object({ name: z.string(), category: StatusCategoryKey });
export type StatusRef = z.infer<typeof StatusRefSchema>;

/** An issue link type as the site defines it: "Blocks" with its outward and inward texts. */
export const LinkTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});
export type LinkType = z.infer<typeof LinkTypeSchema>;

export const ProjectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  leadAccountId: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** Workflow validators only run in company-managed ("classic") projects. */
  style: z.enum(['classic', 'next-gen']),
});
export type Project = z.infer<typeof ProjectSchema>;

export const IssueLinkSchema = z.object({
  /** Link type name as configured on the site ("Blocks", "Dependency", ...). */
  type: z.string(),
  /** Direction as seen from the issue that carries the link. */
  direction: z.enum(['outward', 'inward']),
  otherKey: z.string(),
  otherStatusCategory: StatusCategoryKey.nullable(),
});
export type IssueLink = z.infer<typeof IssueLinkSchema>;

/** ISO date (YYYY-MM-DD), as Jira stores due dates and date custom fields. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PortfolioIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  issueType: z.string(),
  status: StatusRefSchema,
  priority: z.string().nullable(),
  assigneeAccountId: z.string().nullable(),
  labels: z.array(z.string()),
  parentKey: z.string().nullable(),
  /** ISO timestamps. */
  created: z.string(),
  updated: z.string(),
  resolved: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  startDate: IsoDate.nullable(),
  storyPoints: z.number().nullable(),
  /** Risk scales are 1..5; null when the field is missing or empty on this issue. */
  riskProbability: z.number().int().min(1).max(5).nullable(),
  riskImpact: z.number().int().min(1).max(5).nullable(),
  links: z.array(IssueLinkSchema),
  /** True when the issue has an issue security level (never show its details unless read as the user). */
  restricted: z.boolean(),
  /** Raw field values by field id, for standards that name arbitrary fields. */
  fields: z.record(z.string(), z.unknown()),
});
export type PortfolioIssue = z.infer<typeof PortfolioIssueSchema>;

/** Issue counts per status category. */
export const StatusCategoryCountsSchema = z.object({
  new: z.number().int().nonnegative(),
  indeterminate: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
});
export type StatusCategoryCounts = z.infer<typeof StatusCategoryCountsSchema>;
