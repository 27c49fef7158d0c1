import { z } from 'zod';
import { DependencyReportSchema } from '../dependencies/graph';
import { ProjectHealthSchema } from '../health/health';
import { KpiSetSchema } from '../kpis/kpis';
import { HeatMapSchema, RaidLogEntrySchema, RiskEntrySchema } from '../risks/raid';
import { ComplianceReportSchema } from '../standards/compliance-report';

/**
 * The portfolio report: the JSON contract shared by the portfolio page, the CSV export and the report CLI.
 * `computePortfolio` produces a {@link PortfolioComputation}; the service layer adds `meta`.
 */

const count = z.number().int().nonnegative();

export const ProjectReportSchema = z.object({
  key: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  health: ProjectHealthSchema,
  kpis: KpiSetSchema,
});
export type ProjectReport = z.infer<typeof ProjectReportSchema>;

export const PortfolioComputationSchema = z.object({
  /** The "now" the report was computed for (ISO timestamp): overdue, stale and throughput are relative to it. */
  asOf: z.iso.datetime({ offset: true }),
  summary: z.object({
    projects: count,
    /** Projects per shown RAG (overrides applied). */
    rag: z.object({ green: count, amber: count, red: count, none: count }),
  }),
  /** In the order the projects were given. */
  projects: z.array(ProjectReportSchema),
  dependencies: DependencyReportSchema,
  /** The risk register: open first, then by score, then key. */
  risks: z.array(RiskEntrySchema),
  /** Open risks that are not ROAM-resolved, by probability and impact. */
  heatmap: HeatMapSchema,
  /** Assumptions, decisions and issues logs: open first, then by due date, then key. */
  raid: z.object({
    assumptions: z.array(RaidLogEntrySchema),
    decisions: z.array(RaidLogEntrySchema),
    issues: z.array(RaidLogEntrySchema),
  }),
  /** KPIs over all issues of the portfolio's projects. */
  kpis: KpiSetSchema,
});
export type PortfolioComputation = z.infer<typeof PortfolioComputationSchema>;

/** A refresh run as the page shows it. */
export const RefreshRunSchema = z.object({
  seq: z.number().int().min(1),
  status: z.enum(['queued', 'running', 'deferred', 'done', 'failed']),
  mode: z.enum(['full', 'incremental']).nullable(),
  trigger: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  projectsDone: z.number().int().nonnegative(),
  projectsTotal: z.number().int().nonnegative().nullable(),
  /** Jira points the run spent so far (1 per request plus 1 per issue or project returned). */
  points: z.number().nonnegative(),
  /** Why it failed, or what it is waiting for when deferred. */
  reason: z.string().nullable(),
  deferredUntil: z.string().nullable(),
});
export type RefreshRun = z.infer<typeof RefreshRunSchema>;

export const PortfolioMetaSchema = z.object({
  /** Jira requests made to collect the data. */
  requests: count,
  /** True when some data could not be read (rate limits, errors): see `staleProjects`. */
  partial: z.boolean(),
  /** Projects whose data is missing or older than this report. */
  staleProjects: z.array(z.string()),
  generatedAt: z.iso.datetime({ offset: true }),
  /** Where the figures come from: the stored snapshot and the refresh runs behind it. */
  snapshot: z
    .object({
      /** The data is as of when the run that made the snapshot started reading Jira. */
      asOf: z.string(),
      completedAt: z.string(),
      /** True when the last refresh failed or the snapshot is older than twice the cadence. */
      stale: z.boolean(),
      staleReason: z.string().nullable(),
      refreshMinutes: z.number().int().positive(),
      run: RefreshRunSchema.nullable(),
    })
    .optional(),
});

export const PortfolioReportSchema = PortfolioComputationSchema.extend({
  /** Compliance with the PMO standards; null when standards were not evaluated (e.g. the report CLI). */
  compliance: ComplianceReportSchema.nullable(),
  meta: PortfolioMetaSchema,
});
export type PortfolioReport = z.infer<typeof PortfolioReportSchema>;
