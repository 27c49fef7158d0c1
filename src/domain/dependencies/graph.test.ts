import fc from 'fast-check';
import {
  type AnalyzeOptions,
  analyzeDependencies,
  createDependencyGraph,
  type DependencyNode,
  fairShares,
} from './graph';
import { projectOfKey } from './keys';

const NOW = Date.parse('2025-06-02T12:00:00Z');
const limits = { exampleKeys: 5, blockedChains: 50, conflicts: 500 };

function node(key: string, overrides: Partial<DependencyNode> = {}): DependencyNode {
  return { key, projectKey: projectOfKey(key), open: true, due: null, weight: 1, ...overrides };
}

function analyze(
  nodes: DependencyNode[],
  edges: [string, string][],
  options: AnalyzeOptions = { now: NOW, limits },
) {
  return analyzeDependencies(createDependencyGraph(nodes, edges), options);
}

describe('createDependencyGraph', () => {
  it('keeps a link seen from both of its issues once', () => {
    const graph = createDependencyGraph(
      [node('A-1'), node('B-1')],
      [
        ['A-1', 'B-1'],
        ['A-1', 'B-1'],
      ],
    );
    expect(graph.blockers.length).toBe(1);
  });

  it('adds issues named only by links as open nodes of unknown due date', () => {
    const graph = createDependencyGraph([node('A-1')], [['EXT-9', 'A-1']]);
    expect(graph.nodes[1]).toEqual({ key: 'EXT-9', projectKey: 'EXT', open: true, due: null, weight: 1 });
  });
});

