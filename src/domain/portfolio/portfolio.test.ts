import fc from 'fast-check';
import { z } from 'zod';
import { AppError } from '../errors';
import type { IssueLink, PortfolioIssue } from '../model';
import { EngineSettingsSchema } from '../settings';
import {
  computePortfolio,
  computePortfolioFromChunk,
  mergeAllChunks,
  mergeChunks,
  type PortfolioChunk,
  PortfolioChunkSchema,
  PortfolioComputationSchema,
  PortfolioReportSchema,
  summarizeIssues,
} from './index';
import { generatePortfolio, testIssue, testProject } from './test-data';

const NOW = new Date('2025-06-02T12:00:00Z');
const settings = EngineSettingsSchema.parse({ riskRoamFieldId: 'customfield_roam' });
const projects = [
  testProject('API', 'Payments API'),
  testProject('WEB', 'Web shop'),
  testProject('OPS', 'Operations'),
];

const open = { name: 'In Progress', category: 'indeterminate' } as const;
const done = { name: 'Done', category: 'done' } as const;

function link(
  type: string,
  direction: 'outward' | 'inward',
  other: string,
  status: IssueLink['otherStatusCategory'] = 'indeterminate',
): IssueLink {
  return { type, direction, otherKey: other, otherStatusCategory: status };
}

/** A small portfolio whose every number is known. */
function handBuilt(): PortfolioIssue[] {
  const recent = '2025-06-01T09:00:00.000Z';
  const api: PortfolioIssue[] = Array.from({ length: 10 }, (_, i) =>
    testIssue(`API-${i + 1}`, { status: open, updated: recent, dueDate: '2025-07-01' }),
  );
  // Two of API's ten open issues are past due: 20%, red.
  Object.assign(api[0] as PortfolioIssue, { dueDate: '2025-05-20' });
  Object.assign(api[1] as PortfolioIssue, { dueDate: '2025-05-30' });
  // API-3 (due 1 July) blocks WEB-1 (due 20 June): a cross-project date conflict, 11 days late.
  (api[2] as PortfolioIssue).links.push(link('Blocks', 'outward', 'WEB-1'));
  // A cycle across three projects: API-5 -> WEB-3 -> OPS-2 -> API-5.
  (api[4] as PortfolioIssue).links.push(
    link('Blocks', 'outward', 'WEB-3'),
    link('Blocks', 'inward', 'OPS-2'),
  );
  return [
    ...api,
    testIssue('API-11', { status: done, resolved: '2025-05-30T10:00:00.000Z', updated: recent }),
    testIssue('WEB-1', {
      status: open,
      updated: recent,
      dueDate: '2025-06-20',
      links: [link('Blocks', 'inward', 'API-3')],
    }),
    // "WEB-2 depends on OPS-1", seen only from WEB-2.
    testIssue('WEB-2', { status: open, updated: recent, links: [link('Dependency', 'inward', 'OPS-1')] }),
    testIssue('WEB-3', {
      status: open,
      updated: recent,
      links: [link('Blocks', 'inward', 'API-5'), link('Blocks', 'outward', 'OPS-2')],
    }),
    // Blocked by an issue outside the portfolio.
    testIssue('WEB-4', { links: [link('Blocks', 'inward', 'EXT-1', 'new')] }),
    testIssue('OPS-1', { status: open, updated: recent }),
    testIssue('OPS-2', {
      status: open,
      updated: recent,
      links: [link('Blocks', 'inward', 'WEB-3'), link('Blocks', 'outward', 'API-5')],
    }),
    testIssue('OPS-3', {
      issueType: 'Risk',
      summary: 'Vendor may slip',
      riskProbability: 4,
      riskImpact: 4,
      assigneeAccountId: 'acc-1',
      fields: { customfield_roam: { value: 'Owned' } },
    }),
    testIssue('OPS-4', {
      issueType: 'Risk',
      riskImpact: 5,
      restricted: true,
      fields: { customfield_roam: 'Mitigated' },
    }),
    testIssue('OPS-5', { issueType: 'Risk', status: done, riskProbability: 5, riskImpact: 5 }),
    testIssue('OPS-6', { issueType: 'Assumption', dueDate: '2025-06-10' }),
    testIssue('OPS-7', { issueType: 'Decision', status: done }),
  ];
}

