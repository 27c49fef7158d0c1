import type { Rag } from '@domain/health/health';
import type { DependencyModel, ProjectEdgeModel, ProjectNodeModel } from './dependency-model';

/**
 * What the graph draws: projects, optionally inside one box per project category, where a collapsed
 * category is a single node and its links are summed per pair of ends. Pure (one per model and grouping).
 */

export const NO_CATEGORY = 'No category';

export interface GraphGroup {
  /** `group:<category>`. */
  id: string;
  name: string;
  /** Project keys in the group, by key. */
  members: string[];
  collapsed: boolean;
  /** The worst health among its portfolio projects. */
  rag: Rag;
}

export type GraphNode =
  | { kind: 'project'; id: string; project: ProjectNodeModel; group: string | null }
  | { kind: 'group'; id: string; group: GraphGroup };

export interface GraphEdge {
  id: string;
  /** Node ids: a project key, or a collapsed group's id. */
  source: string;
  target: string;
  /** The pair's figures; summed over the pairs it stands for when an end is a collapsed group. */
  edge: ProjectEdgeModel;
  /** True when an end is a collapsed group (no single pair to drill into). */
  aggregated: boolean;
}

export interface GraphModel {
  model: DependencyModel;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Expanded and collapsed groups; empty when not grouped. */
  groups: GraphGroup[];
}

const RAG_RANK: Record<Rag, number> = { red: 3, amber: 2, green: 1, none: 0 };

export function groupId(category: string): string {
  return `group:${category}`;
}

/** The graph without groups: one node per project, one edge per pair. */
export function flatGraph(model: DependencyModel): GraphModel {
  return {
    model,
    nodes: model.nodes.map((project) => ({ kind: 'project', id: project.key, project, group: null })),
    edges: model.edges.map((edge) => ({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      edge,
      aggregated: false,
    })),
    groups: [],
  };
}

/**
 * The graph grouped by `categoryOf` (projects outside the portfolio, or without a category, go to
 * {@link NO_CATEGORY}); groups named in `collapsed` become one node each.
 */
export function groupedGraph(
  model: DependencyModel,
  categoryOf: (key: string) => string | null,
  collapsed: ReadonlySet<string>,
): GraphModel {
  const byCategory = new Map<string, ProjectNodeModel[]>();
  for (const project of model.nodes) {
    const name = categoryOf(project.key) ?? NO_CATEGORY;
    const members = byCategory.get(name);
    if (members) members.push(project);
    else byCategory.set(name, [project]);
  }
  const groups: GraphGroup[] = [...byCategory.entries()]
    .sort(([a], [b]) => (a === NO_CATEGORY ? 1 : b === NO_CATEGORY ? -1 : a.localeCompare(b)))
    .map(([name, members]) => ({
      id: groupId(name),
      name,
      members: members.map((member) => member.key),
      collapsed: collapsed.has(name),
      rag: members.reduce<Rag>(
        (worst, member) => (RAG_RANK[member.rag] > RAG_RANK[worst] ? member.rag : worst),
        'none',
      ),
    }));
  const groupOfProject = new Map<string, GraphGroup>();
  for (const group of groups) for (const key of group.members) groupOfProject.set(key, group);
  const endOf = (key: string) => {
    const group = groupOfProject.get(key);
    return group?.collapsed ? group.id : key;
  };

  const nodes: GraphNode[] = [];
  for (const group of groups) {
    if (group.collapsed) nodes.push({ kind: 'group', id: group.id, group });
    else
      for (const key of group.members) {
        const project = model.nodeByKey.get(key);
        if (project) nodes.push({ kind: 'project', id: key, project, group: group.id });
      }
  }

  const edges = new Map<string, GraphEdge>();
  for (const edge of model.edges) {
    const source = endOf(edge.from);
    const target = endOf(edge.to);
    if (source === target) continue; // inside one collapsed group
    const aggregated = source !== edge.from || target !== edge.to;
    if (!aggregated) {
      edges.set(edge.id, { id: edge.id, source, target, edge, aggregated });
      continue;
    }
    const id = `${source}>${target}`;
    const sum = edges.get(id);
    if (!sum) {
      edges.set(id, { id, source, target, aggregated, edge: { ...edge, id, from: source, to: target } });
      continue;
    }
    const total = sum.edge;
    sum.edge = {
      ...total,
      open: total.open + edge.open,
      late: total.late + edge.late,
      inCycle: total.inCycle + edge.inCycle,
      total: total.total + edge.total,
      listed: total.listed + edge.listed,
      onCriticalPath: total.onCriticalPath || edge.onCriticalPath,
    };
  }
  return { model, nodes, edges: [...edges.values()], groups };
}
