import { z } from 'zod';
import { dayOf } from '../kpis/time';
import { IsoDate, StatusCategoryKey } from '../model';
import {
  at,
  blockedChainEnds,
  type CrossLinkCandidate,
  criticalPathOf,
  findCycles,
  type KeyOf,
  type LongestPaths,
  longestPaths,
  type NodeIndex,
  nodeAt,
  nodeStates,
  openLinksOf,
  projectFacts,
  rollUpLinks,
  walkBack,
} from './graph-steps';
import { compareIssueKeys, projectOfKey } from './keys';

/** An issue in the dependency graph. Issues outside the portfolio appear with what their links tell. */
export interface DependencyNode {
  key: string;
  projectKey: string;
  /** False only when the issue is known to be done; an issue of unknown status counts as open. */
  open: boolean;
  /** ISO date, or null when unknown. */
  due: string | null;
  /** Remaining work on the critical path: story points when present, else 1. */
  weight: number;
  /** Status category, when known; shown with the issue-level links between projects. */
  status?: StatusCategoryKey | null;
}

/** Nodes plus deduplicated "blocker -> blocked" edges, as node indices. */
export interface DependencyGraph {
  nodes: DependencyNode[];
  blockers: Int32Array;
  blocked: Int32Array;
}

/**
 * Builds the graph. Edges are `[blockerKey, blockedKey]`; the same link seen from both of its issues is
 * kept once. An edge naming a key that is not among `nodes` adds that issue as an open node of unknown
 * due date (its project taken from the key).
 */
export function createDependencyGraph(
  nodes: readonly DependencyNode[],
  edges: Iterable<readonly [string, string]>,
): DependencyGraph {
  const all = nodes.slice();
  const index = new Map<string, number>();
  for (const [i, node] of all.entries()) index.set(node.key, i);
  const indexOf = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = all.length;
      all.push({ key, projectKey: projectOfKey(key), open: true, due: null, weight: 1 });
      index.set(key, i);
    }
    return i;
  };
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const [blockerKey, blockedKey] of edges) {
    const a = indexOf(blockerKey);
    const b = indexOf(blockedKey);
    const id = a * 67_108_864 + b; // 2^26: exact for graphs of up to 67 million nodes
    if (seen.has(id)) continue;
    seen.add(id);
    from.push(a);
    to.push(b);
  }
  return { nodes: all, blockers: Int32Array.from(from), blocked: Int32Array.from(to) };
}

export const IssueRefSchema = z.object({ key: z.string(), projectKey: z.string(), due: IsoDate });

/** An open blocker due after the open issue it blocks. */
export const DateConflictSchema = z.object({
  blocker: IssueRefSchema,
  blocked: IssueRefSchema,
  /** Days between the blocked issue's due date and its blocker's. */
  daysLate: z.number().int().positive(),
  crossProject: z.boolean(),
});
export type DateConflict = z.infer<typeof DateConflictSchema>;

/** The longest chain of open blockers ending at an open issue that blocks nothing open itself. */
export const BlockedChainSchema = z.object({
  key: z.string(),
  projectKey: z.string(),
  /** Number of blocking links in the chain. */
  depth: z.number().int().positive(),
  /** From the first blocker to `key`. */
  chain: z.array(z.string()),
  /** Projects on the chain, in chain order, each once. */
  projects: z.array(z.string()),
});
export type BlockedChain = z.infer<typeof BlockedChainSchema>;

/** Links from issues of project `from` that block issues of project `to` (`from` may equal `to`). */
export const ProjectDependencySchema = z.object({
  from: z.string(),
  to: z.string(),
  /** All links between the two projects. */
  total: z.number().int().nonnegative(),
  /** Links whose blocker is unresolved and whose blocked issue is open. */
  open: z.number().int().nonnegative(),
  /** Open links whose blocker is overdue or due after the issue it blocks. */
  late: z.number().int().nonnegative(),
  /** Open links whose two issues are in the same dependency cycle. */
  inCycle: z.number().int().nonnegative(),
});
export type ProjectDependency = z.infer<typeof ProjectDependencySchema>;

/** One end of an issue-level link between two projects. */
export const LinkedIssueSchema = z.object({
  key: z.string(),
  projectKey: z.string(),
  /** Status category; null when unknown (an issue outside the portfolio that no link reported on). */
  status: StatusCategoryKey.nullable(),
  due: IsoDate.nullable(),
});
export type LinkedIssue = z.infer<typeof LinkedIssueSchema>;

