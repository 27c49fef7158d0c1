import type { DependencyModel, ProjectEdgeModel, ProjectNodeModel } from './dependency-model';

/** What narrows the project graph (and the list, which shows the same pairs). */
export interface DependencyFilter {
  /** Only pairs with a late link. */
  late: boolean;
  /** Only pairs with a link in a dependency cycle. */
  cycles: boolean;
  /** Only pairs the critical path steps across. */
  critical: boolean;
  /** Only this project and the projects up to `hops` links away from it (either direction). */
  focus: string | null;
  hops: number;
}

export const NO_FILTER: DependencyFilter = {
  late: false,
  cycles: false,
  critical: false,
  focus: null,
  hops: 1,
};

export const MAX_HOPS = 3;

function keeps(filter: DependencyFilter, edge: ProjectEdgeModel): boolean {
  if (filter.late && edge.late === 0) return false;
  if (filter.cycles && edge.inCycle === 0) return false;
  if (filter.critical && !edge.onCriticalPath) return false;
  return true;
}

/** The projects at most `hops` edges from `start`, following edges either way. */
function neighbourhood(edges: readonly ProjectEdgeModel[], start: string, hops: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const reached = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const other of adjacent.get(key) ?? []) {
        if (reached.has(other)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * The model cut down to the pairs the filter keeps: first by flag (late, cycles, critical path, all of the
 * ones set), then, with a focus, to the edges among the projects within `hops` of it in what remains.
 * Nodes are the projects at either end of a kept edge (and the focused project); their figures stay
 * the project's own. Answers the model itself when nothing filters.
 */
export function filterDependencyModel(model: DependencyModel, filter: DependencyFilter): DependencyModel {
  if (!filter.late && !filter.cycles && !filter.critical && filter.focus === null) return model;
  let edges = model.edges.filter((edge) => keeps(filter, edge));
  const focus = filter.focus !== null && model.nodeByKey.has(filter.focus) ? filter.focus : null;
  if (focus !== null) {
    const near = neighbourhood(edges, focus, Math.max(1, Math.min(MAX_HOPS, filter.hops)));
    edges = edges.filter((edge) => near.has(edge.from) && near.has(edge.to));
  }
  const keys = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  if (focus !== null) keys.add(focus);
  const nodes = model.nodes.filter((node) => keys.has(node.key));
  return {
    ...model,
    nodes,
    edges,
    nodeByKey: new Map(nodes.map((node) => [node.key, node])),
    edgeById: new Map(edges.map((edge) => [edge.id, edge])),
  };
}

/** An issue key (`ABC-12`): its project is what a search for it finds. */
const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-\d+$/;

/**
 * The projects a search names: a project key, an issue key's project, or projects whose name contains the
 * text (case-insensitive). Empty for an empty search.
 */
export function searchProjects(nodes: readonly ProjectNodeModel[], text: string): ProjectNodeModel[] {
  const query = text.trim();
  if (query.length === 0) return [];
  const upper = query.toUpperCase();
  const issueProject = ISSUE_KEY.exec(query)?.[1]?.toUpperCase();
  const exact = nodes.filter((node) => node.key === upper || node.key === issueProject);
  if (exact.length > 0) return exact;
  const lower = query.toLowerCase();
  return nodes.filter((node) => node.name.toLowerCase().includes(lower) || node.key.toLowerCase() === lower);
}
