import { dayOfIsoDate } from '../kpis/time';
import type {
  DateConflict,
  DependencyGraph,
  DependencyNode,
  ProjectDependency,
  ProjectDependencyFacts,
} from './graph';
import { compareIssueKeys, TopN } from './keys';

/**
 * The steps of `analyzeDependencies`, each over per-node typed arrays indexed by node (a position in
 * `DependencyGraph.nodes`). Typed arrays keep a 100,000-issue portfolio fast and small.
 */

/** A position in `DependencyGraph.nodes` (or, for link arrays, in `blockers`/`blocked`). */
export type NodeIndex = number;
type PerNode = Int32Array | Float64Array | Uint8Array;

/**
 * The value of a per-node or per-link array at `i`. Every index here comes from the graph itself, so
 * it is in range; this is the one place that tells the compiler so (`noUncheckedIndexedAccess`).
 */
export function at(values: PerNode, i: NodeIndex): number {
  return values[i] as number;
}

export function nodeAt(nodes: readonly DependencyNode[], i: NodeIndex): DependencyNode {
  return nodes[i] as DependencyNode;
}

export type KeyOf = (i: NodeIndex) => string;

/** What each node is: open (1) or done (0), and its due date as a day number (NaN when unknown). */
export interface NodeStates {
  open: Uint8Array;
  dueDay: Float64Array;
}

export function nodeStates(nodes: readonly DependencyNode[]): NodeStates {
  const n = nodes.length;
  const open = new Uint8Array(n);
  const dueDay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodeAt(nodes, i);
    open[i] = node.open ? 1 : 0;
    dueDay[i] = node.due === null ? Number.NaN : dayOfIsoDate(node.due);
  }
  return { open, dueDay };
}

/**
 * Open links (unresolved blocker, open blocked issue) as a compressed adjacency list: the issues node
 * `u` blocks are `target[start[u]]` up to (not including) `target[start[u + 1]]`.
 */
export interface OpenLinks {
  start: Int32Array;
  target: Int32Array;
  count: number;
}

export function openLinksOf(graph: DependencyGraph, open: Uint8Array): OpenLinks {
  const { blockers, blocked } = graph;
  const n = graph.nodes.length;
  const isOpenLink = (e: number): boolean =>
    at(open, at(blockers, e)) === 1 && at(open, at(blocked, e)) === 1;
  const start = new Int32Array(n + 1);
  let count = 0;
  for (let e = 0; e < blockers.length; e++) {
    if (!isOpenLink(e)) continue;
    const a = at(blockers, e);
    start[a + 1] = at(start, a + 1) + 1;
    count++;
  }
  for (let i = 0; i < n; i++) start[i + 1] = at(start, i + 1) + at(start, i);
  const target = new Int32Array(count);
  const next = start.slice(0, n);
  for (let e = 0; e < blockers.length; e++) {
    if (!isOpenLink(e)) continue;
    const a = at(blockers, e);
    const slot = at(next, a);
    next[a] = slot + 1;
    target[slot] = at(blocked, e);
  }
  return { start, target, count };
}

/** Issues in dependency cycles: a flag per node, the cycle's id per node (-1: none), the cycles' keys. */
export interface Cycles {
  inCycle: Uint8Array;
  component: Int32Array;
  cycles: string[][];
}

/**
 * Tarjan's strongly connected components, iteratively (an explicit stack instead of recursion, so long
 * chains in a 100,000-issue portfolio cannot overflow the call stack). Cycles are components of more
 * than one issue, and self-blocks; each is a sorted key list, the largest first.
 */
