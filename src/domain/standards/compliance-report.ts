import { z } from 'zod';
import type { ComplianceInput } from '../health/health';
import { NamedRefSchema } from '../model';
import type { ComplianceCounts } from '../settings';
import type { Evaluator } from './evaluate';
import { type IssueFacts, tickOf } from './evaluation';
import { type StageLookup, stageLookup } from './lifecycle';
import type { Lifecycle, Standard } from './schema';

/**
 * The portfolio's compliance with the PMO standards: a standards × projects matrix, the violating
 * issues with what each misses, and where each gated issue (typically an epic) stands in its
 * lifecycle. Lists are capped; `truncated` says when more existed.
 */

const count = z.number().int().nonnegative();
const Mode = z.enum(['enforce', 'warn']);

/** How far an issue is with one gate's checklist. */
const GateProgressSchema = z.object({
  ruleId: z.string(),
  standardName: z.string(),
  stage: NamedRefSchema,
  ticked: count,
  mandatory: count,
  /** Items of this gate ticked so far, as evidence: text, who, when. */
  evidence: z.array(z.object({ text: z.string(), by: z.string(), at: z.string() })),
  ready: z.boolean(),
});

export const ComplianceReportSchema = z.object({
  standards: z.array(z.object({ id: z.string(), name: z.string(), mode: Mode })),
  projects: z.array(
    z.object({
      projectKey: z.string(),
      /** Issues some standard applies to. */
      evaluated: count,
      compliant: count,
      /**
       * Issues some enforce-mode standard applies to, and those meeting every one of them: what the
       * health indicator counts by default (absent in snapshots taken before it was recorded).
       */
      enforced: z.object({ evaluated: count, compliant: count }).optional(),
      byStandard: z.array(z.object({ standardId: z.string(), applicable: count, violating: count })),
    }),
  ),
  violations: z.array(
    z.object({
      key: z.string(),
      projectKey: z.string(),
      /** Null for issues with a security level: their text is never copied into reports. */
      summary: z.string().nullable(),
      standardId: z.string(),
      standardName: z.string(),
      mode: Mode,
      messages: z.array(z.string()),
    }),
  ),
  gates: z.array(
    z.object({
      key: z.string(),
      projectKey: z.string(),
      summary: z.string().nullable(),
      issueType: z.string(),
      status: z.string(),
      stage: NamedRefSchema.nullable(),
      /** The next gate this issue has to pass; null when none is ahead. */
      nextGate: GateProgressSchema.nullable(),
      /**
       * Gates of the stage it is in or stages it passed whose mandatory items are not all ticked:
       * exactly its gate violations on the compliance page (absent in older snapshots).
       */
      missedGates: z.array(GateProgressSchema).default([]),
    }),
  ),
  totals: z.object({ evaluated: count, compliant: count, violating: count }),
  /**
   * The compliance thresholds the percentages are judged against (`complianceShare`): set when a
   * report is computed for a reader, absent in stored snapshots.
   */
  thresholds: z.object({ amber: z.number(), red: z.number() }).optional(),
  /**
   * Which standards the health indicator counts (`complianceHealth.counts`): set with `thresholds`, so
   * the compliance page can say that warn-mode standards do not decide health.
   */
  healthCounts: z.enum(['enforced', 'all']).optional(),
  truncated: z.object({ violations: z.boolean(), gates: z.boolean() }),
  /** Standards that could not be evaluated as written. */
  problems: z.array(z.object({ standardId: z.string(), ruleId: z.string().nullable(), message: z.string() })),
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;
type GateProgress = z.infer<typeof GateProgressSchema>;

export interface ComplianceLimits {
  violations: number;
  gates: number;
}

type ProjectTally = {
  evaluated: number;
  compliant: number;
  enforced: { evaluated: number; compliant: number };
  byStandard: Map<string, { applicable: number; violating: number }>;
};

/** Collects compliance issue by issue, in constant memory per project and capped lists. */
export class ComplianceAccumulator {
  private readonly projects = new Map<string, ProjectTally>();
  private readonly violations: ComplianceReport['violations'] = [];
  private readonly gates: ComplianceReport['gates'] = [];
  private readonly seen = new Set<string>();
  private truncatedViolations = false;
  private truncatedGates = false;
  private readonly stages: StageLookup;
  private readonly gateRules: { standard: Standard; ruleId: string; stageIndex: number }[] = [];

  constructor(
    private readonly evaluator: Evaluator,
    private readonly standards: readonly Standard[],
    private readonly lifecycle: Lifecycle,
    private readonly limits: ComplianceLimits = { violations: 500, gates: 500 },
  ) {
    this.stages = stageLookup(lifecycle);
    for (const standard of standards) {
      if (standard.mode === 'off') continue;
      for (const rule of standard.rules) {
        if (rule.kind !== 'gateChecklist') continue;
        const stage = this.stages.stage(rule.stage);
        if (stage) this.gateRules.push({ standard, ruleId: rule.id, stageIndex: stage.index });
      }
    }
    this.gateRules.sort((a, b) => a.stageIndex - b.stageIndex);
  }

  /** Adds one issue; an issue seen twice (retried page) counts once. */
  add(facts: IssueFacts, summary: string | null): void {
    if (this.seen.has(facts.key)) return;
    this.seen.add(facts.key);
    const evaluation = this.evaluator.evaluate(facts);
    if (evaluation.applicable.length === 0) return;
    const tally = this.tallyOf(facts.projectKey);
    tally.evaluated++;
    if (evaluation.violations.length === 0) tally.compliant++;
    const enforced = new Set(
      evaluation.applicable.filter((standard) => standard.mode === 'enforce').map((standard) => standard.id),
    );
    if (enforced.size > 0) {
      tally.enforced.evaluated++;
      if (!evaluation.violations.some((violation) => enforced.has(violation.standardId)))
        tally.enforced.compliant++;
    }
    const violatingStandards = new Map<string, string[]>();
    for (const violation of evaluation.violations) {
      const messages = violatingStandards.get(violation.standardId) ?? [];
      messages.push(violation.message);
      violatingStandards.set(violation.standardId, messages);
    }
    for (const standard of evaluation.applicable) {
      const cell = tally.byStandard.get(standard.id) ?? { applicable: 0, violating: 0 };
      cell.applicable++;
      const messages = violatingStandards.get(standard.id);
      if (messages) {
        cell.violating++;
        if (this.violations.length < this.limits.violations) {
          this.violations.push({
            key: facts.key,
            projectKey: facts.projectKey,
            summary,
            standardId: standard.id,
            standardName: standard.name,
            mode: standard.mode,
            messages,
          });
        } else this.truncatedViolations = true;
      }
      tally.byStandard.set(standard.id, cell);
    }
    const missed = new Set(
      evaluation.violations
        .filter((violation) => violation.kind === 'gateChecklist')
        .map((violation) => violation.ruleId),
    );
    this.addGate(facts, summary, new Set(evaluation.applicable.map((standard) => standard.id)), missed);
  }

  /**
   * Where a gated issue stands: the gate ahead of it (readiness), and the gates it is at or past
   * without their mandatory ticks (`missed`, the rule ids of its gate violations, so this page and the
   * compliance matrix count the same issues).
   */
  private addGate(
    facts: IssueFacts,
    summary: string | null,
    applicable: ReadonlySet<string>,
    missed: ReadonlySet<string>,
  ): void {
    const rules = this.gateRules.filter((gate) => applicable.has(gate.standard.id));
    if (rules.length === 0) return;
    if (this.gates.length >= this.limits.gates) {
      this.truncatedGates = true;
      return;
    }
    const current = this.stages.indexOfStatus(facts.status.name);
    const stage = current === undefined ? null : this.lifecycle.stages[current];
    const next = rules.find((gate) => current === undefined || gate.stageIndex > current);
    this.gates.push({
      key: facts.key,
      projectKey: facts.projectKey,
      summary,
      issueType: facts.issueType,
      status: facts.status.name,
      stage: stage ? { id: stage.id, name: stage.name } : null,
      nextGate: next ? this.progressOf(next, facts) : null,
      missedGates: rules
        .filter((gate) => missed.has(gate.ruleId))
        .flatMap((gate) => {
          const progress = this.progressOf(gate, facts);
          return progress ? [progress] : [];
        }),
    });
  }

  private progressOf(
    gate: { standard: Standard; ruleId: string; stageIndex: number },
    facts: IssueFacts,
  ): GateProgress | null {
    const rule = gate.standard.rules.find((candidate) => candidate.id === gate.ruleId);
    const stage = this.lifecycle.stages[gate.stageIndex];
    if (rule?.kind !== 'gateChecklist' || !stage) return null;
    const mandatory = rule.items.filter((item) => item.mandatory);
    const evidence = rule.items.flatMap((item) => {
      const tick = tickOf(facts.ticks, rule.id, item.id);
      return tick ? [{ text: item.text, by: tick.byName ?? tick.by, at: tick.at }] : [];
    });
    const ticked = mandatory.filter((item) => tickOf(facts.ticks, rule.id, item.id) !== undefined).length;
    return {
      ruleId: rule.id,
      standardName: gate.standard.name,
      stage: { id: stage.id, name: stage.name },
      ticked,
      mandatory: mandatory.length,
      evidence,
      ready: ticked === mandatory.length,
    };
  }

  private tallyOf(projectKey: string): ProjectTally {
    let tally = this.projects.get(projectKey);
    if (!tally) {
      tally = { evaluated: 0, compliant: 0, enforced: { evaluated: 0, compliant: 0 }, byStandard: new Map() };
      this.projects.set(projectKey, tally);
    }
    return tally;
  }

  result(): ComplianceReport {
    const byKey = (a: { key: string }, b: { key: string }) =>
      a.key.localeCompare(b.key, 'en', { numeric: true });
    const projects = [...this.projects]
      .map(([projectKey, tally]) => ({
        projectKey,
        evaluated: tally.evaluated,
        compliant: tally.compliant,
        enforced: { ...tally.enforced },
        byStandard: [...tally.byStandard]
          .map(([standardId, cell]) => ({ standardId, ...cell }))
          .sort((a, b) => a.standardId.localeCompare(b.standardId)),
      }))
      .sort((a, b) => a.projectKey.localeCompare(b.projectKey));
    const evaluated = projects.reduce((sum, project) => sum + project.evaluated, 0);
    const compliant = projects.reduce((sum, project) => sum + project.compliant, 0);
    return {
      standards: this.standards
        .filter((standard): standard is Standard & { mode: 'enforce' | 'warn' } => standard.mode !== 'off')
        .map((standard) => ({ id: standard.id, name: standard.name, mode: standard.mode })),
      projects,
      violations: [...this.violations].sort(
        (a, b) => byKey(a, b) || a.standardId.localeCompare(b.standardId),
      ),
      gates: [...this.gates].sort(byKey),
      totals: { evaluated, compliant, violating: evaluated - compliant },
      truncated: { violations: this.truncatedViolations, gates: this.truncatedGates },
      problems: this.evaluator.problems,
    };
  }
}

/**
 * Compliance per project as the health indicator counts it (`complianceHealth.counts`): every
 * standard, or only those in enforce mode, with the names of the standards counted and left out. The
 * compliance page keeps every standard; only health's input changes. A snapshot taken before enforced
 * counts were recorded counts every standard until its next refresh, unless none was in warn mode.
 */
export function complianceHealthInputs(
  report: Pick<ComplianceReport, 'standards' | 'projects'>,
  counts: ComplianceCounts,
): Record<string, ComplianceInput> {
  const standardById = new Map(report.standards.map((standard) => [standard.id, standard]));
  const anyWarn = report.standards.some((standard) => standard.mode === 'warn');
  return Object.fromEntries(
    report.projects.map((project) => {
      const applying = project.byStandard
        .filter((cell) => cell.applicable > 0)
        .flatMap((cell) => {
          const standard = standardById.get(cell.standardId);
          return standard ? [standard] : [];
        });
      const enforcedCounts = project.enforced ?? (anyWarn ? null : project);
      const scope = counts === 'enforced' && enforcedCounts ? 'enforced' : 'all';
      const tally = scope === 'enforced' && enforcedCounts ? enforcedCounts : project;
      const counted = applying.filter((standard) => scope === 'all' || standard.mode === 'enforce');
      const input: ComplianceInput = {
        compliant: tally.compliant,
        evaluated: tally.evaluated,
        counted: {
          scope,
          standards: counted.map((standard) => standard.name),
          notCounted: applying
            .filter((standard) => !counted.includes(standard))
            .map((standard) => standard.name),
        },
      };
      return [project.projectKey, input];
    }),
  );
}
