import { z } from 'zod';
import type { ProjectDependencyFacts } from '../dependencies/graph';
import { compareIssueKeys } from '../dependencies/keys';
import { isUnmitigated, type RiskEntry } from '../risks/raid';
import type { ComplianceWeight, EngineSettings, Thresholds } from '../settings';
import { complianceShare, percent } from './percent';

/**
 * Explainable project health. Each indicator carries its value, its RAG and a sentence with the numbers
 * and the threshold that decided it; the project's RAG is the worst indicator. "none" means the indicator
 * had nothing to judge (no open issues, no standards evaluated): it is neutral and never counts as green.
 */

export const Rag = z.enum(['green', 'amber', 'red', 'none']);
export type Rag = z.infer<typeof Rag>;

/** New indicators go at the end: history records store indicator values in this order. */
export const IndicatorName = z.enum([
  'schedule',
  'blockers',
  'risk',
  'compliance',
  'staleness',
  'variance',
  'scope',
]);
export type IndicatorName = z.infer<typeof IndicatorName>;

export const HealthIndicatorSchema = z.object({
  name: IndicatorName,
  /**
   * schedule, blockers, staleness, compliance: a percentage (0..100); risk: the highest open unmitigated
   * score; variance: days the forecast finish is later than the baseline's (negative: earlier); scope:
   * percent change of the scope since the baseline. Null when there was nothing to measure (no
   * standards evaluated, no risks recorded, no baseline).
   */
  value: z.number().nullable(),
  rag: Rag,
  reason: z.string(),
  /** A few example issues behind the value, worst first. */
  issueKeys: z.array(z.string()).optional(),
  /**
   * The RAG the thresholds give, when the indicator's weight setting made `rag` (what counts toward the
   * project's RAG) milder: compliance capped at amber, or informing only ("none"). Absent otherwise.
   */
  thresholdRag: Rag.optional(),
});
export type HealthIndicator = z.infer<typeof HealthIndicatorSchema>;