export function findCycles(links: OpenLinks, open: Uint8Array, keyOf: KeyOf): Cycles {
  const { start, target } = links;
  const n = open.length;
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
  const visit = (v: NodeIndex): void => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    edgePtr[v] = at(start, v);
  };
  for (let s = 0; s < n; s++) {
    if (!at(open, s) || at(index, s) !== -1 || at(start, s) === at(start, s + 1)) continue;
    let csp = 0;
    visit(s);
    callStack[csp++] = s;
    while (csp > 0) {
      const v = at(callStack, csp - 1);
      const ptr = at(edgePtr, v);
      if (ptr < at(start, v + 1)) {
        edgePtr[v] = ptr + 1;
        const w = at(target, ptr);
        if (at(index, w) === -1) {
          visit(w);
          callStack[csp++] = w;
        } else if (at(onStack, w) && at(index, w) < at(low, v)) {
          low[v] = at(index, w);
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const u = at(callStack, csp - 1);
        if (at(low, v) < at(low, u)) low[u] = at(low, v);
      }
      if (at(low, v) !== at(index, v)) continue;
      const members: NodeIndex[] = [];
      let w: NodeIndex;
      do {
        w = at(stack, --sp);
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || blocksItself(links, v)) {
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

function blocksItself(links: OpenLinks, v: NodeIndex): boolean {
  for (let p = at(links.start, v); p < at(links.start, v + 1); p++)
    if (at(links.target, p) === v) return true;
  return false;
}

/**
 * Longest paths on the DAG that keeps issues in cycles only as chain roots: per node, the depth of the
 * longest chain of open blockers ending there and the remaining work along the heaviest path ending
 * there, each with the predecessor that gave it (-1: none).
 */
export interface LongestPaths {
  depth: Int32Array;
  depthPred: Int32Array;
  dist: Float64Array;
  distPred: Int32Array;
  /** Non-cycle nodes with at least one open link to or from a non-cycle node. */
  inDag: Uint8Array;
}

/** One pass in topological order (Kahn); links into issues in cycles, and among them, are set aside. */
export function longestPaths(
  nodes: readonly DependencyNode[],
  open: Uint8Array,
  links: OpenLinks,
  inCycle: Uint8Array,
  keyOf: KeyOf,
): LongestPaths {
  const { start, target } = links;
  const n = nodes.length;
  const indeg = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (let p = at(start, a); p < at(start, a + 1); p++) {
      const b = at(target, p);
      if (!at(inCycle, b)) indeg[b] = at(indeg, b) + 1;
    }
  }
  const depth = new Int32Array(n);
  const depthPred = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const distPred = new Int32Array(n).fill(-1);
  const inDag = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (!at(open, i)) continue;
    if (!at(inCycle, i)) dist[i] = Math.max(0, nodeAt(nodes, i).weight);
    if (at(indeg, i) === 0) queue[tail++] = i;
  }
  while (head < tail) {
    const u = at(queue, head++);
    for (let p = at(start, u); p < at(start, u + 1); p++) {
      const v = at(target, p);
      if (at(inCycle, v)) continue;
      const d = at(depth, u) + 1;
      if (d > at(depth, v) || (d === at(depth, v) && prefer(u, at(depthPred, v), keyOf))) {
        depth[v] = d;
        depthPred[v] = u;
      }
      if (!at(inCycle, u)) {
        inDag[u] = 1;
        inDag[v] = 1;
        const c = at(dist, u) + Math.max(0, nodeAt(nodes, v).weight);
        if (c > at(dist, v) || (c === at(dist, v) && prefer(u, at(distPred, v), keyOf))) {
          dist[v] = c;
          distPred[v] = u;
        }
      }
      const left = at(indeg, v) - 1;
      indeg[v] = left;
      if (left === 0) queue[tail++] = v;
    }
  }
  return { depth, depthPred, dist, distPred, inDag };
}

/** True when `candidate` should replace `current` as predecessor on a tie: no predecessor first, then by key. */
function prefer(candidate: NodeIndex, current: NodeIndex, keyOf: KeyOf): boolean {
  if (current < 0) return false;
  return compareIssueKeys(keyOf(candidate), keyOf(current)) < 0;
}

/** Node indices from the start of the predecessor chain to `end`. */
export function walkBack(end: NodeIndex, pred: Int32Array): NodeIndex[] {
  const path: NodeIndex[] = [];
  for (let v = end; v >= 0; v = at(pred, v)) path.push(v);
  return path.reverse();
}

/** The heaviest path of the DAG (ties: the smaller end key), as keys, and its remaining work. */
export function criticalPathOf(paths: LongestPaths, keyOf: KeyOf): { path: string[]; length: number } {
  const { dist, inDag } = paths;
  let end = -1;
  for (let i = 0; i < inDag.length; i++) {
    if (!at(inDag, i)) continue;
    if (end < 0 || at(dist, i) > at(dist, end)) end = i;
    else if (at(dist, i) === at(dist, end) && compareIssueKeys(keyOf(i), keyOf(end)) < 0) end = i;
  }
  return end < 0
    ? { path: [], length: 0 }
    : { path: walkBack(end, paths.distPred).map(keyOf), length: at(dist, end) };
}

/**
 * Ends of blocked chains: open, blocked non-cycle issues that block no open non-cycle issue. Returns
 * the deepest `limit` of them (ties by key) and how many there are.
 */
export function blockedChainEnds(
  open: Uint8Array,
  links: OpenLinks,
  inCycle: Uint8Array,
  depth: Int32Array,
  limit: number,
  keyOf: KeyOf,
): { ends: NodeIndex[]; count: number } {
  const ends = new TopN<NodeIndex>(limit, (a, b) =>
    at(depth, a) !== at(depth, b) ? at(depth, b) - at(depth, a) : compareIssueKeys(keyOf(a), keyOf(b)),
  );
  let count = 0;
  for (let i = 0; i < open.length; i++) {
    if (!at(open, i) || at(inCycle, i) || at(depth, i) < 1) continue;
    if (blocksOpenNonCycleIssue(links, inCycle, i)) continue;
    count++;
    ends.add(i);
  }
  return { ends: ends.items, count };
}

function blocksOpenNonCycleIssue(links: OpenLinks, inCycle: Uint8Array, i: NodeIndex): boolean {
  for (let p = at(links.start, i); p < at(links.start, i + 1); p++) {
    if (!at(inCycle, at(links.target, p))) return true;
  }
  return false;
}

/** Per-node flags of `LinkRollup.flags`. */
const BLOCKED = 1;
const BLOCKED_CROSS = 2;

/** An open link between issues of two projects, a candidate for the report's cross-project list. */
export interface CrossLinkCandidate {
  a: NodeIndex;
  b: NodeIndex;
  late: boolean;
  /** 0 when not a date conflict. */
  daysLate: number;
  inCycle: boolean;
  /** Project pair id: "<from>\u0000<to>". */
  pair: string;
}

/** Every link classified once: who is blocked, date conflicts, the project matrix, cross-project links. */
export interface LinkRollup {
  /** BLOCKED and BLOCKED_CROSS bits per node. */
  flags: Uint8Array;
  /** Per node: the most days an open blocker is due after it; -1 when none is. */
  maxLate: Int32Array;
  /** Unsorted. */
  conflicts: DateConflict[];
  /** By project pair id. */
  matrix: Map<string, ProjectDependency>;
  crossLinks: CrossLinkCandidate[];
}

export function rollUpLinks(
  graph: DependencyGraph,
  states: NodeStates,
  component: Int32Array,
  today: number,
): LinkRollup {
  const { nodes, blockers, blocked } = graph;
  const { open, dueDay } = states;
  const flags = new Uint8Array(nodes.length);
  const maxLate = new Int32Array(nodes.length).fill(-1);
  const conflicts: DateConflict[] = [];
  const matrix = new Map<string, ProjectDependency>();
  const crossLinks: CrossLinkCandidate[] = [];
  for (let e = 0; e < blockers.length; e++) {
    const a = at(blockers, e);
    const b = at(blocked, e);
    const na = nodeAt(nodes, a);
    const nb = nodeAt(nodes, b);
    const cross = na.projectKey !== nb.projectKey;
    const isOpen = at(open, a) === 1 && at(open, b) === 1;
    let late = false;
    let daysLate = 0;
    if (isOpen) {
      flags[b] = at(flags, b) | BLOCKED | (cross ? BLOCKED_CROSS : 0);
      const da = at(dueDay, a);
      const db = at(dueDay, b);
      if (da < today) late = true;
      // Both due dates are known here: a comparison with NaN is false.
      if (na.due !== null && nb.due !== null && da > db) {
        late = true;
        daysLate = da - db;
        if (daysLate > at(maxLate, b)) maxLate[b] = daysLate;
        conflicts.push({
          blocker: { key: na.key, projectKey: na.projectKey, due: na.due },
          blocked: { key: nb.key, projectKey: nb.projectKey, due: nb.due },
          daysLate,
          crossProject: cross,
        });
      }
    }
    const pair = `${na.projectKey}\u0000${nb.projectKey}`;
    let cell = matrix.get(pair);
    if (!cell) {
      cell = { from: na.projectKey, to: nb.projectKey, total: 0, open: 0, late: 0, inCycle: 0 };
      matrix.set(pair, cell);
    }
    const cyclic = isOpen && at(component, a) >= 0 && at(component, a) === at(component, b);
    cell.total++;
    if (isOpen) cell.open++;
    if (late) cell.late++;
    if (cyclic) cell.inCycle++;
    if (isOpen && cross) crossLinks.push({ a, b, late, daysLate, inCycle: cyclic, pair });
  }
  return { flags, maxLate, conflicts, matrix, crossLinks };
}

/** Per project: its blocked and conflicted issues, with example keys (cross-project and latest first). */
export function projectFacts(
  nodes: readonly DependencyNode[],
  rollup: LinkRollup,
  examples: number,
  keyOf: KeyOf,
): { byProject: Map<string, ProjectDependencyFacts>; blockedIssues: number } {
  const { flags, maxLate } = rollup;
  const crossFirst = (a: NodeIndex, b: NodeIndex): number =>
    (at(flags, b) & BLOCKED_CROSS) - (at(flags, a) & BLOCKED_CROSS) || compareIssueKeys(keyOf(a), keyOf(b));
  const latestFirst = (a: NodeIndex, b: NodeIndex): number =>
    at(maxLate, b) - at(maxLate, a) || compareIssueKeys(keyOf(a), keyOf(b));
  const entries = new Map<
    string,
    { facts: ProjectDependencyFacts; blocked: TopN<NodeIndex>; late: TopN<NodeIndex> }
  >();
  let blockedIssues = 0;
  for (let i = 0; i < nodes.length; i++) {
    const f = at(flags, i);
    if (!f) continue;
    blockedIssues++;
    const projectKey = nodeAt(nodes, i).projectKey;
    let entry = entries.get(projectKey);
    if (!entry) {
      entry = {
        facts: { blocked: 0, blockedCrossProject: 0, blockedKeys: [], conflicted: 0, conflictKeys: [] },
        blocked: new TopN<NodeIndex>(examples, crossFirst),
        late: new TopN<NodeIndex>(examples, latestFirst),
      };
      entries.set(projectKey, entry);
    }
    entry.facts.blocked++;
    if (f & BLOCKED_CROSS) entry.facts.blockedCrossProject++;
    entry.blocked.add(i);
    if (at(maxLate, i) > 0) {
      entry.facts.conflicted++;
      entry.late.add(i);
    }
  }
  const byProject = new Map<string, ProjectDependencyFacts>();
  for (const [projectKey, entry] of entries) {
    entry.facts.blockedKeys = entry.blocked.items.map(keyOf);
    entry.facts.conflictKeys = entry.late.items.map(keyOf);
    byProject.set(projectKey, entry.facts);
  }
  return { byProject, blockedIssues };
}