/** An open link from an issue of one project to an issue of another: the drill-down of a matrix cell. */
export const CrossProjectLinkSchema = z.object({
  blocker: LinkedIssueSchema,
  blocked: LinkedIssueSchema,
  /** As in the project matrix: the blocker is overdue or due after the issue it blocks. */
  late: z.boolean(),
  /** Days the blocker is due after the issue it blocks (a date conflict); null when it is not. */
  daysLate: z.number().int().positive().nullable(),
  /** Both issues are in the same dependency cycle. */
  inCycle: z.boolean(),
});
export type CrossProjectLink = z.infer<typeof CrossProjectLinkSchema>;

const count = z.number().int().nonnegative();

/** The dependency part of a portfolio report. */
export const DependencyReportSchema = z.object({
  /** Dependency cycles among open issues: strongly connected components of size > 1, and self-blocks. Keys sorted. */
  cycles: z.array(z.array(z.string())),
  /** Longest chain of open linked issues by remaining work, on the graph without the issues in cycles. */
  criticalPath: z.array(z.string()),
  /** Remaining work along the critical path: story points, 1 for issues without an estimate. */
  criticalPathLength: z.number().nonnegative(),
  /** Longest first, capped at `limits.blockedChains`. */
  blockedChains: z.array(BlockedChainSchema),
  /** Latest first, capped at `limits.conflicts`. */
  conflicts: z.array(DateConflictSchema),
  projectMatrix: z.array(ProjectDependencySchema),
  /**
   * The open links between issues of different projects, by project pair (`from`, then `to`), flagged
   * ones (in a cycle, late) first within a pair. Capped at `limits.links` (by default `limits.conflicts`)
   * and shared fairly among the pairs, so every pair keeps some of its links; `total` counts them all.
   */
  crossProjectLinks: z.object({ total: count, items: z.array(CrossProjectLinkSchema) }),
  totals: z.object({
    /** Distinct blocking links. */
    links: count,
    openLinks: count,
    /** Open issues blocked by at least one unresolved issue. */
    blockedIssues: count,
    /** All date conflicts, including those beyond the cap. */
    conflicts: count,
    cycles: count,
    /** All blocked chains, including those beyond the cap. */
    blockedChains: count,
  }),
});
export type DependencyReport = z.infer<typeof DependencyReportSchema>;

/** What the health engine needs about one project's dependencies. */
export interface ProjectDependencyFacts {
  /** Open issues of the project blocked by at least one unresolved issue. */
  blocked: number;
  /** Of those, the ones with at least one unresolved blocker in another project. */
  blockedCrossProject: number;
  blockedKeys: string[];
  /** Open issues of the project with an open blocker due after them. */
  conflicted: number;
  /** Examples, the latest first. */
  conflictKeys: string[];
}

export interface DependencyAnalysis extends DependencyReport {
  byProject: Map<string, ProjectDependencyFacts>;
}

export interface AnalyzeOptions {
  /** Now, epoch ms: "today" is its UTC date. */
  now: number;
  /** `links` caps `crossProjectLinks.items`; when left out, `conflicts` does. */
  limits: { exampleKeys: number; blockedChains: number; conflicts: number; links?: number };
}

/**
 * Analyses the graph: cycles (iterative Tarjan), the critical path and blocked chains on the DAG that
 * remains once issues in cycles are set aside, date conflicts and the project-to-project roll-up.
 * Only open links matter for cycles, paths and chains: a done issue no longer blocks. Everything runs in
 * O(nodes + links) apart from sorting what is reported; results do not depend on input order.
 */
export function analyzeDependencies(graph: DependencyGraph, options: AnalyzeOptions): DependencyAnalysis {
  const { nodes } = graph;
  const keyOf: KeyOf = (i) => nodeAt(nodes, i).key;
  const states = nodeStates(nodes);
  const links = openLinksOf(graph, states.open);
  const { inCycle, component, cycles } = findCycles(links, states.open, keyOf);
  const paths = longestPaths(nodes, states.open, links, inCycle, keyOf);
  const critical = criticalPathOf(paths, keyOf);
  const chainEnds = blockedChainEnds(
    states.open,
    links,
    inCycle,
    paths.depth,
    options.limits.blockedChains,
    keyOf,
  );
  const rollup = rollUpLinks(graph, states, component, dayOf(options.now));
  const { byProject, blockedIssues } = projectFacts(nodes, rollup, options.limits.exampleKeys, keyOf);
  const conflicts = rollup.conflicts.sort(
    (x, y) =>
      y.daysLate - x.daysLate ||
      compareIssueKeys(x.blocked.key, y.blocked.key) ||
      compareIssueKeys(x.blocker.key, y.blocker.key),
  );
  return {
    cycles,
    criticalPath: critical.path,
    criticalPathLength: critical.length,
    blockedChains: chainEnds.ends.map((end) => blockedChain(nodes, end, paths, keyOf)),
    conflicts: conflicts.slice(0, options.limits.conflicts),
    projectMatrix: [...rollup.matrix.values()].sort((x, y) => cmp(x.from, y.from) || cmp(x.to, y.to)),
    crossProjectLinks: {
      total: rollup.crossLinks.length,
      items: listCrossLinks(rollup.crossLinks, options.limits.links ?? options.limits.conflicts, nodes),
    },
    totals: {
      links: graph.blockers.length,
      openLinks: links.count,
      blockedIssues,
      conflicts: conflicts.length,
      cycles: cycles.length,
      blockedChains: chainEnds.count,
    },
    byProject,
  };
}