describe('analyzeDependencies', () => {
  it('finds a 3-cycle across projects exactly, and nothing else', () => {
    const result = analyze(
      [node('A-1'), node('B-2'), node('C-3'), node('A-4'), node('B-5')],
      [
        ['A-1', 'B-2'],
        ['B-2', 'C-3'],
        ['C-3', 'A-1'],
        ['C-3', 'A-4'], // leaves the cycle
        ['A-4', 'B-5'],
      ],
    );
    expect(result.cycles).toEqual([['A-1', 'B-2', 'C-3']]);
  });

  it('reports a self-block and ignores cycles through a done issue', () => {
    const result = analyze(
      [node('A-1'), node('A-2'), node('A-3', { open: false })],
      [
        ['A-1', 'A-1'],
        ['A-2', 'A-3'],
        ['A-3', 'A-2'],
      ],
    );
    expect(result.cycles).toEqual([['A-1']]);
  });

  it('finds several components, largest first, keys in reading order', () => {
    const result = analyze(
      [],
      [
        ['X-10', 'X-9'],
        ['X-9', 'X-10'],
        ['Y-1', 'Y-2'],
        ['Y-2', 'Y-3'],
        ['Y-3', 'Y-1'],
        ['Y-3', 'X-9'],
      ],
    );
    expect(result.cycles).toEqual([
      ['Y-1', 'Y-2', 'Y-3'],
      ['X-9', 'X-10'],
    ]);
  });

  it('computes the critical path on a known DAG, weighted by remaining work', () => {
    //   A(3) -> B(5) -> D(2)
    //   A(3) -> C(1) -> D(2) -> E(1)
    //   F(8) -> E(1)
    const result = analyze(
      [
        node('P-1', { weight: 3 }),
        node('P-2', { weight: 5 }),
        node('P-3', { weight: 1 }),
        node('P-4', { weight: 2 }),
        node('P-5', { weight: 1 }),
        node('P-6', { weight: 8 }),
      ],
      [
        ['P-1', 'P-2'],
        ['P-2', 'P-4'],
        ['P-1', 'P-3'],
        ['P-3', 'P-4'],
        ['P-4', 'P-5'],
        ['P-6', 'P-5'],
      ],
    );
    expect(result.criticalPath).toEqual(['P-1', 'P-2', 'P-4', 'P-5']);
    expect(result.criticalPathLength).toBe(11);
  });

  it('leaves done issues off the critical path', () => {
    const result = analyze(
      [node('P-1', { weight: 13, open: false }), node('P-2', { weight: 2 }), node('P-3', { weight: 2 })],
      [
        ['P-1', 'P-2'],
        ['P-2', 'P-3'],
      ],
    );
    expect(result.criticalPath).toEqual(['P-2', 'P-3']);
    expect(result.criticalPathLength).toBe(4);
  });

  it('computes the critical path on the rest of the graph when there are cycles', () => {
    // Heavy cycle C-1 <-> C-2 feeding D-1; the remaining DAG is D-1 -> D-2 -> D-3 and E-1 -> D-3.
    const result = analyze(
      [
        node('C-1', { weight: 100 }),
        node('C-2', { weight: 100 }),
        node('D-1', { weight: 1 }),
        node('D-2', { weight: 1 }),
        node('D-3', { weight: 1 }),
        node('E-1', { weight: 5 }),
      ],
      [
        ['C-1', 'C-2'],
        ['C-2', 'C-1'],
        ['C-2', 'D-1'],
        ['D-1', 'D-2'],
        ['D-2', 'D-3'],
        ['E-1', 'D-3'],
      ],
    );
    expect(result.cycles).toEqual([['C-1', 'C-2']]);
    expect(result.criticalPath).toEqual(['E-1', 'D-3']);
    expect(result.criticalPathLength).toBe(6);
    // The chain still shows that D-3 waits on the cycle.
    expect(result.blockedChains[0]).toEqual({
      key: 'D-3',
      projectKey: 'D',
      depth: 3,
      chain: ['C-2', 'D-1', 'D-2', 'D-3'],
      projects: ['C', 'D'],
    });
  });

  it('lists blocked chains by their end, longest first', () => {
    const result = analyze(
      [],
      [
        ['A-1', 'A-2'],
        ['A-2', 'B-1'],
        ['B-1', 'C-1'],
        ['X-1', 'X-2'],
        ['A-1', 'Y-1'],
      ],
    );
    expect(result.blockedChains.map((c) => [c.key, c.depth, c.chain])).toEqual([
      ['C-1', 3, ['A-1', 'A-2', 'B-1', 'C-1']],
      ['X-2', 1, ['X-1', 'X-2']],
      ['Y-1', 1, ['A-1', 'Y-1']],
    ]);
    expect(result.totals.blockedChains).toBe(3);
    expect(result.totals.blockedIssues).toBe(5);
  });

  it('reports an open blocker due after the issue it blocks as a date conflict', () => {
    const result = analyze(
      [
        node('API-7', { due: '2025-07-15' }),
        node('WEB-3', { due: '2025-07-01' }),
        node('WEB-4', { due: '2025-08-01' }),
        node('API-8', { due: '2025-09-01', open: false }),
      ],
      [
        ['API-7', 'WEB-3'],
        ['API-7', 'WEB-4'],
        ['API-8', 'WEB-4'],
      ],
    );
    expect(result.conflicts).toEqual([
      {
        blocker: { key: 'API-7', projectKey: 'API', due: '2025-07-15' },
        blocked: { key: 'WEB-3', projectKey: 'WEB', due: '2025-07-01' },
        daysLate: 14,
        crossProject: true,
      },
    ]);
    expect(result.byProject.get('WEB')).toEqual({
      blocked: 2,
      blockedCrossProject: 2,
      blockedKeys: ['WEB-3', 'WEB-4'],
      conflicted: 1,
      conflictKeys: ['WEB-3'],
    });
  });

  it('rolls links up into a project matrix with open and late counts', () => {
    const result = analyze(
      [
        node('API-1', { due: '2025-05-01' }), // overdue blocker
        node('API-2', { due: '2025-07-10' }),
        node('API-3', { open: false }),
        node('WEB-1', { due: '2025-07-01' }),
        node('WEB-2', { due: '2025-07-20' }),
        node('WEB-3'),
      ],
      [
        ['API-1', 'WEB-3'], // open, late (overdue blocker)
        ['API-2', 'WEB-1'], // open, late (due after what it blocks)
        ['API-2', 'WEB-2'], // open, on time
        ['API-3', 'WEB-2'], // done
        ['WEB-1', 'WEB-2'],
      ],
    );
    expect(result.projectMatrix).toEqual([
      { from: 'API', to: 'WEB', total: 4, open: 3, late: 2, inCycle: 0 },
      { from: 'WEB', to: 'WEB', total: 1, open: 1, late: 0, inCycle: 0 },
    ]);
    expect(result.totals).toMatchObject({ links: 5, openLinks: 4, conflicts: 1 });
  });

  it('does not depend on the order of nodes and links', () => {
    const nodes = [
      node('A-1', { weight: 2 }),
      node('A-2', { weight: 2 }),
      node('B-1', { weight: 2 }),
      node('B-2'),
    ];
    const edges: [string, string][] = [
      ['A-1', 'B-2'],
      ['A-2', 'B-2'],
      ['B-1', 'B-2'],
    ];
    const forward = analyze(nodes, edges);
    const backward = analyze([...nodes].reverse(), [...edges].reverse());
    const { byProject: _a, ...f } = forward;
    const { byProject: _b, ...b } = backward;
    expect(b).toEqual(f);
    expect(f.criticalPath).toEqual(['A-1', 'B-2']);
  });

  it('handles a 200,000-issue cycle and chain without recursion', () => {
    const n = 200_000;
    const keys = Array.from({ length: n }, (_, i) => `L-${i + 1}`);
    const ring: [string, string][] = keys.map((k, i) => [k, keys[(i + 1) % n] as string]);
    expect(analyze([], ring).cycles.map((c) => c.length)).toEqual([n]);
    const chain = ring.slice(0, n - 1);
    const result = analyze([], chain);
    expect(result.cycles).toEqual([]);
    expect(result.criticalPathLength).toBe(n);
    expect(result.blockedChains[0]?.depth).toBe(n - 1);
  });
});

