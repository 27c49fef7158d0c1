import { z } from 'zod';
import { LinkTypeSchema } from '../domain/model';

/**
 * Zod schemas for the Jira Cloud REST v3 responses the app reads. Only what the app uses is
 * declared; unknown extra properties are ignored (zod strips them), so new Jira fields never break
 * parsing. Shapes follow Atlassian's OpenAPI spec (vendored under dev/jira-sim/openapi).
 */

export const JiraUserSchema = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
  timeZone: z.string().optional(),
  locale: z.string().optional(),
});

/** A page of one of Jira's paged lists (`PageBean`): its values, and whether it is the last page. */
const pageOf = <T extends z.ZodType>(value: T) =>
  z.object({ values: z.array(value), isLast: z.boolean().optional() });

/** A page of `/user/bulk`. */
export const UserPageSchema = pageOf(JiraUserSchema);

/** A page of `/group/bulk`. */
export const GroupPageSchema = pageOf(z.object({ name: z.string(), groupId: z.string().nullish() }));

export const JiraProjectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
  projectTypeKey: z.string().optional(),
  projectCategory: z.object({ id: z.string(), name: z.string() }).optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
  lead: JiraUserSchema.partial().optional(),
});
export type JiraProject = z.infer<typeof JiraProjectSchema>;

export const ProjectPageSchema = pageOf(JiraProjectSchema).extend({
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
  nextPage: z.string().optional(),
});

/** An issue as search and bulk fetch return it; its fields are parsed one by one by the mapper. */
export const JiraIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).default({}),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

export const SearchPageSchema = z.object({
  issues: z.array(JiraIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

export const ApproximateCountSchema = z.object({ count: z.number().int().nonnegative() });

export const BulkFetchSchema = z.object({
  issues: z.array(JiraIssueSchema),
  issueErrors: z.array(z.unknown()).optional(),
});

/** Jira answers link types in the shape the domain keeps them. */
export const IssueLinkTypesSchema = z.object({ issueLinkTypes: z.array(LinkTypeSchema) });

/** A workflow status as `/rest/api/3/status` lists it (the parts the app reads). */
export const JiraStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }),
});
export type JiraStatus = z.infer<typeof JiraStatusSchema>;
export const JiraStatusesSchema = z.array(JiraStatusSchema);

export const FieldSchema = z.object({
  id: z.string(),
  key: z.string().optional(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .object({ type: z.string(), items: z.string().optional(), custom: z.string().optional() })
    .partial()
    .optional(),
});
export type JiraField = z.infer<typeof FieldSchema>;
export const FieldsSchema = z.array(FieldSchema);

export const MyPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ key: z.string().optional(), havePermission: z.boolean() })),
});

export const PermittedProjectsSchema = z.object({
  projects: z.array(z.object({ id: z.number().or(z.string()).transform(String), key: z.string() })),
});

/** `POST /permissions/check`: the projects and issues in which a user holds each permission. */
export const BulkPermissionGrantsSchema = z.object({
  globalPermissions: z.array(z.string()),
  projectPermissions: z.array(
    z.object({
      permission: z.string(),
      projects: z.array(z.number().int()),
      issues: z.array(z.number().int()),
    }),
  ),
});

export const ParsedJqlSchema = z.object({
  queries: z.array(
    z.object({
      query: z.string(),
      errors: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
      /** The parsed query; `orderBy` is present when the query orders its results. */
      structure: z.object({ orderBy: z.unknown().optional() }).loose().optional(),
    }),
  ),
});

/** `/myself?expand=groups`: the groups the user belongs to. */
/** `GET /rest/api/3/serverInfo`: only what the app reads. `serverTimeZone` is the site's default time zone. */
export const ServerInfoSchema = z.object({
  baseUrl: z.string(),
  serverTimeZone: z.string().optional(),
});

export const MyselfWithGroupsSchema = JiraUserSchema.extend({
  groups: z
    .object({ items: z.array(z.object({ name: z.string(), groupId: z.string().nullish() })).default([]) })
    .optional(),
});

/** `/project/{key}/role`: role name to the role's URL (its id is the URL's last segment). */
export const ProjectRolesSchema = z.record(z.string(), z.string());

/** `/project/{key}/role/{id}`: a project role with its actors (users and groups) in that project. */
export const ProjectRoleSchema = z.object({
  id: z.number().or(z.string()).transform(String),
  name: z.string(),
  actors: z
    .array(
      z.object({
        type: z.string().optional(),
        actorUser: z.object({ accountId: z.string() }).optional(),
        actorGroup: z.object({ name: z.string().optional(), displayName: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});
export type JiraProjectRole = z.infer<typeof ProjectRoleSchema>;

/** `/issuetype`: the issue types the principal can see. */
export const IssueTypesSchema = z.array(
  z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() }),
);
export type JiraIssueType = z.infer<typeof IssueTypesSchema>[number];

/** `/projectCategory`: every project category of the site. */
export const ProjectCategoriesSchema = z.array(
  z.object({ id: z.string(), name: z.string(), description: z.string().optional() }),
);
export type JiraProjectCategory = z.infer<typeof ProjectCategoriesSchema>[number];

export const IssuePropertySchema = z.object({ key: z.string(), value: z.unknown() });

/** `GET /rest/api/3/issue/{key}/transitions`: the transitions the principal may perform now. */
export const TransitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      to: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
});
export type JiraTransition = z.infer<typeof TransitionsSchema>['transitions'][number];

/** `POST /rest/api/3/issue/{key}/comment`: the created comment (the parts the app reads). */
export const CreatedCommentSchema = z.object({ id: z.string() });

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
export const JiraErrorBodySchema = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  message: z.string().optional(),
});

/** `POST /rest/api/3/changelog/bulkfetch` (BulkChangelogResponseBean): changelogs, oldest change first. */
// Jira leaves empty values out: an item without `toString` must read as null, not find
// Object.prototype.toString (so values are read as own properties only).
const ownText = (item: object, key: string): string | null => {
  const value: unknown = Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : null;
  return typeof value === 'string' ? value : null;
};
const ChangeDetailsSchema = z
  .object({
    field: z.string().optional(),
    fieldId: z.string().optional(),
    from: z.string().nullable().optional(),
    fromString: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
    toString: z.unknown().optional(),
  })
  .transform((item) => ({
    field: item.field ?? null,
    fieldId: item.fieldId ?? null,
    from: ownText(item, 'from'),
    fromText: ownText(item, 'fromString'),
    to: ownText(item, 'to'),
    toText: ownText(item, 'toString'),
  }));
export const BulkChangelogSchema = z.object({
  issueChangeLogs: z
    .array(
      z.object({
        issueId: z.string(),
        changeHistories: z
          .array(z.object({ created: z.string(), items: z.array(ChangeDetailsSchema).default([]) }))
          .default([]),
      }),
    )
    .default([]),
  nextPageToken: z.string().nullable().optional(),
});
export type BulkChangelog = z.infer<typeof BulkChangelogSchema>;
