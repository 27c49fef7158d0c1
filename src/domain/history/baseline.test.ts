import { emptyChunk, type IssueRow, type PortfolioChunk } from '../portfolio/chunk';
import { EngineSettingsSchema } from '../settings';
import { captureBaseline, forecastFinish, varianceAgainst } from './baseline';
import { gatesPassedBetween } from './gates-passed';

const DAY = 86_400_000;
const row = (
  project: string,
  status: 0 | 1 | 2,
  due: string | null,
  points: number | null,
  resolved: number | null = null,
): IssueRow => [
  project,
  status,
  due,
  Date.UTC(2026, 0, 1),
  Date.UTC(2026, 1, 1),
  resolved,
  points,
  [],
  [],
  null,
];

function chunkOf(issues: Record<string, IssueRow>): PortfolioChunk {
  return { ...emptyChunk(EngineSettingsSchema.parse({})), issues };
}

describe('baselines', () => {
  const plan = chunkOf({
    'ABC-1': row('ABC', 1, '2026-04-30', 8),
    'ABC-2': row('ABC', 0, '2026-05-31', 5),
    'ABC-3': row('ABC', 2, '2026-03-01', 3, Date.UTC(2026, 2, 2)),
    'XYZ-1': row('XYZ', 0, '2026-12-31', 1),
  });

  it('forecasts the finish as the latest due date of open work, or the last resolution when all is done', () => {
    expect(forecastFinish(plan, 'ABC')).toBe('2026-05-31');
    const done = chunkOf({
      'ABC-1': row('ABC', 2, '2026-04-30', 8, Date.UTC(2026, 3, 20) + DAY / 2),
      'ABC-3': row('ABC', 2, '2026-03-01', 3, Date.UTC(2026, 2, 2)),
    });
    expect(forecastFinish(done, 'ABC')).toBe('2026-04-20');
    expect(forecastFinish(plan, 'NONE')).toBeNull();
  });

  it("captures the project's scope and the due dates of its planned issues only", () => {
    const baseline = captureBaseline({
      chunk: plan,
      projectKey: 'ABC',
      plannedKeys: ['ABC-2', 'ABC-1', 'XYZ-1', 'ABC-99'],
      riskExposure: 12,
      capturedAt: '2026-03-05T10:00:00.000Z',
      asOf: '2026-03-05T09:00:00.000Z',
      trigger: 'manual',
      by: 'u1',
      note: 'Kick-off plan',
    });
    expect(baseline.dueDates).toEqual({ 'ABC-1': '2026-04-30', 'ABC-2': '2026-05-31' });
    expect(baseline.scope).toEqual({ issues: 3, storyPoints: 16 });
    expect(baseline.forecastFinish).toBe('2026-05-31');
  });

  it('measures schedule slip in days and scope change in percent against the baseline', () => {
    const baseline = captureBaseline({
      chunk: plan,
      projectKey: 'ABC',
      plannedKeys: ['ABC-1', 'ABC-2'],
      riskExposure: 0,
      capturedAt: '2026-03-05T10:00:00.000Z',
      asOf: '2026-03-05T09:00:00.000Z',
      trigger: 'gate',
      by: null,
      note: '',
    });
    const later = chunkOf({
      'ABC-1': row('ABC', 1, '2026-05-10', 8),
      'ABC-2': row('ABC', 0, '2026-06-14', 5),
      'ABC-3': row('ABC', 2, '2026-03-01', 3, Date.UTC(2026, 2, 2)),
      'ABC-4': row('ABC', 0, null, 2),
    });
    const variance = varianceAgainst(baseline, later);
    expect(variance.scheduleDays).toBe(14);
    expect(variance.scopePercent).toBe(33.3);
    expect(variance.issues).toEqual([
      { key: 'ABC-1', baselineDue: '2026-04-30', currentDue: '2026-05-10', slipDays: 10, gone: false },
      { key: 'ABC-2', baselineDue: '2026-05-31', currentDue: '2026-06-14', slipDays: 14, gone: false },
    ]);
    // An issue the baseline names was deleted: it is said to be gone, not given a slip.
    const deleted = chunkOf({ 'ABC-1': row('ABC', 1, '2026-04-30', 8) });
    expect(varianceAgainst(baseline, deleted).issues[1]).toEqual({
      key: 'ABC-2',
      baselineDue: '2026-05-31',
      currentDue: null,
      slipDays: null,
      gone: true,
    });
    expect(varianceAgainst(baseline, plan)).toMatchObject({ scheduleDays: 0, scopePercent: 0 });
  });
});

describe('gates passed between two days', () => {
  const stages = [
    { id: 'inception', name: 'Inception' },
    { id: 'planning', name: 'Planning' },
    { id: 'build', name: 'Build' },
  ];

  it('lists issues now in a later stage, and newly gated issues past the first stage', () => {
    expect(
      gatesPassedBetween(
        { 'A-1': 'inception', 'A-2': 'build', 'A-3': 'planning' },
        { 'A-1': 'planning', 'A-2': 'planning', 'A-3': 'planning', 'A-4': 'build', 'A-5': 'inception' },
        stages,
      ),
    ).toEqual([
      { key: 'A-1', projectKey: 'A', from: 'Inception', to: 'Planning' },
      { key: 'A-4', projectKey: 'A', from: null, to: 'Build' },
    ]);
  });
});
