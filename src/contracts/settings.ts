import { z } from 'zod';
import { ConfigChangeSchema } from '../domain/config/diff';
import { ConfigOriginSchema } from '../domain/config/origin';
import { FieldMappingSchema, type PmoConfigInput, PmoConfigSchema } from '../domain/config/schema';
import { IndicatorName, ManualOverrideSchema, Rag } from '../domain/health/health';
import { LinkTypeSchema, NamedRefSchema, ProjectKey, StatusCategoryKey } from '../domain/model';
import { BlockingLinkMappingSchema } from '../domain/settings';

/**
 * Resolver keys of the settings feature (the admin page): merged into `resolverContract` in
 * contract.ts.
 *
 * Who may call what (checked on the server on every call, never trusted from the client):
 * - every signed-in user: `getSiteCatalog` (read as that user: only what Jira shows them);
 * - settings editors (Jira admins with ADMINISTER, and members of `access.pmoGroupName` when an admin
 *   has named one): everything else, `getSettings` included (the configuration holds override
 *   reasons and portfolio definitions). Others get FORBIDDEN and nothing changes.
 * - only Jira admins may change `access` (who else may edit), even when a PMO group may edit.
 *
 * Writes carry `baseVersion`, the live version the edit started from; when another save came first
 * the answer is CONFLICT with details `{ liveVersion, yourBase }` and nothing is written.
 */

export const SETTINGS_LIMITS = {
  /** A configuration is stored as one value: its JSON must stay under this (240 KiB less metadata). */
  maxConfigBytes: 232 * 1024,
  /** Largest import text accepted (bytes of UTF-8); larger answers PAYLOAD_TOO_LARGE. */
  maxImportBytes: 1024 * 1024,
  maxCommentLength: 1000,
  /** Issues a dry run evaluates at most; beyond it the result says `sampled: true`. */
  dryRunIssueCap: 2000,
  /** Example issues a dry run lists per project. */
  dryRunSamplePerProject: 5,
} as const;

/** A configuration version number; 0 is the built-in defaults of a site nobody has configured. */
export const VersionNumber = z.number().int().min(0).max(99_999_999);
const Comment = z.string().trim().max(SETTINGS_LIMITS.maxCommentLength).default('');
const Cursor = z
  .string()
  .regex(/^p\d{1,8}v\d{1,8}$/, 'expected a cursor from a previous page')
  .optional();
const Limit = z.number().int().min(1).max(100).default(20);

/** A problem with a configuration: `error`s block a save, `warning`s are shown only. */
export const SettingsProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type SettingsProblem = z.infer<typeof SettingsProblemSchema>;

export const LiveSettingsSchema = z.object({
  version: VersionNumber,
  /** ISO timestamp; null for the built-in defaults (version 0). */
  savedAt: z.string().nullable(),
  /** Account id of who saved it; null for the built-in defaults. */
  author: z.string().nullable(),
  /** Their display name ("Unknown user" when Jira names nobody); null for the built-in defaults. */
  authorName: z.string().nullable().optional(),
  config: PmoConfigSchema,
});

