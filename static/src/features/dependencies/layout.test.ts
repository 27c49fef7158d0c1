import type { ProjectEdgeModel } from './dependency-model';
import { flatGraph, groupedGraph } from './graph-model';
import { layoutEdgeBudget, layoutEdges, layoutProjectGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { edge, model, node } from './test-data';

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

describe('layoutProjectGraph', () => {
  it('puts blockers left of what they block, without overlaps', async () => {
    const m = model(
      ['A', 'B', 'C', 'D'].map((key) => node(key)),
      [edge('A', 'B'), edge('B', 'C'), edge('A', 'C'), edge('D', 'C')],
    );
    const layout = await layoutProjectGraph(flatGraph(m));
    const at = (key: string) => layout.positions.get(key) ?? { x: Number.NaN, y: Number.NaN };
    expect(at('A').x).toBeLessThan(at('B').x);
    expect(at('B').x).toBeLessThan(at('C').x);
    expect(at('D').x).toBeLessThan(at('C').x);
    const keys = ['A', 'B', 'C', 'D'];
    for (const a of keys) for (const b of keys) if (a < b) expect(overlaps(at(a), at(b))).toBe(false);
    expect(layout.edgesUsed).toBe(4);
  });

  it('lays out project-level cycles too', async () => {
    const layout = await layoutProjectGraph(
      flatGraph(
        model(
          ['A', 'B'].map((key) => node(key)),
          [edge('A', 'B'), edge('B', 'A')],
        ),
      ),
    );
    expect(layout.positions.size).toBe(2);
  });
});

describe('layoutProjectGraph, grouped by category', () => {
  it('puts each category’s projects inside its box, and a collapsed category as one node', async () => {
    const m = model(
      ['A', 'B', 'C', 'D'].map((key) => node(key)),
      [edge('A', 'B'), edge('B', 'C'), edge('C', 'D')],
    );
    const category = (key: string) => (key === 'A' || key === 'B' ? 'Apps' : key === 'C' ? 'Data' : null);
    const layout = await layoutProjectGraph(groupedGraph(m, category, new Set()));
    const apps = layout.groupBoxes.get('group:Apps');
    expect(apps).toBeDefined();
    for (const key of ['A', 'B']) {
      const at = layout.positions.get(key) ?? { x: -1, y: -1 };
      expect(at.x).toBeGreaterThanOrEqual(apps?.x ?? 0);
      expect(at.x + NODE_WIDTH).toBeLessThanOrEqual((apps?.x ?? 0) + (apps?.width ?? 0));
      expect(at.y).toBeGreaterThanOrEqual(apps?.y ?? 0);
    }
    expect(layout.routes.size).toBe(3);

    const folded = await layoutProjectGraph(groupedGraph(m, category, new Set(['Apps'])));
    expect([...folded.positions.keys()].sort()).toEqual(['C', 'D', 'group:Apps']);
    expect(folded.groupBoxes.has('group:Apps')).toBe(false);
  });
});

describe('layoutEdges', () => {
  it('keeps every edge of a sparse graph', () => {
    const g = flatGraph(
      model(
        ['A', 'B', 'C'].map((key) => node(key)),
        [edge('A', 'B'), edge('B', 'C')],
      ),
    );
    expect(layoutEdges(g)).toBe(g.edges);
  });

  it('lays a dense graph out by each node’s strongest edge and the flagged and heaviest edges', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `P${i}`);
    const edges: ProjectEdgeModel[] = [];
    for (const a of keys) for (const b of keys) if (a !== b) edges.push(edge(a, b, { open: 1 }));
    edges[5] = { ...(edges[5] as ProjectEdgeModel), onCriticalPath: true };
    edges[7] = { ...(edges[7] as ProjectEdgeModel), open: 40 };
    const g = flatGraph(
      model(
        keys.map((key) => node(key)),
        edges,
      ),
    );
    const used = layoutEdges(g, 20).map((e) => e.edge);
    expect(used).toHaveLength(20);
    expect(used).toContain(edges[5]);
    expect(used).toContain(edges[7]);
    const covered = new Set(used.flatMap((e) => [e.from, e.to]));
    expect(covered.size).toBe(keys.length);
    expect(layoutEdgeBudget(100)).toBe(200);
  });
});
