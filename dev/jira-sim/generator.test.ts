import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { LINK_TYPE } from './catalog';
import { computeDateConflicts, generateDataset, isOpen, statusCategoryOf, XSS_PAYLOADS } from './generator';
import { isoDate } from './time';
import type { SimDataset, SimIssue } from './types';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const digest = (d: SimDataset) => createHash('sha256').update(JSON.stringify(d)).digest('hex');

/** Non-trivial strongly connected components of the blocking graph (Blocks + Dependency). */
function blockingSccs(d: SimDataset): number[][] {
  const adj = new Map<number, number[]>();
  for (const l of d.links) {
    if (l.typeId !== LINK_TYPE.blocks && l.typeId !== LINK_TYPE.dependency) continue;
    adj.set(l.from, [...(adj.get(l.from) ?? []), l.to]);
  }
  let index = 0;
  const idx = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  const strong = (v: number) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of adj.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: number[] = [];
      for (;;) {
        const w = stack.pop() as number;
        onStack.delete(w);
        comp.push(w);
        if (w === v) break;
      }
      if (comp.length > 1) out.push(comp);
    }
  };
  for (const v of adj.keys()) if (!idx.has(v)) strong(v);
  return out;
}

function checkPlanted(d: SimDataset): void {
  const byKey = new Map(d.issues.map((i) => [i.key, i]));
  const byId = new Map(d.issues.map((i) => [i.id, i]));
  const get = (key: string): SimIssue => {
    const i = byKey.get(key);
    if (!i) throw new Error(`no issue ${key}`);
    return i;
  };
  const blocks = new Set(
    d.links.filter((l) => l.typeId === LINK_TYPE.blocks).map((l) => `${l.from}>${l.to}`),
  );
  const today = isoDate(Date.parse(d.now));

  // Cycles: each k[i] blocks k[i+1] (and the last blocks the first), across projects, all open and unrestricted.
  if (d.projects.length >= 3) expect(d.planted.cycles.length).toBeGreaterThanOrEqual(2);
  for (const cycle of d.planted.cycles) {
    expect(cycle.length).toBeGreaterThanOrEqual(2);
    cycle.forEach((key, n) => {
      const a = get(key);
      const b = get(cycle[(n + 1) % cycle.length] as string);
      expect(blocks.has(`${a.id}>${b.id}`)).toBe(true);
      expect(a.projectIdx).not.toBe(b.projectIdx);
      expect(isOpen(a)).toBe(true);
      expect(a.securityLevelId).toBeNull();
    });
  }
  // They are exactly the cycles of the blocking graph: random links form a DAG.
  const sccs = blockingSccs(d).map((c) =>
    c
      .map((id) => byId.get(id)?.key)
      .sort()
      .join(','),
  );
  expect(sccs.sort()).toEqual(d.planted.cycles.map((c) => [...c].sort().join(',')).sort());

  // Date conflicts: true and complete.
  if (d.projects.length >= 3) {
    expect(d.planted.dateConflicts.length).toBeGreaterThanOrEqual(
      d.issues.length / d.projects.length >= 10 ? 3 : 1,
    );
  }
  for (const { blockerKey, blockedKey } of d.planted.dateConflicts) {
    const blocker = get(blockerKey);
    const blocked = get(blockedKey);
    expect(blocks.has(`${blocker.id}>${blocked.id}`)).toBe(true);
    expect(blocker.projectIdx).not.toBe(blocked.projectIdx);
    expect(isOpen(blocker) && isOpen(blocked)).toBe(true);
    expect((blocker.duedate ?? '') > (blocked.duedate ?? '~')).toBe(true);
  }
  expect(computeDateConflicts(d.links, (id) => byId.get(id))).toEqual(d.planted.dateConflicts);

  // Overdue-heavy project.
  const overdueIdx = d.projects.findIndex((p) => p.key === d.planted.overdueHeavyProject);
  expect(overdueIdx).toBeGreaterThanOrEqual(0);
  const open = d.issues.filter((i) => i.projectIdx === overdueIdx && isOpen(i));
  const overdue = open.filter((i) => i.duedate !== null && i.duedate < today);
  expect(overdue.length / open.length).toBeGreaterThanOrEqual(0.25);

  // Healthy project.
  if (d.projects.length >= 2) {
    const healthyIdx = d.projects.findIndex((p) => p.key === d.planted.healthyProject);
    expect(healthyIdx).toBeGreaterThanOrEqual(0);
    expect(healthyIdx).not.toBe(overdueIdx);
    const mine = d.issues.filter((i) => i.projectIdx === healthyIdx && isOpen(i));
    expect(mine.filter((i) => i.duedate !== null && i.duedate < today)).toEqual([]);
    expect(mine.filter((i) => i.statusId === '10004')).toEqual([]);
    const openBlockers = d.links.filter((l) => {
      if (l.typeId !== LINK_TYPE.blocks && l.typeId !== LINK_TYPE.dependency) return false;
      const to = byId.get(l.to);
      const from = byId.get(l.from);
      return to?.projectIdx === healthyIdx && isOpen(to) && from !== undefined && isOpen(from);
    });
    expect(openBlockers).toEqual([]);
    const highRisks = mine.filter(
      (i) => i.typeId === '10005' && (i.riskProbability ?? 0) * (i.riskImpact ?? 0) > 4,
    );
    expect(highRisks).toEqual([]);
  }
}