/** Metadata of one configuration version (no config). Version 0 has origin `defaults`. */
export const VersionMetaSchema = z.object({
  version: VersionNumber,
  basedOn: VersionNumber,
  author: z.string().nullable(),
  /** The author's display name, resolved when listed. */
  authorName: z.string().nullable().optional(),
  savedAt: z.string().nullable(),
  comment: z.string(),
  origin: z.union([ConfigOriginSchema, z.object({ kind: z.literal('defaults') })]),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const AuditActionSchema = z.enum(['save', 'restore', 'import', 'override']);

/** One audit entry: one per configuration version, newest first when listed. */
export const AuditEntrySchema = z.object({
  /** Stable id (`v00000012`). */
  id: z.string(),
  /** ISO timestamp. */
  at: z.string(),
  /** Account id of who made the change. */
  actor: z.string(),
  /** Their display name, resolved when listed (never stored). */
  actorName: z.string().optional(),
  action: AuditActionSchema,
  version: VersionNumber,
  basedOn: VersionNumber,
  /** For a restore: the version restored. */
  restoredFrom: VersionNumber.nullable(),
  /** For an override: the project. */
  projectKey: z.string().nullable(),
  comment: z.string(),
  changes: z.array(ConfigChangeSchema),
  /** Changes left out to keep the entry small (the version diff shows them all). */
  omittedChanges: z.number().int().nonnegative(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const SampleIssueSchema = z.object({ key: z.string(), summary: z.string(), messages: z.array(z.string()) });

export const DryRunResultSchema = z.object({
  /** The live version the candidate was compared with. */
  liveVersion: VersionNumber,
  evaluatedIssues: z.number().int().nonnegative(),
  /** Projects whose issues were evaluated (those the candidate's or live standards cover). */
  evaluatedProjects: z.number().int().nonnegative(),
  /** True when the issue cap was reached: the figures cover the first `cap` issues only. */
  sampled: z.boolean(),
  cap: z.number().int().positive(),
  /** Issues compliant under the live configuration that would violate a candidate standard. */
  newlyNonCompliant: z.object({
    issues: z.number().int().nonnegative(),
    projects: z.number().int().nonnegative(),
  }),
  /** Issues non-compliant today that the candidate would make compliant. */
  newlyCompliant: z.object({ issues: z.number().int().nonnegative() }),
  /**
   * Moves (issue, target status) the workflow validator would newly block. Target statuses are the
   * statuses seen among the project's evaluated issues (an approximation of its workflows).
   */
  newlyBlockedTransitions: z.number().int().nonnegative(),
  perProject: z.array(
    z.object({
      projectKey: z.string(),
      /** Newly non-compliant issues in this project. */
      issues: z.number().int().nonnegative(),
      newlyBlockedTransitions: z.number().int().nonnegative(),
      /** Issues the candidate changes: newly non-compliant, or with a move it would newly block. */
      affectedIssues: z.number().int().nonnegative(),
      /** A few of the affected issues, with the candidate's violations and the moves it would block. */
      sample: z.array(SampleIssueSchema),
    }),
  ),
  /**
   * Projects whose RAG the candidate would change (from → to) and why, computed on the stored "All
   * projects" snapshot the editor may browse (no Jira read); null when there is no snapshot yet.
   */
  health: z
    .object({
      /** The snapshot's "as of". */
      asOf: z.string(),
      /** Projects compared. */
      projects: z.number().int().nonnegative(),
      changes: z.array(
        z.object({
          projectKey: z.string(),
          projectName: z.string(),
          from: Rag,
          to: Rag,
          /** Each indicator whose RAG moves (and the override), with the reason under the candidate. */
          reasons: z.array(
            z.object({
              indicator: z.union([IndicatorName, z.literal('override')]),
              from: Rag,
              to: Rag,
              reason: z.string(),
            }),
          ),
        }),
      ),
      /** True when link, RAID-type or risk field changes need a refresh before they show in health. */
      needsRefresh: z.boolean(),
    })
    .nullable(),
  /** Standards the candidate cannot evaluate as written (unknown stage, unmapped role). */
  problems: z.array(z.object({ standardId: z.string(), ruleId: z.string().nullable(), message: z.string() })),
  generatedAt: z.string(),
  /**
   * How the draft's scoring settings would move the Prioritise ranking, from stored scores (no Jira
   * read); null when scoring is off under both the live settings and the draft.
   */
  ranking: z
    .object({
      /** The active model's name under the live settings and under the draft (null: scoring off). */
      modelBefore: z.string().nullable(),
      modelAfter: z.string().nullable(),
      /** Candidates ranked under either. */
      compared: z.number().int().nonnegative(),
      /** Candidates whose rank changes (entering or leaving the ranking included). */
      moved: z.number().int().nonnegative(),
      /** The biggest moves first, at most ten. */
      changes: z.array(
        z.object({
          issueKey: z.string(),
          summary: z.string(),
          rankBefore: z.number().int().positive().nullable(),
          rankAfter: z.number().int().positive().nullable(),
          scoreBefore: z.number().nullable(),
          scoreAfter: z.number().nullable(),
        }),
      ),
      /** The draft's candidate JQL changed: it is checked with Jira when saved, not in the dry run. */
      jqlNotChecked: z.boolean(),
    })
    .nullable()
    .default(null),
});
export type DryRunResult = z.infer<typeof DryRunResultSchema>;

export const SiteCatalogSchema = z.object({
  projects: z.array(z.object({ key: z.string(), name: z.string(), categoryId: z.string().nullable() })),
  categories: z.array(NamedRefSchema),
  issueTypes: z.array(NamedRefSchema),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), category: StatusCategoryKey })),
  fields: z.array(
    z.object({ id: z.string(), name: z.string(), custom: z.boolean(), type: z.string().nullable() }),
  ),
  linkTypes: z.array(LinkTypeSchema),
  /** Custom fields whose names fit a role (the admin confirms them). */
  suggestedFieldMapping: FieldMappingSchema,
  /** Link types whose texts say "blocks" / "depends on". */
  suggestedBlockingLinks: z.array(BlockingLinkMappingSchema),
});
export type SiteCatalog = z.infer<typeof SiteCatalogSchema>;

const Saved = z.object({ version: VersionNumber });

export const settingsContract = {
  /** The live configuration and what the caller may change (settings editors only). */
  getSettings: {
    input: z.object({}).strict(),
    output: z.object({
      live: LiveSettingsSchema,
      canEdit: z.boolean(),
      /** Only Jira admins may change `access` (who else may edit). */
      canEditAccess: z.boolean(),
      /** Why the caller may not edit, when `canEdit` is false. */
      editReason: z.string().nullable(),
      /** Display names of the people the live settings name by account id (override setters). */
      names: z.record(z.string(), z.string()).optional(),
    }),
  },
  /** What the editor's pickers offer, read as the caller: projects, categories, types, statuses, fields, link types. */
  getSiteCatalog: { input: z.object({}).strict(), output: SiteCatalogSchema },
  /**
   * Checks a draft before saving: the schema (every problem with its path), content rules (no
   * control characters, no markup), and the site (JQL scopes via Jira's jql/parse; unknown statuses,
   * issue types, fields, projects and categories are warnings). Editors only.
   */
  validateSettings: {
    input: z
      .object({
        config: z.custom<PmoConfigInput>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          { message: 'expected a configuration object' },
        ),
      })
      .strict(),
    output: z.object({ problems: z.array(SettingsProblemSchema) }),
  },
  /** The candidate's impact on current issues compared with the live configuration. Editors only. */
  dryRunSettings: {
    input: z.object({ config: PmoConfigSchema }).strict(),
    output: DryRunResultSchema,
  },
  /** Saves a new version (problems of severity `error` answer BAD_REQUEST with `details.problems`). */
  saveSettings: {
    input: z.object({ baseVersion: VersionNumber, config: PmoConfigSchema, comment: Comment }).strict(),
    output: Saved,
  },
  /** Versions, newest first, ending with version 0 (the built-in defaults). Editors only. */
  listConfigVersions: {
    input: z.object({ cursor: Cursor, limit: Limit }).strict(),
    output: z.object({
      liveVersion: VersionNumber,
      versions: z.array(VersionMetaSchema),
      nextCursor: z.string().nullable(),
    }),
  },
  /** One version with its configuration and its changes compared with the live one. Editors only. */
  getConfigVersion: {
    input: z.object({ version: VersionNumber }).strict(),
    output: z.object({
      meta: VersionMetaSchema,
      config: PmoConfigSchema,
      liveVersion: VersionNumber,
      /** From the live configuration to this version: what a restore would change. */
      diffFromLive: z.array(ConfigChangeSchema),
    }),
  },
  /** Makes an earlier version live again, as a new version. */
  restoreConfigVersion: {
    input: z.object({ version: VersionNumber, baseVersion: VersionNumber, comment: Comment }).strict(),
    output: Saved,
  },
  /** The audit log, newest first, a page at a time. Editors only. */
  listAuditLog: {
    input: z.object({ cursor: Cursor, limit: Limit }).strict(),
    output: z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
  },
  /** The live configuration as a JSON document to download. Editors only. */
  exportSettings: {
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), json: z.string(), version: VersionNumber }),
  },
  /**
   * Checks an import without changing anything: the parsed configuration (null when it does not
   * validate), its changes compared with the live one, and every problem. Text over
   * `SETTINGS_LIMITS.maxImportBytes` answers PAYLOAD_TOO_LARGE.
   */
  previewImport: {
    input: z.object({ json: z.string() }).strict(),
    output: z.object({
      liveVersion: VersionNumber,
      config: PmoConfigSchema.nullable(),
      diff: z.array(ConfigChangeSchema),
      problems: z.array(SettingsProblemSchema),
    }),
  },
  /** Applies an import as one new version, or changes nothing (BAD_REQUEST with `details.problems`). */
  importSettings: {
    input: z.object({ json: z.string(), baseVersion: VersionNumber, comment: Comment }).strict(),
    output: Saved,
  },
  /** Sets (or clears, with null) a project's manual RAG override as a new version; `by` is the caller. */
  setProjectOverride: {
    input: z
      .object({
        projectKey: ProjectKey,
        override: ManualOverrideSchema.omit({ by: true, setAt: true }).strict().nullable(),
        baseVersion: VersionNumber,
      })
      .strict(),
    output: Saved,
  },
} as const;
