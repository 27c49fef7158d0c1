import { z } from 'zod';
import { dayOf, dayOfIsoDate } from '../kpis/time';
import { IsoDate, StatusCategoryKey } from '../model';
import { compareIssueKeys, projectOfKey, TopN } from './keys';

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
  for (let i = 0; i < all.length; i++) index.set((all[i] as DependencyNode).key, i);
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
export type IssueRef = z.infer<typeof IssueRefSchema>;

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

const BLOCKED = 1;
const BLOCKED_CROSS = 2;

/**
 * Analyses the graph: cycles (iterative Tarjan), the critical path and blocked chains on the DAG that
 * remains once issues in cycles are set aside, date conflicts and the project-to-project roll-up.
 * Only open links matter for cycles, paths and chains: a done issue no longer blocks. Everything runs in
 * O(nodes + links) apart from sorting what is reported; results do not depend on input order.
 */
export function analyzeDependencies(graph: DependencyGraph, options: AnalyzeOptions): DependencyAnalysis {
  const { nodes, blockers, blocked } = graph;
  const n = nodes.length;
  const today = dayOf(options.now);
  const keyOf = (i: number): string => (nodes[i] as DependencyNode).key;
  const node = (i: number): DependencyNode => nodes[i] as DependencyNode;

  const open = new Uint8Array(n);
  const dueDay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const nd = node(i);
    open[i] = nd.open ? 1 : 0;
    dueDay[i] = nd.due === null ? Number.NaN : dayOfIsoDate(nd.due);
  }

  // Open links (unresolved blocker, open blocked issue) as a CSR adjacency list.
  const outStart = new Int32Array(n + 1);
  let openLinks = 0;
  for (let e = 0; e < blockers.length; e++) {
    const a = blockers[e] as number;
    const b = blocked[e] as number;
    if (open[a] && open[b]) {
      outStart[a + 1] = (outStart[a + 1] as number) + 1;
      openLinks++;
    }
  }
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
  const outAdj = new Int32Array(openLinks);
  {
    const fill = outStart.slice(0, n);
    for (let e = 0; e < blockers.length; e++) {
      const a = blockers[e] as number;
      const b = blocked[e] as number;
      if (open[a] && open[b]) outAdj[(fill[a] as number)++] = b;
    }
  }

  const { inCycle, component, cycles } = findCycles(n, open, outStart, outAdj, keyOf);

  // One pass in topological order over the DAG that keeps issues in cycles only as chain roots (links
  // into them, and among them, are set aside): blocked-chain depth and the critical path.
  const indeg = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (let p = outStart[a] as number; p < (outStart[a + 1] as number); p++) {
      const b = outAdj[p] as number;
      if (!inCycle[b]) indeg[b] = (indeg[b] as number) + 1;
    }
  }
  const depth = new Int32Array(n);
  const depthPred = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const distPred = new Int32Array(n).fill(-1);
  const inDag = new Uint8Array(n); // non-cycle node with at least one open link to or from a non-cycle node
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    if (!inCycle[i]) dist[i] = Math.max(0, node(i).weight);
    if (indeg[i] === 0) queue[tail++] = i;
  }
  while (head < tail) {
    const u = queue[head++] as number;
    for (let p = outStart[u] as number; p < (outStart[u + 1] as number); p++) {
      const v = outAdj[p] as number;
      if (inCycle[v]) continue;
      const d = (depth[u] as number) + 1;
      if (d > (depth[v] as number) || (d === depth[v] && prefer(u, depthPred[v] as number, keyOf))) {
        depth[v] = d;
        depthPred[v] = u;
      }
      if (!inCycle[u]) {
        inDag[u] = 1;
        inDag[v] = 1;
        const c = (dist[u] as number) + Math.max(0, node(v).weight);
        if (c > (dist[v] as number) || (c === dist[v] && prefer(u, distPred[v] as number, keyOf))) {
          dist[v] = c;
          distPred[v] = u;
        }
      }
      const left = (indeg[v] as number) - 1;
      indeg[v] = left;
      if (left === 0) queue[tail++] = v;
    }
  }

  let end = -1;
  for (let i = 0; i < n; i++) {
    if (!inDag[i]) continue;
    if (end < 0 || (dist[i] as number) > (dist[end] as number)) end = i;
    else if (dist[i] === dist[end] && compareIssueKeys(keyOf(i), keyOf(end)) < 0) end = i;
  }
  const criticalPath = end < 0 ? [] : walkBack(end, distPred).map(keyOf);
  const criticalPathLength = end < 0 ? 0 : (dist[end] as number);

  // Chain ends: blocked non-cycle issues that block no open non-cycle issue.
  const chainEnds = new TopN<number>(options.limits.blockedChains, (a, b) =>
    depth[a] !== depth[b]
      ? (depth[b] as number) - (depth[a] as number)
      : compareIssueKeys(keyOf(a), keyOf(b)),
  );
  let chainCount = 0;
  for (let i = 0; i < n; i++) {
    if (!open[i] || inCycle[i] || (depth[i] as number) < 1) continue;
    let blocksMore = false;
    for (let p = outStart[i] as number; p < (outStart[i + 1] as number); p++) {
      if (!inCycle[outAdj[p] as number]) {
        blocksMore = true;
        break;
      }
    }
    if (blocksMore) continue;
    chainCount++;
    chainEnds.add(i);
  }
  const blockedChains = chainEnds.items.map((i): BlockedChain => {
    const members = walkBack(i, depthPred);
    const projects: string[] = [];
    for (const m of members) {
      const pk = node(m).projectKey;
      if (!projects.includes(pk)) projects.push(pk);
    }
    return {
      key: keyOf(i),
      projectKey: node(i).projectKey,
      depth: depth[i] as number,
      chain: members.map(keyOf),
      projects,
    };
  });

  // Direct blocking, date conflicts and the project roll-up.
  const flags = new Uint8Array(n);
  const maxLate = new Int32Array(n).fill(-1);
  const conflicts: DateConflict[] = [];
  const matrix = new Map<string, ProjectDependency>();
  const crossLinks: CrossLinkCandidate[] = [];
  for (let e = 0; e < blockers.length; e++) {
    const a = blockers[e] as number;
    const b = blocked[e] as number;
    const na = node(a);
    const nb = node(b);
    const cross = na.projectKey !== nb.projectKey;
    const isOpen = open[a] === 1 && open[b] === 1;
    let late = false;
    let daysLate = 0;
    if (isOpen) {
      flags[b] = (flags[b] as number) | BLOCKED | (cross ? BLOCKED_CROSS : 0);
      const da = dueDay[a] as number;
      const db = dueDay[b] as number;
      if (da < today) late = true;
      if (da > db) {
        late = true;
        daysLate = da - db;
        if (daysLate > (maxLate[b] as number)) maxLate[b] = daysLate;
        conflicts.push({
          blocker: { key: na.key, projectKey: na.projectKey, due: na.due as string },
          blocked: { key: nb.key, projectKey: nb.projectKey, due: nb.due as string },
          daysLate,
          crossProject: cross,
        });
      }
    }
    const cellKey = `${na.projectKey}\u0000${nb.projectKey}`;
    let cell = matrix.get(cellKey);
    if (!cell) {
      cell = { from: na.projectKey, to: nb.projectKey, total: 0, open: 0, late: 0, inCycle: 0 };
      matrix.set(cellKey, cell);
    }
    const cyclic = isOpen && (component[a] as number) >= 0 && component[a] === component[b];
    cell.total++;
    if (isOpen) cell.open++;
    if (late) cell.late++;
    if (cyclic) cell.inCycle++;
    if (isOpen && cross) crossLinks.push({ a, b, late, daysLate, inCycle: cyclic, pair: cellKey });
  }
  conflicts.sort(
    (x, y) =>
      y.daysLate - x.daysLate ||
      compareIssueKeys(x.blocked.key, y.blocked.key) ||
      compareIssueKeys(x.blocker.key, y.blocker.key),
  );

  const byProject = new Map<
    string,
    { facts: ProjectDependencyFacts; blocked: TopN<number>; late: TopN<number> }
  >();
  const examples = options.limits.exampleKeys;
  let blockedIssues = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i] as number;
    if (!f) continue;
    blockedIssues++;
    const pk = node(i).projectKey;
    let entry = byProject.get(pk);
    if (!entry) {
      entry = {
        facts: { blocked: 0, blockedCrossProject: 0, blockedKeys: [], conflicted: 0, conflictKeys: [] },
        blocked: new TopN<number>(
          examples,
          (a, b) =>
            ((flags[b] as number) & BLOCKED_CROSS) - ((flags[a] as number) & BLOCKED_CROSS) ||
            compareIssueKeys(keyOf(a), keyOf(b)),
        ),
        late: new TopN<number>(
          examples,
          (a, b) => (maxLate[b] as number) - (maxLate[a] as number) || compareIssueKeys(keyOf(a), keyOf(b)),
        ),
      };
      byProject.set(pk, entry);
    }
    entry.facts.blocked++;
    if (f & BLOCKED_CROSS) entry.facts.blockedCrossProject++;
    entry.blocked.add(i);
    if ((maxLate[i] as number) > 0) {
      entry.facts.conflicted++;
      entry.late.add(i);
    }
  }
  const facts = new Map<string, ProjectDependencyFacts>();
  for (const [pk, entry] of byProject) {
    entry.facts.blockedKeys = entry.blocked.items.map(keyOf);
    entry.facts.conflictKeys = entry.late.items.map(keyOf);
    facts.set(pk, entry.facts);
  }

  return {
    cycles,
    criticalPath,
    criticalPathLength,
    blockedChains,
    conflicts: conflicts.slice(0, options.limits.conflicts),
    projectMatrix: [...matrix.values()].sort((x, y) => cmp(x.from, y.from) || cmp(x.to, y.to)),
    crossProjectLinks: {
      total: crossLinks.length,
      items: listCrossLinks(crossLinks, options.limits.links ?? options.limits.conflicts, node),
    },
    totals: {
      links: blockers.length,
      openLinks,
      blockedIssues,
      conflicts: conflicts.length,
      cycles: cycles.length,
      blockedChains: chainCount,
    },
    byProject: facts,
  };
}

