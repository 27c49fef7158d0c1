import { z } from 'zod';
import { type IndicatorName, IndicatorName as IndicatorNameSchema, type Rag } from '../health/health';
import { IsoDate } from '../model';
import type { PortfolioComputation } from '../portfolio/schema';
import { redactIssueKeys } from '../snapshot/viewer-filter';
import { type ComplianceReport, complianceHealthInputs } from '../standards/compliance-report';

/**
 * One day of a portfolio's history: per project, the RAG and every indicator, the KPIs, the risk
 * exposure, compliance counts and where its gated issues stand, as the day's last completed refresh
 * computed them (or as reconstructed from Jira's changelogs for days before the app was installed).
 *
 * Rows are tuples of one-letter RAG codes, not objects: a 100-project portfolio's day is ~15 KB and
 * its year a few megabytes. Reasons are kept only for indicators that were not green, which are the
 * ones a PMO looks back at ("what made it red then").
 */

export const DAY_RECORD_VERSION = 1;

/** A RAG as one letter: green, amber, red, none. */
export const RagCode = z.enum(['g', 'a', 'r', 'n']);
export type RagCode = z.infer<typeof RagCode>;

const RAG_CODES: Record<Rag, RagCode> = { green: 'g', amber: 'a', red: 'r', none: 'n' };
const RAGS: Record<RagCode, Rag> = { g: 'green', a: 'amber', r: 'red', n: 'none' };
export const ragCode = (rag: Rag): RagCode => RAG_CODES[rag];
export const ragOfCode = (code: RagCode): Rag => RAGS[code];

/** The indicators in their stored order. */
export const INDICATOR_ORDER: readonly IndicatorName[] = IndicatorNameSchema.options;

const count = z.number().int().nonnegative();

export const ProjectDayRowSchema = z.tuple([
  /** RAG shown (an active manual override wins) */
  RagCode,
  /** computed RAG (the worst indicator) */
  RagCode,
  /** indicators in INDICATOR_ORDER: [value or null, RAG]; null when the indicator was not computed */
  z.array(z.tuple([z.number().nullable(), RagCode]).nullable()),
  /** KPIs: open, in progress, done, overdue, resolved in the last seven days */
  z.tuple([count, count, count, count, count]),
  /** mean age of open issues in days, null when nothing was open */
  z.number().nonnegative().nullable(),
  /** risk exposure: the sum of open risk scores (probability x impact) */
  count,
  /**
   * compliance as the health indicator counted it that day: issues compliant, issues some counted
   * standard applies to (every standard before `complianceHealth`; only enforced ones by default since)
   */
  z.tuple([count, count]),
  /** gated issues per lifecycle stage id */
  z.record(z.string(), count),
  /** a manual override was active (the shown RAG is the override's, even when it equals the computed one) */
  z.boolean(),
]);
export type ProjectDayRow = z.infer<typeof ProjectDayRowSchema>;

export const DayRecordSchema = z.object({
  version: z.literal(DAY_RECORD_VERSION),
  /** The calendar day in the history's time zone. */
  day: IsoDate,
  /** When the data was read (the refresh's start), ISO timestamp. */
  asOf: z.string(),
  /** The settings version that computed it (0: the defaults). */
  settingsVersion: z.number().int().nonnegative(),
  /** Rebuilt from Jira's changelogs rather than recorded by a refresh that day. */
  reconstructed: z.boolean(),
  /** Project names as of that day, by key. */
  names: z.record(z.string(), z.string()),
  projects: z.record(z.string(), ProjectDayRowSchema),
  /** Reasons of the indicators that were not green, by project key and indicator name. */
  reasons: z.record(z.string(), z.partialRecord(IndicatorNameSchema, z.string())),
  /** Open high risks by key, with their project: "what is new" compares these between two days. */
  highRisks: z.record(z.string(), z.string()),
  /** Cross-project date conflicts as "blocker>blocked" keys (capped like the report's list). */
  conflicts: z.array(z.string()),
  /** The lifecycle stage id of each gated issue (capped like the compliance report's gate list). */
  gated: z.record(z.string(), z.string()),
});
export type DayRecord = z.infer<typeof DayRecordSchema>;

export interface DayRecordInput {
  day: string;
  asOf: string;
  settingsVersion: number;
  reconstructed: boolean;
  report: Pick<PortfolioComputation, 'projects' | 'risks' | 'dependencies'>;
  /** With `healthCounts`, the standards the health indicator counted (absent: every standard). */
  compliance: Pick<ComplianceReport, 'projects' | 'gates' | 'standards' | 'healthCounts'> | null;
  /** Issues with a security level: they count, but their keys are never written into lists or reasons. */
  secured: (issueKey: string) => boolean;
}