describe('cross-project links', () => {
  it('lists open links between projects with both ends, flags and the cycle count per pair', () => {
    const result = analyze(
      [
        node('API-1', { due: '2025-07-10', status: 'indeterminate' }),
        node('API-2', { due: '2025-06-20', status: 'new' }),
        node('API-3', { open: false, status: 'done' }),
        node('WEB-1', { due: '2025-07-01', status: 'new' }),
        node('WEB-2', { due: '2025-07-20', status: 'indeterminate' }),
      ],
      [
        ['API-1', 'WEB-1'], // late: due 9 days after what it blocks
        ['API-2', 'WEB-2'], // on time
        ['API-3', 'WEB-2'], // done blocker: not open
        ['WEB-2', 'API-2'], // with API-2 -> WEB-2, a cycle
        ['WEB-1', 'WEB-2'], // same project: not listed
      ],
    );
    // In a pair: links in a cycle first, then late ones.
    expect(result.crossProjectLinks).toEqual({
      total: 3,
      items: [
        {
          blocker: { key: 'API-2', projectKey: 'API', status: 'new', due: '2025-06-20' },
          blocked: { key: 'WEB-2', projectKey: 'WEB', status: 'indeterminate', due: '2025-07-20' },
          late: false,
          daysLate: null,
          inCycle: true,
        },
        {
          blocker: { key: 'API-1', projectKey: 'API', status: 'indeterminate', due: '2025-07-10' },
          blocked: { key: 'WEB-1', projectKey: 'WEB', status: 'new', due: '2025-07-01' },
          late: true,
          daysLate: 9,
          inCycle: false,
        },
        {
          blocker: { key: 'WEB-2', projectKey: 'WEB', status: 'indeterminate', due: '2025-07-20' },
          blocked: { key: 'API-2', projectKey: 'API', status: 'new', due: '2025-06-20' },
          late: true,
          daysLate: 30,
          inCycle: true,
        },
      ],
    });
    expect(result.projectMatrix).toEqual([
      { from: 'API', to: 'WEB', total: 3, open: 2, late: 1, inCycle: 1 },
      { from: 'WEB', to: 'API', total: 1, open: 1, late: 1, inCycle: 1 },
      { from: 'WEB', to: 'WEB', total: 1, open: 1, late: 0, inCycle: 0 },
    ]);
  });

  it('counts a link between two different cycles as in no cycle', () => {
    const result = analyze(
      [],
      [
        ['A-1', 'B-1'],
        ['B-1', 'A-1'],
        ['B-1', 'C-1'], // leaves the first cycle for the second
        ['C-1', 'D-1'],
        ['D-1', 'C-1'],
      ],
    );
    expect(result.cycles).toHaveLength(2);
    const bc = result.crossProjectLinks.items.find((l) => l.blocker.key === 'B-1' && l.blocked.key === 'C-1');
    expect(bc).toMatchObject({ inCycle: false, late: false, daysLate: null });
    expect(bc?.blocker.status).toBeNull();
    expect(result.projectMatrix.find((c) => c.from === 'B' && c.to === 'C')?.inCycle).toBe(0);
    expect(result.projectMatrix.find((c) => c.from === 'A' && c.to === 'B')?.inCycle).toBe(1);
  });

  it('caps the list, sharing it fairly among project pairs, flagged links first', () => {
    const edges: [string, string][] = [];
    for (let i = 1; i <= 10; i++) edges.push([`A-${i}`, `B-${i}`]); // 10 links A -> B
    edges.push(['C-1', 'D-1']); // 1 link C -> D
    for (let i = 1; i <= 4; i++) edges.push([`E-${i}`, `F-${i}`]); // 4 links E -> F
    const nodes = [node('A-7', { due: '2025-05-01' })]; // overdue blocker: late, listed first
    const result = analyze(nodes, edges, { now: NOW, limits: { ...limits, links: 6 } });
    expect(result.crossProjectLinks.total).toBe(15);
    const pairs = result.crossProjectLinks.items.map((l) => `${l.blocker.key}>${l.blocked.key}`);
    expect(pairs).toEqual(['A-7>B-7', 'A-1>B-1', 'A-2>B-2', 'C-1>D-1', 'E-1>F-1', 'E-2>F-2']);
    expect(result.crossProjectLinks.items[0]?.late).toBe(true);
    // Without `links`, the conflicts cap applies.
    const byConflicts = analyze(nodes, edges, { now: NOW, limits: { ...limits, conflicts: 2 } });
    expect(byConflicts.crossProjectLinks.items).toHaveLength(2);
  });
});

