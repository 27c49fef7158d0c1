import type { DependencyModel, ProjectEdgeModel, ProjectNodeModel } from './dependency-model';

/** Builders for the dependency view's tests: a project node, a project pair and the model they make. */

/** A green project in the portfolio, outside every cycle and off the critical path. */
export function node(key: string, name = key): ProjectNodeModel {
  return {
    key,
    name,
    rag: 'green',
    inPortfolio: true,
    blocksLinks: 0,
    blockedByLinks: 0,
    inCycle: false,
    onCriticalPath: false,
  };
}

/** One open, on-time link from `from` to `to`, unless `overrides` says otherwise. */
export function edge(from: string, to: string, overrides: Partial<ProjectEdgeModel> = {}): ProjectEdgeModel {
  return {
    id: `${from}-${to}`,
    from,
    to,
    open: 1,
    late: 0,
    inCycle: 0,
    total: 1,
    onCriticalPath: false,
    listed: 1,
    ...overrides,
  };
}

/** The model of these nodes and edges, with their indexes, every link listed. */
export function model(nodes: ProjectNodeModel[], edges: ProjectEdgeModel[]): DependencyModel {
  return {
    nodes,
    edges,
    nodeByKey: new Map(nodes.map((n) => [n.key, n])),
    edgeById: new Map(edges.map((e) => [e.id, e])),
    unconnected: [],
    criticalProjects: [],
    links: { total: edges.length, listed: edges.length },
  };
}
