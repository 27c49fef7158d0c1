import { z } from 'zod';
import { FieldRoleSchema } from '../field-roles';
import { ManualOverrideSchema } from '../health/health';
import { isKnownTimeZone } from '../history/calendar';
import { IssueKey, ProjectKey } from '../model';
import { ScoringSettingsSchema } from '../scoring/schema';
import { EngineSettingsSchema } from '../settings';
import { defaultLifecycle, defaultStandards } from '../standards/defaults';
import { LifecycleSchema, Slug, StandardsSchema } from '../standards/schema';
import { StatusSettingsSchema } from '../status/settings';

/**
 * The whole PMO configuration: one value, versioned as a unit (every save is a new version, the
 * live configuration points at one). Import/export is this schema as JSON.
 */

/** Site custom field ids by role; roles not listed are discovered by field name. */
export const FieldMappingSchema = z.partialRecord(
  FieldRoleSchema,
  z.string().regex(/^customfield_\d{1,18}$/, 'expected a custom field id like customfield_10016'),
);

/** Refresh cadences an admin can choose, from hourly (the schedule runs every hour) to weekly. */
export const RefreshMinutes = z
  .number()
  .int()
  .min(60)
  .max(7 * 24 * 60);
export const DEFAULT_REFRESH_MINUTES = 60;

/** A portfolio an admin defines: which projects it covers and who owns it. */
export const PortfolioDefinitionSchema = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(200),
    ownerAccountId: z.string().min(1).max(128).nullable().default(null),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('projects'), projectKeys: z.array(ProjectKey).min(1).max(500) }).strict(),
      z.object({ kind: z.literal('category'), categoryId: z.string().regex(/^\d{1,18}$/) }).strict(),
      /** Validated with /rest/api/3/jql/parse before it is saved. */
      z.object({ kind: z.literal('jql'), jql: z.string().trim().min(1).max(4000) }).strict(),
    ]),
    /** How often the app refreshes the portfolio's snapshot from Jira, in minutes (when absent: hourly, `DEFAULT_REFRESH_MINUTES`). */
    refreshMinutes: RefreshMinutes.optional(),
    /** Status updates: cadence, due weekday and who may write them (when absent: weekly, due Friday, lead and project admins). */
    status: StatusSettingsSchema.optional(),
  })
  .strict();
export type PortfolioDefinition = z.infer<typeof PortfolioDefinitionSchema>;

/** History keeps at least this many days by default: a year plus a quarter for year-on-year looks. */
export const DEFAULT_HISTORY_RETENTION_DAYS = 400;

export const HistorySettingsSchema = z
  .object({
    /** IANA time zone whose calendar days the history follows; null: the site's default time zone. */
    timeZone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(isKnownTimeZone, 'expected an IANA time zone such as Europe/Paris or UTC')
      .nullable()
      .default(null),
    /** Days of history kept; older days are deleted. */
    retentionDays: z.number().int().min(90).max(1100).default(DEFAULT_HISTORY_RETENTION_DAYS),
  })
  .strict();
export type HistorySettings = z.infer<typeof HistorySettingsSchema>;

/** Where the app's e-mails about a portfolio or project go out from: Jira sends them "about" this issue. */
export const TrackingIssueSchema = z
  .object({
    target: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('portfolio'),
          portfolioId: z.string().regex(/^(all|category:\d{1,18}|p:[a-z0-9][a-z0-9-]{0,62})$/),
        })
        .strict(),
      z.object({ kind: z.literal('project'), projectKey: ProjectKey }).strict(),
    ]),
    /** Checked to exist when the settings are saved. */
    issueKey: IssueKey,
  })
  .strict();
export type TrackingIssue = z.infer<typeof TrackingIssueSchema>;

export const NotificationSettingsSchema = z
  .object({ trackingIssues: z.array(TrackingIssueSchema).max(200).default([]) })
  .strict();

export const PmoConfigSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    engine: EngineSettingsSchema.default(EngineSettingsSchema.parse({})),
    fieldMapping: FieldMappingSchema.default({}),
    /** One lifecycle for the site: an issue belongs to several portfolios, its gates must not differ. */
    lifecycle: LifecycleSchema.default(defaultLifecycle),
    standards: StandardsSchema.prefault(defaultStandards),
    portfolios: z.array(PortfolioDefinitionSchema).max(200).default([]),
    /** Manual RAG overrides by project key. */
    overrides: z.record(ProjectKey, ManualOverrideSchema).default({}),
    access: z
      .object({
        /** Members of this Jira group may change settings besides Jira admins; null: admins only. */
        pmoGroupName: z.string().trim().min(1).max(255).nullable().default(null),
      })
      .strict()
      .default({ pmoGroupName: null }),
    history: HistorySettingsSchema.default({ timeZone: null, retentionDays: DEFAULT_HISTORY_RETENTION_DAYS }),
    /** Alert e-mails: the tracking issue per portfolio or project that Jira's notification is sent on. */
    notifications: NotificationSettingsSchema.default({ trackingIssues: [] }),
    /** Scoring and prioritisation of candidates (proposals); off until an admin turns it on. */
    scoring: ScoringSettingsSchema.prefault({}),
  })
  .strict();
export type PmoConfig = z.infer<typeof PmoConfigSchema>;
export type PmoConfigInput = z.input<typeof PmoConfigSchema>;

/** What a new install starts with: the default standards and lifecycle, discovered field mapping. */
export const defaultPmoConfig: PmoConfig = PmoConfigSchema.parse({});
