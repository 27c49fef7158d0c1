import { filterDependencyModel, NO_FILTER, searchProjects } from './dependency-filter';
import type { DependencyModel } from './dependency-model';
import { groupedGraph } from './graph-model';
import { edge, model, node } from './test-data';

// A -> B -> C -> D -> E, and F -> B (late), C -> A (in a cycle), D -> E on the critical path.
const chain = model(
  ['A', 'B', 'C', 'D', 'E', 'F'].map((key) => node(key, `Project ${key}`)),
  [
    edge('A', 'B', { inCycle: 1 }),
    edge('B', 'C', { inCycle: 1 }),
    edge('C', 'A', { inCycle: 2 }),
    edge('C', 'D', { open: 3 }),
    edge('D', 'E', { onCriticalPath: true }),
    edge('F', 'B', { late: 2 }),
  ],
);

const ids = (m: DependencyModel) => m.edges.map((e) => e.id);
const keys = (m: DependencyModel) => m.nodes.map((n) => n.key);

describe('filterDependencyModel', () => {
  it('keeps everything without a filter', () => {
    expect(filterDependencyModel(chain, NO_FILTER)).toBe(chain);
  });

  it('keeps only late, cyclic or critical pairs, and the projects at their ends', () => {
    const late = filterDependencyModel(chain, { ...NO_FILTER, late: true });
    expect(ids(late)).toEqual(['F-B']);
    expect(keys(late)).toEqual(['B', 'F']);
    expect(ids(filterDependencyModel(chain, { ...NO_FILTER, cycles: true }))).toEqual(['A-B', 'B-C', 'C-A']);
    expect(ids(filterDependencyModel(chain, { ...NO_FILTER, critical: true }))).toEqual(['D-E']);
    expect(ids(filterDependencyModel(chain, { ...NO_FILTER, late: true, cycles: true }))).toEqual([]);
  });

  it('focuses on a project and its neighbours n links away, either direction', () => {
    const one = filterDependencyModel(chain, { ...NO_FILTER, focus: 'D', hops: 1 });
    expect(keys(one)).toEqual(['C', 'D', 'E']);
    expect(ids(one)).toEqual(['C-D', 'D-E']);
    const two = filterDependencyModel(chain, { ...NO_FILTER, focus: 'D', hops: 2 });
    expect(keys(two)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ids(two)).toEqual(['A-B', 'B-C', 'C-A', 'C-D', 'D-E']);
    const focusedLate = filterDependencyModel(chain, { ...NO_FILTER, focus: 'D', hops: 3, late: true });
    expect(keys(focusedLate)).toEqual(['D']);
    expect(ids(focusedLate)).toEqual([]);
  });

  it('ignores a focus on a project not in the graph', () => {
    expect(ids(filterDependencyModel(chain, { ...NO_FILTER, focus: 'ZZZ' }))).toEqual(ids(chain));
  });
});

describe('searchProjects', () => {
  it('finds a project by key, by an issue key, or by part of its name', () => {
    expect(searchProjects(chain.nodes, 'c').map((n) => n.key)).toEqual(['C']);
    expect(searchProjects(chain.nodes, 'e-42').map((n) => n.key)).toEqual(['E']);
    expect(searchProjects(chain.nodes, 'project').map((n) => n.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(searchProjects(chain.nodes, '  ')).toEqual([]);
    expect(searchProjects(chain.nodes, 'nothing')).toEqual([]);
  });
});

describe('groupedGraph', () => {
  const category = (key: string) => (['A', 'B', 'C'].includes(key) ? 'Core' : key === 'D' ? 'Data' : null);

  it('puts each project in its category, the ones without last', () => {
    const graph = groupedGraph(chain, category, new Set());
    expect(graph.groups.map((g) => [g.name, g.members])).toEqual([
      ['Core', ['A', 'B', 'C']],
      ['Data', ['D']],
      ['No category', ['E', 'F']],
    ]);
    expect(graph.edges.map((e) => e.id)).toEqual(ids(chain));
  });

  it('draws a collapsed category as one node whose links are summed per other end', () => {
    const graph = groupedGraph(chain, category, new Set(['Core']));
    expect(graph.nodes.map((n) => n.id)).toEqual(['group:Core', 'D', 'E', 'F']);
    const byId = new Map(graph.edges.map((e) => [e.id, e]));
    expect([...byId.keys()]).toEqual(['group:Core>D', 'D-E', 'F>group:Core']);
    expect(byId.get('group:Core>D')?.edge.open).toBe(3);
    expect(byId.get('F>group:Core')?.edge.late).toBe(2);
    expect(byId.get('F>group:Core')?.aggregated).toBe(true);
    expect(byId.get('D-E')?.aggregated).toBe(false);
  });
});