describe('generateDataset', () => {
  const options = { seed: 42, projects: 12, issuesPerProject: 120, now: NOW };
  const d = generateDataset(options);

  it('is deterministic for the same seed and now, and differs for another seed', () => {
    expect(digest(generateDataset(options))).toBe(digest(d));
    expect(digest(generateDataset({ ...options, seed: 43 }))).not.toBe(digest(d));
    expect(digest(generateDataset({ ...options, now: new Date('2026-04-01T00:00:00Z') }))).not.toBe(
      digest(d),
    );
  });

  it('looks like a real site', () => {
    expect(d.projects).toHaveLength(12);
    expect(d.issues).toHaveLength(1440);
    expect(d.projects[0]).toMatchObject({ key: 'ATLAS', name: 'Atlas Platform', style: 'classic' });
    expect(d.projects.filter((p) => p.style === 'next-gen')).toHaveLength(1);
    expect(d.projects.some((p) => p.categoryId === null)).toBe(true);
    expect(new Set(d.projects.map((p) => p.categoryId).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(d.issues.map((i) => i.key)).size).toBe(d.issues.length);
    expect(new Set(d.issues.map((i) => statusCategoryOf(i.statusId)))).toEqual(
      new Set(['new', 'indeterminate', 'done']),
    );
    for (const name of ['Epic', 'Story', 'Task', 'Bug', 'Sub-task', 'Risk', 'Assumption', 'Decision']) {
      const type = d.issueTypes.find((t) => t.name === name);
      expect(type && d.issues.some((i) => i.typeId === type.id)).toBe(true);
    }
    const risks = d.issues.filter((i) => i.typeId === '10005');
    expect(risks.filter((r) => r.riskProbability !== null).length / risks.length).toBeGreaterThan(0.7);
    expect(risks.some((r) => r.riskProbability === null)).toBe(true);
    expect(d.issues.filter((i) => i.duedate === null).length).toBeGreaterThan(0);
    const today = isoDate(NOW.getTime());
    expect(d.issues.some((i) => isOpen(i) && i.duedate !== null && i.duedate < today)).toBe(true);
    for (const i of d.issues) {
      if (i.resolved !== null) expect(i.resolved).toBeLessThanOrEqual(i.updated);
      expect(i.created).toBeLessThanOrEqual(i.updated);
      expect(i.resolutionId !== null).toBe(statusCategoryOf(i.statusId) === 'done');
      if (i.parentId !== null) {
        const parent = d.issues[i.parentId - 10000];
        expect(parent?.projectIdx).toBe(i.projectIdx);
        expect(parent?.typeId === '10000' || i.typeId === '10003').toBe(true);
      }
    }
    expect(d.fields.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'customfield_10016',
        'customfield_10015',
        'customfield_10001',
        'customfield_10301',
        'customfield_10302',
        'customfield_10303',
        'customfield_10304',
      ]),
    );
  });

  it('has cross-project Blocks links on 5-8% of issues, a few restricted issues and XSS summaries', () => {
    const cross = d.links.filter(
      (l) =>
        l.typeId === LINK_TYPE.blocks &&
        d.issues[l.from - 10000]?.projectIdx !== d.issues[l.to - 10000]?.projectIdx,
    );
    expect(cross.length / d.issues.length).toBeGreaterThanOrEqual(0.05);
    expect(cross.length / d.issues.length).toBeLessThanOrEqual(0.08);
    const restricted = d.issues.filter((i) => i.securityLevelId !== null).length / d.issues.length;
    expect(restricted).toBeGreaterThan(0.01);
    expect(restricted).toBeLessThan(0.06);
    expect(d.issues.some((i) => XSS_PAYLOADS.some((x) => i.summary.includes(x)))).toBe(true);
  });

  it('plants cycles, date conflicts, an overdue-heavy and a healthy project that really hold', () => {
    checkPlanted(d);
  });

  it('planted facts hold for any seed and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 16 }),
        fc.integer({ min: 4, max: 60 }),
        (seed, projects, issuesPerProject) => {
          checkPlanted(generateDataset({ seed, projects, issuesPerProject, now: NOW }));
        },
      ),
      { numRuns: Number(process.env.SIM_FC_RUNS ?? 25) },
    );
  });

  it('generates 100 projects x 1000 issues with the planted structures', () => {
    const big = generateDataset({ seed: 1, projects: 100, issuesPerProject: 1000, now: NOW });
    expect(big.issues).toHaveLength(100_000);
    expect(new Set(big.projects.map((p) => p.key)).size).toBe(100);
    checkPlanted(big);
  });
});
