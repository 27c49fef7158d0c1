import { z } from 'zod';
import { ProjectSchema } from '../../domain/model';
import { PortfolioChunkSchema } from '../../domain/portfolio';
import { EngineSettingsSchema } from '../../domain/settings';
import { StoredFactsMapSchema } from '../../domain/snapshot/stored-facts';
import { ComplianceReportSchema } from '../../domain/standards/compliance-report';

/** Stored records of refresh runs and snapshots; each is parsed when read back. */

export const RunTrigger = z.enum(['schedule', 'user', 'first-view', 'admin']);
export type RunTrigger = z.infer<typeof RunTrigger>;

export const RunClaimSchema = z.object({
  seq: z.number().int().min(1),
  portfolioId: z.string(),
  startedAt: z.string(),
  trigger: RunTrigger,
});

export const RunPlanSchema = z.object({
  seq: z.number().int().min(1),
  portfolioId: z.string(),
  mode: z.enum(['full', 'incremental']),
  startedAt: z.string(),
  startedAtMs: z.number(),
  /** The projects of the portfolio as the app sees them. */
  projects: z.array(ProjectSchema),
  /** Extra JQL of the portfolio's scope. */
  scopeJql: z.string().nullable(),
  /** Incremental runs read issues updated in the last `sinceMinutes` minutes (with an overlap). */
  sinceMinutes: z.number().int().positive().nullable(),
  /** Projects an incremental run reads whole: new in the portfolio since the base snapshot. */
  newProjects: z.array(z.string()).default([]),
  /** The last complete snapshot: what an incremental run builds on, and a full run falls back to. */
  baseSeq: z.number().int().min(1).nullable(),
  /** Issues changed per issue events since the base snapshot: re-read by id. */
  dirtyIssueIds: z.array(z.string()),
  /** Issues deleted per issue events since the base snapshot, by id. */
  deletedIssueIds: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  settings: EngineSettingsSchema,
  /** Jira fields every page asks for (portfolio and standards). */
  fields: z.array(z.string()),
  /** Fields the standards read, kept per issue for compliance at assembly. */
  standardsFields: z.array(z.string()),
  /** Field ids by role and field names, for the standards engine at assembly. */
  standardsMapping: z.record(z.string(), z.string()),
  fieldNames: z.record(z.string(), z.string()),
  settingsVersion: z.number().int().min(0),
  /**
   * Quota pacing: the site's points remaining below which this run stops and waits for the next
   * hour (what remained when it started, less the share it may spend); null when Jira sent no quota.
   */
  pointsFloor: z.number().nonnegative().nullable(),
  /** When the hourly window the floor belongs to resets (epoch ms). */
  quotaResetAt: z.number().nullable(),
  /** Jira points and requests the plan itself spent. */
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
});
export type RunPlan = z.infer<typeof RunPlanSchema>;

/** One job's share: the chunk and the standards facts of the issues it read. */
export const PartSchema = z.object({
  chunk: PortfolioChunkSchema,
  facts: StoredFactsMapSchema,
});

export const PartDoneSchema = z.object({
  nextPageToken: z.string().nullable(),
  issues: z.number().int().nonnegative(),
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
});
export type PartDone = z.infer<typeof PartDoneSchema>;

export const ProjectDoneSchema = z.object({
  projectKey: z.string(),
  parts: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  /** Why the project could not be read completely; its data then comes from the last snapshot or is left out. */
  failed: z.string().nullable(),
  at: z.string(),
});
export type ProjectDone = z.infer<typeof ProjectDoneSchema>;

export const RunResultSchema = z.object({
  status: z.enum(['done', 'failed']),
  mode: z.enum(['full', 'incremental']).nullable(),
  /** Projects the run covered. */
  projects: z.number().int().nonnegative(),
  endedAt: z.string(),
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  staleProjects: z.array(z.string()),
  reason: z.string().nullable(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const DeferredSchema = z.object({ until: z.string(), reason: z.string() });

/** The pointer readers follow: the last complete snapshot. */
export const CurrentSnapshotSchema = z.object({
  seq: z.number().int().min(1),
  /** Unique per snapshot written (not only per run number): what in-memory caches key on. */
  id: z.string().default(''),
  /** When the run that made it started reading Jira: the data is "as of" then. */
  asOf: z.string(),
  completedAt: z.string(),
  mode: z.enum(['full', 'incremental']),
  /** When the last full (not incremental) read started: a full one is due weekly. */
  lastFullAt: z.string(),
  startedAtMs: z.number(),
});
export type CurrentSnapshot = z.infer<typeof CurrentSnapshotSchema>;

/** A complete snapshot: merged rows and standards facts of every project read. */
export const SnapshotDataSchema = z.object({
  seq: z.number().int().min(1),
  portfolioId: z.string(),
  asOf: z.string(),
  projects: z.array(ProjectSchema),
  /** Every project the run read (a JQL portfolio lists only those its query matched). */
  covered: z.array(z.string()).default([]),
  /** Projects whose data is missing or older than `asOf`, with the reason. */
  stale: z.array(z.object({ projectKey: z.string(), reason: z.string() })),
  /**
   * Projects whose figures are incomplete: the stale ones and, when a stale project has no data at
   * all, those linked to it (decided at assembly; absent in snapshots written before it was kept).
   */
  incomplete: z.array(z.string()).optional(),
  settings: EngineSettingsSchema,
  settingsVersion: z.number().int().min(0),
  chunk: PortfolioChunkSchema,
  facts: StoredFactsMapSchema,
  /**
   * The site's start date field, whose values `facts` keep for baselines; null when the site has
   * none (absent in snapshots written before it was kept).
   */
  startDateField: z.string().nullable().optional(),
  /** The standards evaluated at assembly, with the configuration and ticks of that moment. */
  compliance: ComplianceReportSchema.nullable(),
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
});
export type SnapshotData = z.infer<typeof SnapshotDataSchema>;
