import type { ProjectReport } from '../portfolio/schema';
import { dayRecordOf, INDICATOR_ORDER, ProjectDayRowSchema, splitDayRecord } from './day-record';

const kpis = {
  total: 10,
  open: 6,
  inProgress: 2,
  done: 4,
  overdue: 3,
  averageOpenAgeDays: 12.5,
  throughput: [
    { from: '2026-02-03', to: '2026-02-09', resolved: 1 },
    { from: '2026-02-10', to: '2026-02-16', resolved: 2 },
    { from: '2026-02-17', to: '2026-02-23', resolved: 0 },
    { from: '2026-02-24', to: '2026-03-02', resolved: 5 },
  ],
};

function project(key: string, rag: 'green' | 'red', reason: string): ProjectReport {
  return {
    key,
    name: `Project ${key}`,
    category: null,
    health: {
      rag,
      computedRag: rag,
      override: null,
      indicators: [
        { name: 'schedule', value: rag === 'red' ? 40 : 0, rag, reason },
        { name: 'compliance', value: null, rag: 'none', reason: 'No standard applies' },
      ],
    },
    kpis,
  };
}

const risk = (key: string, projectKey: string, score: number, level: 'high' | 'low', open = true) => ({
  key,
  summary: null,
  projectKey,
  status: 'Open',
  open,
  probability: 5,
  impact: Math.max(1, Math.round(score / 5)),
  score,
  level,
  roam: 'unroamed' as const,
  owner: null,
  due: null,
  assumed: false,
});

/** A late blocker of AAA-1 (due 1 March), a month late. */
const conflict = (key: string, projectKey: string, crossProject: boolean) => ({
  blocker: { key, projectKey, due: '2026-04-01' },
  blocked: { key: 'AAA-1', projectKey: 'AAA', due: '2026-03-01' },
  daysLate: 31,
  crossProject,
});

const gate = (key: string, projectKey: string) => ({
  key,
  projectKey,
  summary: null,
  issueType: 'Epic',
  status: 'Build',
  stage: { id: 'build', name: 'Build' },
  nextGate: null,
  missedGates: [],
});

describe('a day record', () => {
  const secret = new Set(['BBB-9']);
  const record = dayRecordOf({
    day: '2026-03-02',
    asOf: '2026-03-02T10:00:00.000Z',
    settingsVersion: 3,
    reconstructed: false,
    secured: (key) => secret.has(key),
    report: {
      projects: [
        project('AAA', 'red', 'AAA-1 and BBB-9 are overdue'),
        project('BBB', 'green', 'All on time'),
      ],
      risks: [
        risk('AAA-2', 'AAA', 20, 'high'),
        risk('BBB-9', 'BBB', 25, 'high'),
        risk('AAA-3', 'AAA', 4, 'low'),
        risk('AAA-4', 'AAA', 25, 'high', false),
      ],
      dependencies: {
        conflicts: [
          conflict('BBB-1', 'BBB', true),
          conflict('BBB-9', 'BBB', true),
          conflict('AAA-5', 'AAA', false),
        ],
      } as never,
    },
    compliance: {
      standards: [],
      projects: [{ projectKey: 'AAA', evaluated: 8, compliant: 5, byStandard: [] }],
      gates: [gate('AAA-7', 'AAA'), gate('BBB-9', 'BBB')],
    },
  });

  it('keeps every figure of a project in one compact row', () => {
    expect(record.projects.AAA).toEqual([
      'r',
      'r',
      [[40, 'r'], null, null, [null, 'n'], null, null, null],
      [6, 2, 4, 3, 5],
      12.5,
      24,
      [5, 8],
      { build: 1 },
      false,
    ]);
    expect(record.reasons).toEqual({ AAA: { schedule: 'AAA-1 and a restricted issue are overdue' } });
  });

  it('reads rows recorded before the schedule variance and scope indicators (five indicators)', () => {
    const old = [
      'g',
      'g',
      [[0, 'g'], [0, 'g'], null, null, [0, 'n']],
      [1, 0, 0, 0, 0],
      null,
      0,
      [0, 0],
      {},
      false,
    ];
    expect(ProjectDayRowSchema.safeParse(old).success).toBe(true);
    expect(INDICATOR_ORDER.slice(0, 5)).toEqual(['schedule', 'blockers', 'risk', 'compliance', 'staleness']);
    expect(INDICATOR_ORDER.slice(5)).toEqual(['variance', 'scope']);
  });

  it('counts issues with a security level but never names them', () => {
    // BBB-9 is a high risk (its score is in BBB's exposure), a conflict end and a gated issue.
    expect(record.projects.BBB?.[5]).toBe(25);
    expect(record.projects.BBB?.[7]).toEqual({ build: 1 });
    expect(record.highRisks).toEqual({ 'AAA-2': 'AAA' });
    expect(record.conflicts).toEqual(['BBB-1>AAA-1']);
    expect(record.gated).toEqual({ 'AAA-7': 'build' });
    expect(JSON.stringify(record)).not.toContain('BBB-9');
  });

  it('is stored as a summary and a record per project that put it back together', () => {
    const { summary, projects } = splitDayRecord(record);
    expect(summary.rag).toEqual({ AAA: 'r', BBB: 'g' });
    expect(projects.get('AAA')).toMatchObject({
      day: '2026-03-02',
      row: record.projects.AAA,
      reasons: record.reasons.AAA,
    });
    expect(projects.get('BBB')?.reasons).toEqual({});
  });
});