describe('computePortfolio on a hand-built portfolio', () => {
  const report = computePortfolio({ projects, issues: handBuilt(), settings, now: NOW });
  const project = (key: string) => report.projects.find((p) => p.key === key);

  it('matches the report contract', () => {
    expect(() => PortfolioComputationSchema.parse(report)).not.toThrow();
    const full = {
      ...report,
      compliance: null,
      meta: { requests: 3, partial: false, staleProjects: [], generatedAt: '2025-06-02T12:00:01.000Z' },
    };
    expect(() => PortfolioReportSchema.parse(full)).not.toThrow();
    expect(PortfolioReportSchema.safeParse(report).success).toBe(false);
    expect(() => z.toJSONSchema(PortfolioReportSchema, { io: 'input' })).not.toThrow();
  });

  it('rates a project with 20% of its open issues past due red, and says why', () => {
    const schedule = project('API')?.health.indicators.find((i) => i.name === 'schedule');
    expect(schedule).toEqual({
      name: 'schedule',
      value: 20,
      rag: 'red',
      reason: '2 of 10 open issues (20%) are past due; red at 20%.',
      issueKeys: ['API-1', 'API-2'],
    });
    expect(project('API')?.health).toMatchObject({ rag: 'red', computedRag: 'red', override: null });
  });

  it('reports a cross-project blocker due after its dependent as a conflict', () => {
    expect(report.dependencies.conflicts).toEqual([
      {
        blocker: { key: 'API-3', projectKey: 'API', due: '2025-07-01' },
        blocked: { key: 'WEB-1', projectKey: 'WEB', due: '2025-06-20' },
        daysLate: 11,
        crossProject: true,
      },
    ]);
    const blockers = project('WEB')?.health.indicators.find((i) => i.name === 'blockers');
    expect(blockers).toMatchObject({ rag: 'red', issueKeys: ['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4'] });
    expect(blockers?.reason).toBe(
      '4 of 4 open issues (100%) are blocked by unresolved issues, 4 of them by another project; 1 open issue is due before its blocker; red at 25% blocked or 3 date conflicts.',
    );
  });

  it('finds the planted cycle across three projects exactly', () => {
    expect(report.dependencies.cycles).toEqual([['API-5', 'OPS-2', 'WEB-3']]);
  });

  it('reads the Dependency link (inward "depends on") as OPS-1 blocking WEB-2', () => {
    expect(report.dependencies.blockedChains).toContainEqual({
      key: 'WEB-2',
      projectKey: 'WEB',
      depth: 1,
      chain: ['OPS-1', 'WEB-2'],
      projects: ['OPS', 'WEB'],
    });
    expect(report.dependencies.projectMatrix).toContainEqual({
      from: 'OPS',
      to: 'WEB',
      total: 1,
      open: 1,
      late: 0,
      inCycle: 0,
    });
  });

  it('counts each link once although both of its issues carry it', () => {
    // API-3 -> WEB-1, API-5 -> WEB-3, WEB-3 -> OPS-2, OPS-2 -> API-5, OPS-1 -> WEB-2, EXT-1 -> WEB-4.
    expect(report.dependencies.totals).toEqual({
      links: 6,
      openLinks: 6,
      blockedIssues: 6,
      conflicts: 1,
      cycles: 1,
      blockedChains: 3,
    });
    expect(report.dependencies.projectMatrix).toContainEqual({
      from: 'EXT',
      to: 'WEB',
      total: 1,
      open: 1,
      late: 0,
      inCycle: 0,
    });
  });

  it('lists the issue-level links between projects, with statuses read or reported by links', () => {
    const { total, items } = report.dependencies.crossProjectLinks;
    expect(total).toBe(6);
    expect(items.map((l) => `${l.blocker.key}>${l.blocked.key}`)).toEqual([
      'API-5>WEB-3',
      'API-3>WEB-1',
      'EXT-1>WEB-4',
      'OPS-2>API-5',
      'OPS-1>WEB-2',
      'WEB-3>OPS-2',
    ]);
    expect(items[1]).toEqual({
      blocker: { key: 'API-3', projectKey: 'API', status: 'indeterminate', due: '2025-07-01' },
      blocked: { key: 'WEB-1', projectKey: 'WEB', status: 'indeterminate', due: '2025-06-20' },
      late: true,
      daysLate: 11,
      inCycle: false,
    });
    expect(items[2]?.blocker).toEqual({ key: 'EXT-1', projectKey: 'EXT', status: 'new', due: null });
    expect(items.filter((l) => l.inCycle)).toHaveLength(3);
    expect(report.dependencies.projectMatrix).toContainEqual({
      from: 'API',
      to: 'WEB',
      total: 2,
      open: 2,
      late: 1,
      inCycle: 1,
    });
  });

  it('builds the risk register and heat map', () => {
    expect(report.risks).toEqual([
      {
        key: 'OPS-3',
        summary: 'Vendor may slip',
        projectKey: 'OPS',
        status: 'To Do',
        open: true,
        probability: 4,
        impact: 4,
        score: 16,
        level: 'high',
        roam: 'owned',
        owner: 'acc-1',
        due: null,
        assumed: false,
      },
      expect.objectContaining({
        key: 'OPS-4',
        summary: null,
        probability: 3,
        impact: 5,
        score: 15,
        assumed: true,
        roam: 'mitigated',
      }),
      expect.objectContaining({ key: 'OPS-5', open: false, score: 25 }),
    ]);
    expect(report.heatmap.total).toBe(2);
    expect(report.heatmap.cells[3]?.[3]).toMatchObject({
      probability: 4,
      impact: 4,
      count: 1,
      keys: ['OPS-3'],
    });
    expect(report.heatmap.cells[2]?.[4]).toMatchObject({
      probability: 3,
      impact: 5,
      count: 1,
      keys: ['OPS-4'],
    });
    expect(report.heatmap.cells[4]?.[4]?.count).toBe(0);
    const risk = project('OPS')?.health.indicators.find((i) => i.name === 'risk');
    expect(risk).toMatchObject({ value: 16, rag: 'red', issueKeys: ['OPS-3'] });
    expect(report.raid.assumptions.map((a) => [a.key, a.due])).toEqual([['OPS-6', '2025-06-10']]);
    expect(report.raid.decisions.map((d) => [d.key, d.open])).toEqual([['OPS-7', false]]);
    expect(report.raid.issues).toEqual([]);
  });

  it('computes project and portfolio KPIs', () => {
    expect(project('API')?.kpis).toMatchObject({ total: 11, open: 10, inProgress: 10, done: 1, overdue: 2 });
    expect(project('API')?.kpis.throughput[3]).toEqual({ from: '2025-05-27', to: '2025-06-02', resolved: 1 });
    expect(report.kpis).toMatchObject({ total: 22, done: 3, overdue: 2 });
    expect(report.summary).toEqual({ projects: 3, rag: { green: 0, amber: 0, red: 3, none: 0 } });
  });

  it('applies an active manual override and keeps the computed RAG', () => {
    const override = {
      rag: 'amber' as const,
      reason: 'Plan agreed',
      expiresAt: '2025-06-30T00:00:00Z',
      by: 'acc-pmo',
    };
    const withOverride = computePortfolio({
      projects,
      issues: handBuilt(),
      settings,
      now: NOW,
      overrides: { API: override },
    });
    expect(withOverride.projects[0]?.health).toMatchObject({ rag: 'amber', computedRag: 'red', override });
    expect(withOverride.summary.rag).toEqual({ green: 0, amber: 1, red: 2, none: 0 });
  });

  it('uses caller-supplied compliance', () => {
    const withCompliance = computePortfolio({
      projects,
      issues: handBuilt(),
      settings,
      now: NOW,
      compliance: { WEB: { compliant: 3, evaluated: 4 } },
    });
    const compliance = (key: string) =>
      withCompliance.projects
        .find((p) => p.key === key)
        ?.health.indicators.find((i) => i.name === 'compliance');
    expect(compliance('WEB')).toMatchObject({ value: 75, rag: 'amber' });
    expect(compliance('API')).toMatchObject({ value: null, rag: 'none' });
  });
});