/** A PMO lead's manual RAG for a project, which wins over the computed one until it expires. */
export const ManualOverrideSchema = z
  .object({
    rag: z.enum(['green', 'amber', 'red']),
    reason: z.string().min(1).max(1000),
    /** ISO timestamp; the override is active while `now` is before it. */
    expiresAt: z.iso.datetime({ offset: true }),
    /** Account id of who set it: always the server's, from the platform context. */
    by: z.string().min(1),
    /** ISO timestamp of when it was set, by the server's clock (absent on overrides set before it was recorded). */
    setAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ManualOverride = z.infer<typeof ManualOverrideSchema>;

export const ProjectHealthSchema = z.object({
  /** The RAG to show: the active override's, else the computed one. */
  rag: Rag,
  /** Worst indicator; stays visible when an override is active. */
  computedRag: Rag,
  indicators: z.array(HealthIndicatorSchema),
  /** The active override, or null when there is none or it has expired. */
  override: ManualOverrideSchema.nullable(),
});
export type ProjectHealth = z.infer<typeof ProjectHealthSchema>;

export interface ComputedHealth {
  rag: Rag;
  indicators: HealthIndicator[];
}

/**
 * Compliance supplied by the caller (the standards engine): a ratio 0..1, or counts. Absent when no
 * standards were evaluated for the project.
 */
export const ComplianceInputSchema = z.union([
  z.number().min(0).max(1),
  z
    .object({
      compliant: z.number().int().nonnegative(),
      evaluated: z.number().int().nonnegative(),
      /**
       * Which standards the counts cover (`complianceHealth.counts`): the names of those counted and of
       * the warn-mode ones left out, as they apply to the project. Absent: "the active standards".
       */
      counted: z
        .object({
          scope: z.enum(['enforced', 'all']),
          standards: z.array(z.string()),
          notCounted: z.array(z.string()),
        })
        .optional(),
    })
    .refine((c) => c.compliant <= c.evaluated, { message: 'compliant cannot exceed evaluated' }),
]);
export type ComplianceInput = z.infer<typeof ComplianceInputSchema>;

/** Everything the health engine needs to know about one project. */
export interface ProjectHealthFacts {
  /** Issues not in a done status category. */
  open: number;
  /** Open issues whose due date is before today. */
  overdue: number;
  openWithoutDueDate: number;
  overdueKeys: string[];
  dependencies: ProjectDependencyFacts | undefined;
  /** Issues in the "indeterminate" (in progress) status category. */
  inProgress: number;
  /** In-progress issues not updated for `staleDays`. */
  stale: number;
  staleKeys: string[];
  /** The project's risk register entries (open and closed). */
  risks: readonly RiskEntry[];
  compliance: ComplianceInput | undefined;
  /** The project now against its newest baseline; undefined before the first baseline. */
  baseline?: BaselineComparison | undefined;
}

/** The project now against its newest baseline, as the schedule variance and scope indicators read it. */
export interface BaselineComparison {
  /** The day the baseline was captured (ISO date). */
  capturedOn: string;
  baselineFinish: string | null;
  forecastFinish: string | null;
  /** forecastFinish - baselineFinish in days; null when either is unknown. */
  scheduleDays: number | null;
  /** Percent change of the scope; null when the baseline had none. */
  scopePercent: number | null;
  scopeUnit: 'issues' | 'points';
  baselineScope: number;
  currentScope: number;
}

const RAG_ORDER: Record<Rag, number> = { none: 0, green: 1, amber: 2, red: 3 };

/** The worst of the given RAGs; "none" only when nothing else is there. */
export function worstRag(rags: Iterable<Rag>): Rag {
  let worst: Rag = 'none';
  for (const rag of rags) if (RAG_ORDER[rag] > RAG_ORDER[worst]) worst = rag;
  return worst;
}

export function computeHealth(
  facts: ProjectHealthFacts,
  settings: Pick<EngineSettings, 'health' | 'staleDays' | 'riskMatrix' | 'limits' | 'complianceHealth'>,
): ComputedHealth {
  const indicators = [
    scheduleIndicator(facts, settings.health.schedule),
    blockersIndicator(
      facts,
      settings.health.blocked,
      settings.health.dateConflicts,
      settings.limits.exampleKeys,
    ),
    riskIndicator(facts.risks, settings.riskMatrix, settings.limits.exampleKeys),
    complianceIndicator(facts.compliance, settings.health.compliance, settings.complianceHealth.weight),
    stalenessIndicator(facts, settings.health.staleness, settings.staleDays),
    varianceIndicator(facts.baseline, settings.health.variance),
    scopeIndicator(facts.baseline, settings.health.scope),
  ];
  return { rag: worstRag(indicators.map((i) => i.rag)), indicators };
}

/** The health to show: an active (unexpired) override replaces the RAG; the computed RAG stays visible. */
export function applyOverride(
  computed: ComputedHealth,
  override: ManualOverride | null | undefined,
  now: number,
): ProjectHealth {
  const active = override != null && Date.parse(override.expiresAt) > now ? override : null;
  return {
    rag: active ? active.rag : computed.rag,
    computedRag: computed.rag,
    indicators: computed.indicators,
    override: active,
  };
}

function scheduleIndicator(facts: ProjectHealthFacts, t: Thresholds): HealthIndicator {
  const { open, overdue } = facts;
  if (open === 0) {
    return { name: 'schedule', value: 0, rag: 'none', reason: 'No open issues, so nothing is past due.' };
  }
  const rag = ragHigherIsWorse(overdue, open, t);
  const pct = percent(overdue, open, [t.amber, t.red]);
  const undated = facts.openWithoutDueDate > 0 ? ` (${facts.openWithoutDueDate} have no due date)` : '';
  return {
    name: 'schedule',
    value: pct.value,
    rag,
    reason: `${overdue} of ${plural(open, 'open issue')} (${pct.text}) ${be(overdue)} past due${undated}; ${higherPhrase(rag, t, '%')}.`,
    issueKeys: facts.overdueKeys,
  };
}

function blockersIndicator(
  facts: ProjectHealthFacts,
  blockedT: Thresholds,
  conflictT: Thresholds,
  exampleKeys: number,
): HealthIndicator {
  const { open } = facts;
  if (open === 0) {
    return { name: 'blockers', value: 0, rag: 'none', reason: 'No open issues, so nothing is blocked.' };
  }
  const dep = facts.dependencies;
  const blocked = dep?.blocked ?? 0;
  const cross = dep?.blockedCrossProject ?? 0;
  const conflicted = dep?.conflicted ?? 0;
  const blockedRag = ragHigherIsWorse(blocked, open, blockedT);
  const conflictRag: Rag =
    conflicted >= conflictT.red ? 'red' : conflicted >= conflictT.amber ? 'amber' : 'green';
  const rag = worstRag([blockedRag, conflictRag]);
  const pct = percent(blocked, open, [blockedT.amber, blockedT.red]);
  const crossText = cross > 0 ? `, ${cross} of them by another project` : '';
  const conflictText =
    conflicted === 0
      ? 'no open issue is due before its blocker'
      : `${plural(conflicted, 'open issue')} ${be(conflicted)} due before ${conflicted === 1 ? 'its' : 'their'} blocker`;
  const limits =
    rag === 'red'
      ? `red at ${blockedT.red}% blocked or ${plural(conflictT.red, 'date conflict')}`
      : rag === 'amber'
        ? `amber at ${blockedT.amber}% blocked or ${plural(conflictT.amber, 'date conflict')}, red at ${blockedT.red}% or ${conflictT.red}`
        : `amber at ${blockedT.amber}% blocked or ${plural(conflictT.amber, 'date conflict')}`;
  const keys = [...new Set([...(dep?.conflictKeys ?? []), ...(dep?.blockedKeys ?? [])])].slice(
    0,
    exampleKeys,
  );
  return {
    name: 'blockers',
    value: pct.value,
    rag,
    reason: `${blocked} of ${plural(open, 'open issue')} (${pct.text}) ${be(blocked)} blocked by unresolved issues${crossText}; ${conflictText}; ${limits}.`,
    issueKeys: keys,
  };
}

function riskIndicator(
  risks: readonly RiskEntry[],
  matrix: EngineSettings['riskMatrix'],
  exampleKeys: number,
): HealthIndicator {
  if (risks.length === 0) {
    return { name: 'risk', value: null, rag: 'none', reason: 'No risks recorded for this project.' };
  }
  const open = risks.filter((r) => r.open);
  const threats = open
    .filter((r) => isUnmitigated(r.roam))
    .sort((a, b) => b.score - a.score || compareIssueKeys(a.key, b.key));
  const top = threats[0];
  if (!top) {
    const reason =
      open.length === 0
        ? `No open risks (${plural(risks.length, 'closed risk')}).`
        : `No open unmitigated risks: ${plural(open.length, 'open risk')}, all mitigated or resolved.`;
    return { name: 'risk', value: 0, rag: 'green', reason };
  }
  const rag: Rag = top.level === 'high' ? 'red' : top.level === 'medium' ? 'amber' : 'green';
  const assumed = top.assumed ? ', probability or impact missing so assumed' : '';
  return {
    name: 'risk',
    value: top.score,
    rag,
    reason:
      `${plural(threats.length, 'open risk')} ${threats.length === 1 ? 'is' : 'are'} not mitigated or resolved; ` +
      `the highest, ${top.key}, scores ${top.score} (probability ${top.probability} x impact ${top.impact}${assumed}) ` +
      `and is ${top.level}; red at ${matrix.high}, amber at ${matrix.medium}.`,
    issueKeys: threats.slice(0, exampleKeys).map((r) => r.key),
  };
}

function complianceIndicator(
  input: ComplianceInput | undefined,
  t: Thresholds,
  weight: ComplianceWeight,
): HealthIndicator {
  if (input === undefined) {
    return {
      name: 'compliance',
      value: null,
      rag: 'none',
      reason: 'No standards evaluated for this project.',
    };
  }
  const { compliant, evaluated, counted } =
    typeof input === 'number' ? { compliant: input, evaluated: 1, counted: undefined } : input;
  const leftOut =
    counted && counted.scope === 'enforced' && counted.notCounted.length > 0
      ? `${nameList(counted.notCounted)} ${counted.notCounted.length === 1 ? 'is' : 'are'} in warn mode and not counted`
      : null;
  if (evaluated === 0) {
    return {
      name: 'compliance',
      value: null,
      rag: 'none',
      reason: leftOut
        ? `No enforced standard applies to this project's issues; ${leftOut}: warn-mode standards inform on the compliance page.`
        : 'No issues fall under an active standard.',
    };
  }
  const measured = complianceShare(compliant, evaluated, t);
  const rag = weighedCompliance(measured.rag, weight);
  const text = `${measured.percent}%`;
  const limits =
    measured.rag === 'red'
      ? `red below ${t.red}%`
      : measured.rag === 'amber'
        ? `amber below ${t.amber}%, red below ${t.red}%`
        : `amber below ${t.amber}%`;
  const standards = !counted
    ? 'the active standards'
    : `the ${counted.scope === 'enforced' ? 'enforced' : 'active'} standards (${nameList(counted.standards)})`;
  const what =
    typeof input === 'number'
      ? `${text} of evaluated issues meet the active standards`
      : `${compliant} of ${plural(evaluated, 'evaluated issue')} (${text}) meet${compliant === 1 ? 's' : ''} ${standards}`;
  const weighs =
    weight === 'informs'
      ? "; compliance informs only and does not decide the project's RAG"
      : rag !== measured.rag
        ? '; counted as amber, since compliance makes a project amber at most'
        : '';
  return {
    name: 'compliance',
    value: measured.percent,
    rag,
    reason: `${what}${leftOut ? `; ${leftOut}` : ''}; ${limits}${weighs}.`,
    ...(rag !== measured.rag ? { thresholdRag: measured.rag } : {}),
  };
}

/** What the compliance RAG counts toward the project's RAG under the weight setting. */
function weighedCompliance(rag: 'green' | 'amber' | 'red', weight: ComplianceWeight): Rag {
  if (weight === 'informs') return 'none';
  if (weight === 'capAmber' && rag === 'red') return 'amber';
  return rag;
}

/** "A", "A and B", "A, B and C". */
function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'none';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function stalenessIndicator(facts: ProjectHealthFacts, t: Thresholds, staleDays: number): HealthIndicator {
  const { inProgress, stale } = facts;
  if (inProgress === 0) {
    return { name: 'staleness', value: 0, rag: 'none', reason: 'No issues in progress.' };
  }
  const rag = ragHigherIsWorse(stale, inProgress, t);
  const pct = percent(stale, inProgress, [t.amber, t.red]);
  return {
    name: 'staleness',
    value: pct.value,
    rag,
    reason: `${stale} of ${plural(inProgress, 'in-progress issue')} (${pct.text}) ${stale === 1 ? 'has' : 'have'} not been updated for ${staleDays} days or more; ${higherPhrase(rag, t, '%')}.`,
    issueKeys: facts.staleKeys,
  };
}

/** Why the schedule variance and scope indicators say nothing before a project's first baseline. */
export const NO_BASELINE_REASON = 'No baseline yet — set one on the Trends page.';

function varianceIndicator(baseline: BaselineComparison | undefined, t: Thresholds): HealthIndicator {
  if (!baseline) return { name: 'variance', value: null, rag: 'none', reason: NO_BASELINE_REASON };
  const { scheduleDays: days, capturedOn, baselineFinish, forecastFinish } = baseline;
  if (days === null) {
    const missing =
      baselineFinish === null
        ? `the baseline of ${capturedOn} has no finish date (no due dates on its open work)`
        : 'the forecast finish is unknown (no due dates on open work)';
    return {
      name: 'variance',
      value: null,
      rag: 'none',
      reason: `No schedule variance: ${missing}.`,
    };
  }
  const rag: Rag = days >= t.red ? 'red' : days >= t.amber ? 'amber' : 'green';
  const moved =
    days === 0
      ? 'is where the baseline put it'
      : `is ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'} than the baseline's ${baselineFinish}`;
  return {
    name: 'variance',
    value: days,
    rag,
    reason: `The forecast finish ${forecastFinish} ${moved} (baseline of ${capturedOn}); ${higherPhrase(rag, t, ' days late')}.`,
  };
}

function scopeIndicator(baseline: BaselineComparison | undefined, t: Thresholds): HealthIndicator {
  if (!baseline) return { name: 'scope', value: null, rag: 'none', reason: NO_BASELINE_REASON };
  const { scopePercent: pct, scopeUnit, baselineScope, currentScope, capturedOn } = baseline;
  const unit = scopeUnit === 'points' ? 'story point' : 'issue';
  if (pct === null) {
    return {
      name: 'scope',
      value: null,
      rag: 'none',
      reason: `No scope change: the baseline of ${capturedOn} had no ${unit}s to compare with.`,
    };
  }
  const size = Math.abs(pct);
  const rag: Rag = size >= t.red ? 'red' : size >= t.amber ? 'amber' : 'green';
  const change = pct === 0 ? 'is unchanged' : `${pct > 0 ? 'grew' : 'shrank'} by ${size}%`;
  return {
    name: 'scope',
    value: pct,
    rag,
    reason: `Scope ${change} since the baseline of ${capturedOn}: ${plural(currentScope, unit)} now, ${baselineScope} then; ${higherPhrase(rag, t, '% either way')}.`,
  };
}

/** RAG of `count / total` as a percentage against higher-is-worse bounds (compared without rounding). */
function ragHigherIsWorse(count: number, total: number, t: Thresholds): Rag {
  if (count * 100 >= t.red * total) return 'red';
  if (count * 100 >= t.amber * total) return 'amber';
  return 'green';
}

function higherPhrase(rag: Rag, t: Thresholds, unit: string): string {
  if (rag === 'red') return `red at ${t.red}${unit}`;
  if (rag === 'amber') return `amber at ${t.amber}${unit}, red at ${t.red}${unit}`;
  return `amber at ${t.amber}${unit}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function be(n: number): string {
  return n === 1 ? 'is' : 'are';
}
