import { z } from 'zod';
import { contentProblems } from '../domain/config/content';
import { IndicatorName, Rag } from '../domain/health/health';
import { BaselineSchema } from '../domain/history/baseline';
import { BaselineSeriesDaySchema } from '../domain/history/baseline-series';
import { IsoDate, ProjectKey } from '../domain/model';
import { PortfolioId } from './portfolio';

/**
 * A portfolio's history: a record per day of every project's RAG, indicators and KPIs, kept by each
 * completed refresh (or reconstructed from Jira's changelogs for the days before). Everything is cut
 * down to the projects the viewer can browse.
 */

const count = z.number().int().nonnegative();
const RagCounts = z.object({ green: count, amber: count, red: count, none: count });

/** Longest window one call answers (the retention's upper bound). */
export const MAX_HISTORY_DAYS = 1100;

const HistoryDaySchema = z.object({
  day: IsoDate,
  /** False for a day no refresh completed (and nothing was reconstructed). */
  recorded: z.boolean(),
  /** Rebuilt from Jira's changelogs, not recorded by a refresh that day. */
  reconstructed: z.boolean(),
  /** The settings version that computed the day; null when not recorded. */
  settingsVersion: z.number().int().nonnegative().nullable(),
  /** Projects per RAG shown, of the projects the viewer can browse. */
  counts: RagCounts,
});

export const PortfolioHistorySchema = z.object({
  /** The time zone whose calendar days these are. */
  timeZone: z.string(),
  from: IsoDate,
  to: IsoDate,
  days: z.array(HistoryDaySchema),
  projects: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** One letter per day of `days`: g(reen), a(mber), r(ed), n(one), or "-" when not recorded. */
      rag: z.string(),
      /** Each indicator's RAG, one letter per day like `rag` ("-" also where a day kept no indicators). */
      indicators: z.array(z.object({ name: IndicatorName, rag: z.string() })),
    }),
  ),
});
export type PortfolioHistory = z.infer<typeof PortfolioHistorySchema>;

export const ProjectHistoryDaySchema = z.object({
  day: IsoDate,
  asOf: z.string(),
  reconstructed: z.boolean(),
  settingsVersion: z.number().int().nonnegative(),
  rag: Rag,
  computedRag: Rag,
  /** A manual override decided the shown RAG that day. */
  overridden: z.boolean(),
  indicators: z.array(
    z.object({
      name: IndicatorName,
      value: z.number().nullable(),
      rag: Rag,
      /** Why, as computed that day; kept for indicators that were not green. */
      reason: z.string().nullable(),
    }),
  ),
  kpis: z.object({
    open: count,
    inProgress: count,
    done: count,
    overdue: count,
    /** Issues resolved in the seven days ending that day. */
    resolvedLastWeek: count,
    averageOpenAgeDays: z.number().nonnegative().nullable(),
  }),
  /** Sum of the open risks' scores (probability x impact). */
  riskExposure: count,
  compliance: z.object({ compliant: count, evaluated: count }),
  /** Gated issues per lifecycle stage name. */
  stages: z.record(z.string(), count),
});
export type ProjectHistoryDay = z.infer<typeof ProjectHistoryDaySchema>;

export const HistoryMarkerSchema = z.object({
  day: IsoDate,
  kind: z.enum(['settings', 'override', 'gate', 'baseline']),
  text: z.string(),
});
export type HistoryMarker = z.infer<typeof HistoryMarkerSchema>;

export const ProjectHistorySchema = z.object({
  projectKey: z.string(),
  name: z.string(),
  timeZone: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** Recorded days only, oldest first. */
  days: z.array(ProjectHistoryDaySchema),
  /** What happened on the way: settings published, overrides set or lifted, issues passing gates. */
  markers: z.array(HistoryMarkerSchema),
});
export type ProjectHistory = z.infer<typeof ProjectHistorySchema>;

/** Longest list of issues one "what changed" answer carries. */
export const MAX_CHANGE_ITEMS = 500;

const IssueRef = z.object({ key: z.string(), projectKey: z.string() });

export const PortfolioChangesSchema = z.object({
  /** The recorded day compared with: the asked day, or the closest recorded day before it. */
  since: IsoDate.nullable(),
  /** The latest recorded day. */
  to: IsoDate.nullable(),
  ragChanges: z.array(
    z.object({
      projectKey: z.string(),
      name: z.string(),
      from: Rag.nullable(),
      to: Rag,
      /** True when the project got worse (green to amber, amber to red, ...). */
      worse: z.boolean(),
      /** The indicators whose RAG changed, with today's reason. */
      indicators: z.array(
        z.object({ name: IndicatorName, from: Rag.nullable(), to: Rag, reason: z.string().nullable() }),
      ),
    }),
  ),
  newHighRisks: z.array(IssueRef),
  closedHighRisks: z.array(IssueRef),
  /** Due dates passed since the day, still open: the first {@link MAX_CHANGE_ITEMS}, earliest first. */
  newlyOverdue: z.array(IssueRef.extend({ due: IsoDate })),
  newlyOverdueTotal: count,
  gatesPassed: z.array(IssueRef.extend({ from: z.string().nullable(), to: z.string() })),
  newConflicts: z.array(z.object({ blocker: z.string(), blocked: z.string() })),
  resolvedConflicts: z.array(z.object({ blocker: z.string(), blocked: z.string() })),
  /** Transitions the workflow validator refused since the day: the latest per issue, newest first. */
  gatesBlocked: z.array(
    IssueRef.extend({ toStatus: z.string(), standards: z.array(z.string()), at: z.string() }),
  ),
});
export type PortfolioChanges = z.infer<typeof PortfolioChangesSchema>;