describe('fairShares', () => {
  it('gives every demand what it asks when the cap allows', () => {
    expect(fairShares([3, 1, 2], 10)).toEqual([3, 1, 2]);
  });

  it('shares a short cap max-min fairly, the remainder to the earlier demands', () => {
    expect(fairShares([10, 1, 4], 6)).toEqual([3, 1, 2]);
    expect(fairShares([10, 1, 4], 7)).toEqual([3, 1, 3]);
    expect(fairShares([5, 5, 5], 4)).toEqual([2, 1, 1]);
    expect(fairShares([5, 5], 0)).toEqual([0, 0]);
  });

  it('never exceeds a demand or the cap, and uses all of the cap it can', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 30 }), fc.nat(400), (sizes, cap) => {
        const shares = fairShares(sizes, cap);
        const sum = shares.reduce((a, b) => a + b, 0);
        const demand = sizes.reduce((a, b) => a + b, 0);
        expect(sum).toBe(Math.min(cap, demand));
        shares.forEach((share, i) => {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(sizes[i] as number);
        });
        // Max-min fair: a demand left short gets at least every other share minus one.
        const shortOnes = shares.filter((share, i) => share < (sizes[i] as number));
        if (shortOnes.length > 0) expect(Math.max(...shares) - Math.min(...shortOnes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
