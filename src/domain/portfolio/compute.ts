import {
  analyzeDependencies,
  createDependencyGraph,
  type DependencyNode,
  type DependencyReport,
} from '../dependencies/graph';
import { compareIssueKeys, projectOfKey, TopN } from '../dependencies/keys';
import { AppError } from '../errors';
import {
  applyOverride,
  type BaselineComparison,
  type ComplianceInput,
  computeHealth,
  type ManualOverride,
  type Rag,
} from '../health/health';
import { type BaselineMark, ProgressAccumulator, progressAgainst } from '../history/baseline';
import { KpiAccumulator } from '../kpis/kpis';
import { dayOf, dayOfIsoDate, MS_PER_DAY } from '../kpis/time';
import type { PortfolioIssue, Project, StatusCategoryKey } from '../model';
import {
  buildHeatMap,
  compareRaidLog,
  compareRisks,
  type RaidLogEntry,
  type RiskEntry,
  scoreRisk,
} from '../risks/raid';
import type { EngineSettings } from '../settings';
import { chunkBasis, type IssueRow, type PortfolioChunk, summarizeIssues } from './chunk';
import type { PortfolioComputation, ProjectReport } from './schema';

/** Status codes of chunk rows (see `StatusCode`) as status category keys. */
const STATUS_KEYS: readonly StatusCategoryKey[] = ['new', 'indeterminate', 'done'];

/** Inputs beyond the issues that shape a report. */
export interface PortfolioExtras {
  /** Per project key: compliance with the active standards, from the standards engine. */
  compliance?: Readonly<Record<string, ComplianceInput>>;
  /** Per project key: a manual RAG override; expired ones are ignored. */
  overrides?: Readonly<Record<string, ManualOverride>>;
  /** Per project key: its newest baseline, for the schedule variance and scope indicators. */
  baselines?: Readonly<Record<string, BaselineMark>>;
}

export interface ComputePortfolioInput extends PortfolioExtras {
  projects: readonly Project[];
  issues: readonly PortfolioIssue[];
  settings: EngineSettings;
  now: Date;
}

/** The whole computation in one call: `summarizeIssues` then `computePortfolioFromChunk`. */
export function computePortfolio(input: ComputePortfolioInput): PortfolioComputation {
  const chunk = summarizeIssues(input.issues, input.settings, input.now);
  return computePortfolioFromChunk(chunk, input.projects, input.settings, input.now, input);
}

interface ProjectState {
  project: Project;
  kpi: KpiAccumulator;
  open: number;
  overdue: number;
  openWithoutDueDate: number;
  overdueTop: TopN<[key: string, dueDay: number]>;
  inProgress: number;
  stale: number;
  staleTop: TopN<[key: string, updated: number]>;
  risks: RiskEntry[];
  /** Collected only for projects with a baseline. */
  progress: ProgressAccumulator | null;
}

/**
 * Computes the report from a (merged) chunk. Issues of projects outside `projects` take part in the
 * dependency graph only (as blockers or blocked issues of the portfolio's issues); KPIs, health and RAID
 * cover the listed projects. The result depends on the chunk's content, never on the order of its rows.
 */
