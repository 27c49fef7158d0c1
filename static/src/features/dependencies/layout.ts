import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { ProjectEdgeModel } from './dependency-model';
import type { GraphEdge, GraphModel } from './graph-model';

/** Size of a project node on the graph, in px at zoom 1 (the node component uses the same). */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 64;

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  /** Top-left corner of each node (project or collapsed group), by node id, in graph coordinates. */
  positions: ReadonlyMap<string, Point>;
  /** Box of each expanded group, by group id. */
  groupBoxes: ReadonlyMap<string, Point & { width: number; height: number }>;
  /** ELK's orthogonal route of each edge it laid out, by edge id: start, bends, end. */
  routes: ReadonlyMap<string, Point[]>;
  width: number;
  height: number;
  /** Edges ELK placed the nodes by (all of them for graphs up to the budget). */
  edgesUsed: number;
}

/**
 * Up to this many edges take part in the layout. ELK's layered algorithm slows down steeply with dense
 * graphs (long edges become chains of dummy nodes), so a dense portfolio is laid out by its strongest
 * dependencies; every edge is still drawn.
 */
export function layoutEdgeBudget(nodes: number): number {
  return Math.max(160, nodes * 2);
}

function edgePriority(e: ProjectEdgeModel): number {
  return (e.onCriticalPath ? 4 : 0) + (e.inCycle > 0 ? 2 : 0) + (e.late > 0 ? 1 : 0);
}

/**
 * The edges to lay the graph out by: all of them when they fit the budget; else each node's strongest
 * edge (so no project is laid out as if it stood alone), then the critical path, cycles, late links and
 * the most links first. Deterministic.
 */
export function layoutEdges(graph: GraphModel, budget = layoutEdgeBudget(graph.nodes.length)): GraphEdge[] {
  if (graph.edges.length <= budget) return graph.edges;
  const ranked = graph.edges
    .slice()
    .sort(
      (a, b) =>
        edgePriority(b.edge) - edgePriority(a.edge) || b.edge.open - a.edge.open || (a.id < b.id ? -1 : 1),
    );
  const chosen = new Set<GraphEdge>();
  const covered = new Set<string>();
  for (const edge of ranked) {
    if (covered.has(edge.source) && covered.has(edge.target)) continue;
    chosen.add(edge);
    covered.add(edge.source);
    covered.add(edge.target);
  }
  for (const edge of ranked) {
    if (chosen.size >= budget) break;
    chosen.add(edge);
  }
  return graph.edges.filter((edge) => chosen.has(edge));
}

let elk: Promise<ELK> | null = null;

/** ELK, loaded on first use (the list view never pays for it). It runs on the main thread, async. */
function getElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ElkConstructor }) => new ElkConstructor());
  return elk;
}

/**
 * Lays the project graph out left to right with ELK's layered algorithm: blockers to the left of what
 * they block, layers as far apart as edges need, disconnected groups packed, edges routed orthogonally;
 * grouped, each category is a box ELK lays out with its members inside. Runs once per graph
 * (remembered): hover, selection, highlighting and view switches never re-layout.
 */
export function layoutProjectGraph(graph: GraphModel): Promise<GraphLayout> {
  let layout = layouts.get(graph);
  if (!layout) {
    layout = computeLayout(graph);
    layouts.set(graph, layout);
    // A failed layout is not kept: the next attempt tries again.
    layout.catch(() => layouts.delete(graph));
  }
  return layout;
}

/** Layouts by graph, so switching from the list back to the graph does not lay it out again. */
const layouts = new WeakMap<GraphModel, Promise<GraphLayout>>();

/** Room above a group's members for its header. */
export const GROUP_HEADER = 40;
const GROUP_MIN_WIDTH = 340;

async function computeLayout(graph: GraphModel): Promise<GraphLayout> {
  const started = performance.now();
  const engine = await getElk();
  const edges = layoutEdges(graph);
  const leaf = (id: string): ElkNode => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT });
  const children: ElkNode[] = [];
  const expanded = new Map<string, ElkNode>();
  for (const group of graph.groups) {
    if (group.collapsed) continue;
    const box: ElkNode = {
      id: group.id,
      layoutOptions: {
        'elk.padding': `[top=${GROUP_HEADER},left=16,bottom=16,right=16]`,
        // Wide enough for the header (name, count, Collapse) even around a single column of projects.
        'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
        'elk.nodeSize.minimum': `(${GROUP_MIN_WIDTH}, ${GROUP_HEADER + NODE_HEIGHT + 16})`,
      },
      children: [],
    };
    expanded.set(group.id, box);
    children.push(box);
  }
  for (const node of graph.nodes) {
    const box = node.kind === 'project' && node.group !== null ? expanded.get(node.group) : undefined;
    if (box) box.children?.push(leaf(node.id));
    else children.push(leaf(node.id));
  }
  const root: ElkNode = {
    id: 'portfolio',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '88',
      'elk.spacing.componentComponent': '56',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
      'elk.separateConnectedComponents': 'true',
      'elk.randomSeed': '1',
      // Thorough crossing minimisation is worth it for small graphs only.
      'elk.layered.thoroughness': edges.length > 120 ? '1' : '7',
      ...(expanded.size > 0 ? { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : {}),
      // Every position and route relative to the graph, as xyflow draws them (no parent nodes there).
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children,
    edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const result = await engine.layout(root);
  const positions = new Map<string, Point>();
  const groupBoxes = new Map<string, Point & { width: number; height: number }>();
  for (const child of result.children ?? []) {
    if (expanded.has(child.id)) {
      groupBoxes.set(child.id, {
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
      });
      for (const member of child.children ?? [])
        positions.set(member.id, { x: member.x ?? 0, y: member.y ?? 0 });
    } else positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  const routes = new Map<string, Point[]>();
  const collect = (node: ElkNode) => {
    for (const edge of node.edges ?? []) {
      const section = edge.sections?.[0];
      if (section) routes.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    }
    for (const child of node.children ?? []) collect(child);
  };
  collect(result);
  // Visible to performance tools and the UI benchmark (bench/ui-views.ts), to nobody else.
  performance.measure?.('pmo-deps-layout', { start: started, detail: { edges: edges.length } });
  return {
    positions,
    groupBoxes,
    routes,
    width: result.width ?? 0,
    height: result.height ?? 0,
    edgesUsed: edges.length,
  };
}

/**
 * An SVG path through `points` with the corners rounded (radius at most `radius`, less where segments are
 * short), as ELK's orthogonal routes look best drawn.
 */
export function roundedPath(points: readonly Point[], radius = 8): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const parts = [`M ${first.x} ${first.y}`];
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i] as Point;
    const next = rest[i + 1];
    if (!next) {
      parts.push(`L ${corner.x} ${corner.y}`);
      break;
    }
    const prev = (i === 0 ? first : rest[i - 1]) as Point;
    const r = Math.min(radius, distance(prev, corner) / 2, distance(corner, next) / 2);
    const a = towards(corner, prev, r);
    const b = towards(corner, next, r);
    parts.push(`L ${a.x} ${a.y}`, `Q ${corner.x} ${corner.y} ${b.x} ${b.y}`);
  }
  return parts.join(' ');
}

/** The point halfway along a polyline, by length: where an edge's label goes. */
export function halfwayPoint(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1] as Point, points[i] as Point);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const d = distance(a, b);
    if (d >= left && d > 0) return towards(a, b, left);
    left -= d;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `by` away from `from` in the direction of `to`. */
function towards(from: Point, to: Point, by: number): Point {
  const d = distance(from, to);
  if (d === 0) return { x: from.x, y: from.y };
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}