/** The day's record of a portfolio computed as the app sees it (every project, nothing hidden). */
export function dayRecordOf(input: DayRecordInput): DayRecord {
  const { report, compliance } = input;
  const exposure = new Map<string, number>();
  const highRisks: Record<string, string> = {};
  for (const risk of report.risks) {
    if (!risk.open) continue;
    exposure.set(risk.projectKey, (exposure.get(risk.projectKey) ?? 0) + risk.score);
    if (risk.level === 'high' && !input.secured(risk.key)) highRisks[risk.key] = risk.projectKey;
  }
  const counted = compliance ? complianceHealthInputs(compliance, compliance.healthCounts ?? 'all') : {};
  const stagesOf = new Map<string, Record<string, number>>();
  const gated: Record<string, string> = {};
  for (const gate of compliance?.gates ?? []) {
    if (!gate.stage) continue;
    if (!input.secured(gate.key)) gated[gate.key] = gate.stage.id;
    const stages = stagesOf.get(gate.projectKey) ?? {};
    stages[gate.stage.id] = (stages[gate.stage.id] ?? 0) + 1;
    stagesOf.set(gate.projectKey, stages);
  }
  const projects: Record<string, ProjectDayRow> = {};
  const names: Record<string, string> = {};
  const reasons: DayRecord['reasons'] = {};
  for (const project of report.projects) {
    const byName = new Map(project.health.indicators.map((indicator) => [indicator.name, indicator]));
    const indicators = INDICATOR_ORDER.map((name) => {
      const indicator = byName.get(name);
      return indicator ? ([indicator.value, ragCode(indicator.rag)] as [number | null, RagCode]) : null;
    });
    const notGreen = project.health.indicators.filter(
      (indicator) => indicator.rag !== 'green' && indicator.rag !== 'none',
    );
    if (notGreen.length > 0) {
      reasons[project.key] = Object.fromEntries(
        notGreen.map((indicator) => [indicator.name, redactIssueKeys(indicator.reason, input.secured)]),
      );
    }
    const kpis = project.kpis;
    const compliant = counted[project.key];
    names[project.key] = project.name;
    projects[project.key] = [
      ragCode(project.health.rag),
      ragCode(project.health.computedRag),
      indicators,
      [kpis.open, kpis.inProgress, kpis.done, kpis.overdue, kpis.throughput.at(-1)?.resolved ?? 0],
      kpis.averageOpenAgeDays,
      exposure.get(project.key) ?? 0,
      typeof compliant === 'object' ? [compliant.compliant, compliant.evaluated] : [0, 0],
      stagesOf.get(project.key) ?? {},
      project.health.override !== null,
    ];
  }
  const conflicts = report.dependencies.conflicts
    .filter(
      (conflict) =>
        conflict.crossProject && !input.secured(conflict.blocker.key) && !input.secured(conflict.blocked.key),
    )
    .map((conflict) => `${conflict.blocker.key}>${conflict.blocked.key}`);
  return {
    version: DAY_RECORD_VERSION,
    day: input.day,
    asOf: input.asOf,
    settingsVersion: input.settingsVersion,
    reconstructed: input.reconstructed,
    names,
    projects,
    reasons,
    highRisks,
    conflicts,
    gated,
  };
}

/**
 * The storage format a day was written in: 1, a plain summary and one record per project and day;
 * 2, a packed summary and each project's days in one record per month (`project-month.ts`).
 */
export const DayFormat = z.union([z.literal(1), z.literal(2)]);
export const CURRENT_DAY_FORMAT = 2;

/** What every day of the portfolio keeps in one small record: enough for sparklines and "what changed". */
export const DaySummarySchema = DayRecordSchema.omit({ projects: true, reasons: true }).extend({
  /** RAG shown per project key. */
  rag: z.record(z.string(), RagCode),
  /**
   * Each project's indicator RAGs, one letter per indicator in INDICATOR_ORDER (see indicatorLetters),
   * for the per-indicator sparklines. Absent in format 1 (its days show as not recorded there).
   */
  indicators: z.record(z.string(), z.string()).default({}),
  format: DayFormat.default(1),
});
export type DaySummary = z.infer<typeof DaySummarySchema>;

/** One project's day: its row and the reasons of its indicators that were not green. */
export const ProjectDaySchema = DayRecordSchema.pick({
  version: true,
  day: true,
  asOf: true,
  settingsVersion: true,
  reconstructed: true,
}).extend({
  row: ProjectDayRowSchema,
  reasons: z.partialRecord(IndicatorNameSchema, z.string()),
});
export type ProjectDay = z.infer<typeof ProjectDaySchema>;

/** The summary and per-project records a day record is stored as. */
export function splitDayRecord(record: DayRecord): {
  summary: DaySummary;
  projects: Map<string, ProjectDay>;
} {
  const { projects, reasons, ...rest } = record;
  const head = {
    version: record.version,
    day: record.day,
    asOf: record.asOf,
    settingsVersion: record.settingsVersion,
    reconstructed: record.reconstructed,
  };
  return {
    summary: {
      ...rest,
      rag: Object.fromEntries(Object.entries(projects).map(([key, row]) => [key, row[0]])),
      indicators: Object.fromEntries(
        Object.entries(projects).map(([key, row]) => [key, indicatorLetters(row[2])]),
      ),
      format: CURRENT_DAY_FORMAT,
    },
    projects: new Map(
      Object.entries(projects).map(([key, row]) => [key, { ...head, row, reasons: reasons[key] ?? {} }]),
    ),
  };
}

/** A row's indicator RAGs as one letter each, in INDICATOR_ORDER: "n" when not computed, "-" when the row predates it. */
function indicatorLetters(indicators: ProjectDayRow[2]): string {
  return INDICATOR_ORDER.map((_, index) => {
    const indicator = indicators[index];
    return indicator === undefined ? '-' : indicator === null ? 'n' : indicator[1];
  }).join('');
}