export function computePortfolioFromChunk(
  chunk: PortfolioChunk,
  projects: readonly Project[],
  settings: EngineSettings,
  now: Date,
  extras: PortfolioExtras = {},
): PortfolioComputation {
  if (chunk.basis !== chunkBasis(settings)) {
    throw new AppError(
      'CONFLICT',
      'The portfolio data was collected under different link or RAID settings; refresh the portfolio.',
    );
  }
  const nowMs = now.getTime();
  const today = dayOf(nowMs);
  const staleBefore = nowMs - settings.staleDays * MS_PER_DAY;
  const examples = settings.limits.exampleKeys;

  const states = new Map<string, ProjectState>();
  for (const project of projects) {
    if (states.has(project.key)) continue;
    states.set(project.key, {
      project,
      kpi: new KpiAccumulator(nowMs),
      open: 0,
      overdue: 0,
      openWithoutDueDate: 0,
      overdueTop: new TopN(examples, (a, b) => a[1] - b[1] || compareIssueKeys(a[0], b[0])),
      inProgress: 0,
      stale: 0,
      staleTop: new TopN(examples, (a, b) => a[1] - b[1] || compareIssueKeys(a[0], b[0])),
      risks: [],
      progress: extras.baselines?.[project.key] ? new ProgressAccumulator() : null,
    });
  }
  const portfolioKpi = new KpiAccumulator(nowMs);
  const nodes: DependencyNode[] = [];
  const edges: [string, string][] = [];
  const risks: RiskEntry[] = [];
  const logs: Record<'assumption' | 'decision' | 'issue', RaidLogEntry[]> = {
    assumption: [],
    decision: [],
    issue: [],
  };

  for (const key of Object.keys(chunk.issues)) {
    const row = chunk.issues[key] as IssueRow;
    const [projectKey, status, due, created, updated, resolved, , blocks, blockedBy, raid] = row;
    const open = status !== 2;
    for (const other of blocks) edges.push([key, other]);
    for (const other of blockedBy) edges.push([other, key]);

    const state = states.get(projectKey);
    if (!state) continue;
    const dueDay = due === null ? Number.NaN : dayOfIsoDate(due);
    const overdue = open && dueDay < today;
    const inProgress = status === 1;
    const facts = { open, inProgress, overdue, created, resolved };
    state.kpi.add(facts);
    state.progress?.add(row);
    portfolioKpi.add(facts);
    if (open) {
      state.open++;
      if (due === null) state.openWithoutDueDate++;
      if (overdue) {
        state.overdue++;
        state.overdueTop.add([key, dueDay]);
      }
      if (inProgress) {
        state.inProgress++;
        if (updated !== null && updated <= staleBefore) {
          state.stale++;
          state.staleTop.add([key, updated]);
        }
      }
    }
    if (raid === null) continue;
    const [kind, summary, statusName, owner, probability, impact, roam] = raid;
    if (kind === 'risk') {
      const score = scoreRisk(probability, impact, settings);
      const entry: RiskEntry = {
        key,
        summary,
        projectKey,
        status: statusName,
        open,
        ...score,
        roam,
        owner,
        due,
      };
      risks.push(entry);
      state.risks.push(entry);
    } else {
      logs[kind].push({ key, summary, projectKey, status: statusName, open, owner, due });
    }
  }
  // The graph holds only issues on some blocking link: rows as read, the others as their links report them.
  const inGraph = new Set<string>();
  for (const [blocker, blocked] of edges) {
    for (const key of [blocker, blocked]) {
      if (inGraph.has(key)) continue;
      inGraph.add(key);
      const row = chunk.issues[key];
      const code = row === undefined ? (chunk.linked[key] ?? null) : row[1];
      const status = code === null ? null : (STATUS_KEYS[code] as StatusCategoryKey);
      nodes.push(
        row === undefined
          ? { key, projectKey: projectOfKey(key), open: code !== 2, due: null, weight: 1, status }
          : { key, projectKey: row[0], open: code !== 2, due: row[2], weight: row[6] ?? 1, status },
      );
    }
  }

  const dependencies = analyzeDependencies(createDependencyGraph(nodes, edges), {
    now: nowMs,
    limits: settings.limits,
  });

  const rag: Record<Rag, number> = { green: 0, amber: 0, red: 0, none: 0 };
  const projectReports: ProjectReport[] = [];
  for (const state of states.values()) {
    const { project } = state;
    const computed = computeHealth(
      {
        open: state.open,
        overdue: state.overdue,
        openWithoutDueDate: state.openWithoutDueDate,
        overdueKeys: state.overdueTop.items.map(([key]) => key),
        dependencies: dependencies.byProject.get(project.key),
        inProgress: state.inProgress,
        stale: state.stale,
        staleKeys: state.staleTop.items.map(([key]) => key),
        risks: state.risks,
        compliance: extras.compliance?.[project.key],
        baseline: baselineComparison(extras.baselines?.[project.key], state.progress),
      },
      settings,
    );
    const health = applyOverride(computed, extras.overrides?.[project.key], nowMs);
    rag[health.rag]++;
    projectReports.push({
      key: project.key,
      name: project.name,
      category: project.category,
      health,
      kpis: state.kpi.result(),
    });
  }

  risks.sort(compareRisks);
  const { byProject: _byProject, ...dependencyReport } = dependencies;
  return {
    asOf: now.toISOString(),
    summary: { projects: projectReports.length, rag },
    projects: projectReports,
    dependencies: dependencyReport satisfies DependencyReport,
    risks,
    heatmap: buildHeatMap(risks, settings.riskMatrix),
    raid: {
      assumptions: logs.assumption.sort(compareRaidLog),
      decisions: logs.decision.sort(compareRaidLog),
      issues: logs.issue.sort(compareRaidLog),
    },
    kpis: portfolioKpi.result(),
  };
}

function baselineComparison(
  baseline: BaselineMark | undefined,
  progress: ProgressAccumulator | null,
): BaselineComparison | undefined {
  if (!baseline || !progress) return undefined;
  const now = progress.result();
  return {
    capturedOn: baseline.day,
    baselineFinish: baseline.forecastFinish,
    forecastFinish: now.forecastFinish,
    ...progressAgainst(baseline, now),
  };
}