/** The chain of open blockers that ends at `end`, with the projects on it in chain order. */
function blockedChain(
  nodes: readonly DependencyNode[],
  end: NodeIndex,
  paths: LongestPaths,
  keyOf: KeyOf,
): BlockedChain {
  const members = walkBack(end, paths.depthPred);
  const projects: string[] = [];
  for (const m of members) {
    const projectKey = nodeAt(nodes, m).projectKey;
    if (!projects.includes(projectKey)) projects.push(projectKey);
  }
  return {
    key: keyOf(end),
    projectKey: nodeAt(nodes, end).projectKey,
    depth: at(paths.depth, end),
    chain: members.map(keyOf),
    projects,
  };
}

/**
 * Lists at most `cap` cross-project links, shared fairly among project pairs: every pair gets
 * `min(its links, q)` where q is the largest equal share that fits, and what is left of the cap goes
 * one each to the next pairs (in pair order). Within a pair, flagged links (in a cycle, late) come
 * first, then the latest, then by blocked and blocker key.
 */
function listCrossLinks(
  candidates: CrossLinkCandidate[],
  cap: number,
  nodes: readonly DependencyNode[],
): CrossProjectLink[] {
  const node = (i: NodeIndex): DependencyNode => nodeAt(nodes, i);
  if (cap <= 0 || candidates.length === 0) return [];
  const byPair = new Map<string, CrossLinkCandidate[]>();
  for (const c of candidates) {
    let list = byPair.get(c.pair);
    if (!list) {
      list = [];
      byPair.set(c.pair, list);
    }
    list.push(c);
  }
  const pairs = [...byPair.entries()].sort(([x], [y]) => cmp(x, y));
  const quota = fairShares(
    pairs.map(([, list]) => list.length),
    cap,
  );
  const flagged = (c: CrossLinkCandidate): number => (c.inCycle || c.late ? 1 : 0);
  const items: CrossProjectLink[] = [];
  pairs.forEach(([, list], p) => {
    list.sort(
      (x, y) =>
        flagged(y) - flagged(x) ||
        Number(y.inCycle) - Number(x.inCycle) ||
        y.daysLate - x.daysLate ||
        compareIssueKeys(node(x.b).key, node(y.b).key) ||
        compareIssueKeys(node(x.a).key, node(y.a).key),
    );
    for (const c of list.slice(0, quota[p])) {
      items.push({
        blocker: linkedIssue(node(c.a)),
        blocked: linkedIssue(node(c.b)),
        late: c.late,
        daysLate: c.daysLate > 0 ? c.daysLate : null,
        inCycle: c.inCycle,
      });
    }
  });
  return items;
}

function linkedIssue(nd: DependencyNode): LinkedIssue {
  return { key: nd.key, projectKey: nd.projectKey, status: nd.status ?? null, due: nd.due };
}

/**
 * Max-min fair shares of `cap` among demands `sizes`: no share exceeds its demand, the total is
 * `min(cap, sum of sizes)`, and no share can grow without shrinking a smaller one. Ties in the
 * remainder go to the earlier demands.
 */
export function fairShares(sizes: readonly number[], cap: number): number[] {
  const total = sizes.reduce((sum, s) => sum + s, 0);
  if (total <= cap) return sizes.slice();
  // The equal share q: the largest with sum(min(s, q)) <= cap.
  const sorted = sizes.slice().sort((x, y) => x - y);
  let used = 0;
  let q = 0;
  for (const [i, s] of sorted.entries()) {
    const left = sorted.length - i;
    if (used + s * left <= cap) {
      used += s;
      q = s;
      continue;
    }
    q = Math.floor((cap - used) / left);
    break;
  }
  let rest = cap - sizes.reduce((sum, s) => sum + Math.min(s, q), 0);
  return sizes.map((s) => {
    const share = Math.min(s, q);
    if (rest <= 0 || share >= s) return share;
    rest--;
    return share + 1;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