describe('chunks', () => {
  it('survive JSON and schema parsing unchanged', () => {
    const chunk = summarizeIssues(handBuilt(), settings, NOW);
    const parsed = PortfolioChunkSchema.parse(JSON.parse(JSON.stringify(chunk)));
    expect(computePortfolioFromChunk(parsed, projects, settings, NOW)).toEqual(
      computePortfolioFromChunk(chunk, projects, settings, NOW),
    );
  });

  it('stay small: keys and facts, not issues', () => {
    const { issues } = generatePortfolio({ issues: 2000, projects: 10 });
    const bytes = JSON.stringify(summarizeIssues(issues, settings, NOW)).length;
    expect(bytes / issues.length).toBeLessThan(120);
  });

  it('refuse to merge across different link settings', () => {
    const a = summarizeIssues(handBuilt().slice(0, 5), settings, NOW);
    const other = EngineSettingsSchema.parse({
      blockingLinks: [{ type: 'Blocks', blockerDirection: 'inward' }],
    });
    const b = summarizeIssues(handBuilt().slice(5), other, NOW);
    expect(() => mergeChunks(a, b)).toThrow(AppError);
    expect(() => computePortfolioFromChunk(b, projects, settings, NOW)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('keep the most recently updated copy of an issue read twice', () => {
    const fresh = testIssue('API-1', {
      status: done,
      updated: '2025-06-01T00:00:00.000Z',
      resolved: '2025-06-01T00:00:00.000Z',
    });
    const stale = testIssue('API-1', {
      status: open,
      updated: '2025-05-01T00:00:00.000Z',
      dueDate: '2025-05-02',
    });
    const merged = mergeChunks(
      summarizeIssues([fresh], settings, NOW),
      summarizeIssues([stale], settings, NOW),
    );
    const report = computePortfolioFromChunk(merged, projects, settings, NOW);
    expect(report.projects[0]?.kpis).toMatchObject({ total: 1, done: 1, overdue: 0 });
  });

  /** Merges chunks in a tree whose shape comes from `splits`, so associativity is exercised too. */
  function mergeTree(chunks: PortfolioChunk[], splits: number[]): PortfolioChunk {
    if (chunks.length === 1) return chunks[0] as PortfolioChunk;
    const at = 1 + ((splits[0] ?? 0) % (chunks.length - 1));
    const rest = splits.slice(1);
    return mergeChunks(mergeTree(chunks.slice(0, at), rest), mergeTree(chunks.slice(at), rest.reverse()));
  }

  it('merged in any split and order, with repeats and stale copies, give the report of the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(59), fc.nat(), fc.boolean()), { maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer(),
        (seed, parts, assignment, repeats, splits, shuffleSeed) => {
          const data = generatePortfolio({
            issues: 60,
            projects: 4,
            seed,
            now: NOW,
            linkShare: 0.6,
            riskShare: 0.2,
            cycles: 1,
          });
          const whole = computePortfolio({
            projects: data.projects,
            issues: data.issues,
            settings,
            now: NOW,
          });

          const buckets: PortfolioIssue[][] = Array.from({ length: parts }, () => []);
          data.issues.forEach((issue, i) => {
            buckets[(assignment[i] as number) % parts]?.push(issue);
          });
          for (const [index, bucket, staleCopy] of repeats) {
            const issue = data.issues[index] as PortfolioIssue;
            // Either the same issue again, or an older read of it that must lose to the current one.
            const copy = staleCopy
              ? {
                  ...issue,
                  updated: '2000-01-01T00:00:00.000Z',
                  status: { name: 'Reopened', category: 'new' as const },
                  storyPoints: 99,
                  links: [],
                }
              : issue;
            buckets[bucket % parts]?.push(copy);
          }
          const chunks = buckets.map((bucket) => summarizeIssues(bucket, settings, NOW));
          const order = chunks
            .map((chunk, i) => ({ chunk, rank: (Math.imul(i + 1, 2654435761) ^ shuffleSeed) >>> 0 }))
            .sort((a, b) => a.rank - b.rank)
            .map((x) => x.chunk);

          const merged = mergeTree(order, splits);
          expect(computePortfolioFromChunk(merged, data.projects, settings, NOW)).toEqual(whole);
          expect(
            computePortfolioFromChunk(mergeAllChunks(chunks, settings), data.projects, settings, NOW),
          ).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('mergeChunks is associative, commutative and idempotent on the chunks themselves', () => {
    const { issues } = generatePortfolio({ issues: 90, projects: 3, seed: 7, linkShare: 0.5 });
    const [a, b, c] = [issues.slice(0, 30), issues.slice(20, 60), issues.slice(50)].map((part) =>
      summarizeIssues(part, settings, NOW),
    ) as [PortfolioChunk, PortfolioChunk, PortfolioChunk];
    expect(mergeChunks(mergeChunks(a, b), c)).toEqual(mergeChunks(a, mergeChunks(b, c)));
    expect(mergeChunks(a, b)).toEqual(mergeChunks(b, a));
    expect(mergeChunks(a, a)).toEqual(a);
    expect(Object.keys(mergeChunks(mergeChunks(a, b), c).issues)).toHaveLength(90);
  });
});