export const HistoryExportSchema = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Rows for the CSV: one per project per recorded day, oldest first, then by project key. */
  rows: z.array(z.object({ projectKey: z.string(), name: z.string() }).and(ProjectHistoryDaySchema)),
});
export type HistoryExport = z.infer<typeof HistoryExportSchema>;

/**
 * Days per export call: the page pages through longer ranges. A month's window reads each project's
 * month records once (one or two months of records per call) and answers well inside a resolver's time.
 */
export const HISTORY_EXPORT_DAYS = 31;

/** A note on a baseline: plain text, one line or a few, no markup or control characters. */
const BaselineNote = z
  .string()
  .trim()
  .max(1000)
  .superRefine((text, ctx) => {
    for (const problem of contentProblems(text))
      ctx.addIssue({ code: 'custom', message: `The note ${problem.message}` });
  });

/** The project now against a baseline: schedule variance in days, scope change in percent. */
const ProgressVarianceSchema = z.object({
  scheduleDays: z.number().int().nullable(),
  scopePercent: z.number().nullable(),
  /** Story points when the baseline had any, else issues. */
  scopeUnit: z.enum(['issues', 'points']),
  baselineScope: z.number().nonnegative(),
  currentScope: z.number().nonnegative(),
});

export const BaselineViewSchema = BaselineSchema.extend({
  /** Display name of who set it (null for a baseline captured at a gate). */
  byName: z.string().nullable(),
  /** The capture day in the history's time zone (a later capture that day replaced earlier ones). */
  day: IsoDate,
  /** The project now against this baseline; null before the first snapshot. */
  against: ProgressVarianceSchema.nullable(),
});

export const ProjectBaselinesSchema = z.object({
  projectKey: z.string(),
  /** Newest first. */
  baselines: z.array(BaselineViewSchema),
  /** The project now against the newest baseline; null before the first baseline or snapshot. */
  variance: ProgressVarianceSchema.extend({
    forecastFinish: IsoDate.nullable(),
    issues: z.array(
      z.object({
        key: z.string(),
        baselineDue: IsoDate.nullable(),
        currentDue: IsoDate.nullable(),
        slipDays: z.number().int().nullable(),
        /** The issue is no longer in the portfolio (deleted or moved). */
        gone: z.boolean(),
      }),
    ),
  }).nullable(),
  /** Baseline against actual per recorded day of the window, oldest first. */
  series: z.array(BaselineSeriesDaySchema),
  /** Baselines captured in all, including those a later one the same day replaced (the capture log). */
  captures: z.number().int().nonnegative(),
  /** Whether the viewer may set a baseline (settings editors: Jira admins and the PMO group). */
  canSet: z.boolean(),
});
export type ProjectBaselines = z.infer<typeof ProjectBaselinesSchema>;

export const historyContract = {
  getPortfolioHistory: {
    input: z
      .object({ portfolioId: PortfolioId, days: z.number().int().min(7).max(MAX_HISTORY_DAYS).default(84) })
      .strict(),
    output: PortfolioHistorySchema,
  },
  getProjectHistory: {
    input: z
      .object({
        portfolioId: PortfolioId,
        projectKey: ProjectKey,
        days: z.number().int().min(7).max(MAX_HISTORY_DAYS).default(84),
      })
      .strict(),
    output: ProjectHistorySchema,
  },
  getPortfolioChanges: {
    input: z.object({ portfolioId: PortfolioId, since: IsoDate }).strict(),
    output: PortfolioChangesSchema,
  },
  listBaselines: {
    input: z
      .object({
        portfolioId: PortfolioId,
        projectKey: ProjectKey,
        /** Days of history the baseline-vs-actual series covers (84 when left out). */
        days: z.number().int().min(7).max(MAX_HISTORY_DAYS).optional(),
      })
      .strict(),
    output: ProjectBaselinesSchema,
  },
  setBaseline: {
    input: z.object({ portfolioId: PortfolioId, projectKey: ProjectKey, note: BaselineNote }).strict(),
    output: BaselineViewSchema,
  },
  exportPortfolioHistory: {
    input: z.object({ portfolioId: PortfolioId, from: IsoDate, to: IsoDate }).strict(),
    output: HistoryExportSchema,
  },
} as const;