interface CrossLinkCandidate {
  a: number;
  b: number;
  late: boolean;
  /** 0 when not a date conflict. */
  daysLate: number;
  inCycle: boolean;
  /** Project pair id: "<from>\u0000<to>". */
  pair: string;
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
  node: (i: number) => DependencyNode,
): CrossProjectLink[] {
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
  const pairs = [...byPair.keys()].sort(cmp);
  const sizes = pairs.map((p) => (byPair.get(p) as CrossLinkCandidate[]).length);
  const quota = fairShares(sizes, cap);
  const flagged = (c: CrossLinkCandidate): number => (c.inCycle || c.late ? 1 : 0);
  const items: CrossProjectLink[] = [];
  pairs.forEach((pair, p) => {
    const list = byPair.get(pair) as CrossLinkCandidate[];
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
  for (let i = 0; i < sorted.length; i++) {
    const left = sorted.length - i;
    const s = sorted[i] as number;
    if (used + s * left <= cap) {
      used += s;
      q = s;
      continue;
    }
    q = Math.floor((cap - used) / left);
    break;
  }
  const shares = sizes.map((s) => Math.min(s, q));
  let rest = cap - shares.reduce((sum, s) => sum + s, 0);
  for (let i = 0; i < shares.length && rest > 0; i++) {
    if ((shares[i] as number) < (sizes[i] as number)) {
      shares[i] = (shares[i] as number) + 1;
      rest--;
    }
  }
  return shares;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `candidate` should replace `current` as predecessor on a tie: no predecessor first, then by key. */
function prefer(candidate: number, current: number, keyOf: (i: number) => string): boolean {
  if (current < 0) return false;
  return compareIssueKeys(keyOf(candidate), keyOf(current)) < 0;
}

/** Node indices from the start of the predecessor chain to `end`. */
function walkBack(end: number, pred: Int32Array): number[] {
  const path: number[] = [];
  for (let v = end; v >= 0; v = pred[v] as number) path.push(v);
  return path.reverse();
}

/**
 * Tarjan's strongly connected components, iteratively (an explicit stack instead of recursion, so long
 * chains in a 100,000-issue portfolio cannot overflow the call stack). Returns the issues in cycles, the
 * cycle of each issue (an id, -1 when in none) and the cycles as sorted key lists, largest first.
 */
function findCycles(
  n: number,
  open: Uint8Array,
  outStart: Int32Array,
  outAdj: Int32Array,
  keyOf: (i: number) => string,
): { inCycle: Uint8Array; component: Int32Array; cycles: string[][] } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const edgePtr = new Int32Array(n);
  const inCycle = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const cycles: string[][] = [];
  let counter = 0;
  let sp = 0;
  for (let s = 0; s < n; s++) {
    if (!open[s] || index[s] !== -1 || outStart[s] === outStart[s + 1]) continue;
    let csp = 0;
    index[s] = low[s] = counter++;
    stack[sp++] = s;
    onStack[s] = 1;
    edgePtr[s] = outStart[s] as number;
    callStack[csp++] = s;
    while (csp > 0) {
      const v = callStack[csp - 1] as number;
      const ptr = edgePtr[v] as number;
      if (ptr < (outStart[v + 1] as number)) {
        edgePtr[v] = ptr + 1;
        const w = outAdj[ptr] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          edgePtr[w] = outStart[w] as number;
          callStack[csp++] = w;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) {
          low[v] = index[w] as number;
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const u = callStack[csp - 1] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack[--sp] as number;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || hasSelfLoop(v, outStart, outAdj)) {
        for (const m of members) {
          inCycle[m] = 1;
          component[m] = cycles.length;
        }
        cycles.push(members.map(keyOf).sort(compareIssueKeys));
      }
    }
  }
  cycles.sort((a, b) => b.length - a.length || compareIssueKeys(a[0] as string, b[0] as string));
  return { inCycle, component, cycles };
}

function hasSelfLoop(v: number, outStart: Int32Array, outAdj: Int32Array): boolean {
  for (let p = outStart[v] as number; p < (outStart[v + 1] as number); p++) if (outAdj[p] === v) return true;
  return false;
}
