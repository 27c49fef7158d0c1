import { emptyChunk, type IssueRow, type PortfolioChunk } from '../portfolio/chunk';
import { EngineSettingsSchema } from '../settings';
import {
  captureBaseline,
  forecastFinish,
  ProgressAccumulator,
  progressAgainst,
  varianceAgainst,
} from './baseline';
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
    // The baseline had story points (16), so scope compares points: 8 + 5 + 3 + 2 = 18, +12.5%.
    expect(variance).toMatchObject({ scopeUnit: 'points', baselineScope: 16, currentScope: 18 });
    expect(variance.scopePercent).toBe(12.5);
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

describe('schedule variance and scope change, hand-checked', () => {
  const capture = (chunk: PortfolioChunk, startDateOf?: (key: string) => string | null) =>
    captureBaseline({
      chunk,
      projectKey: 'ABC',
      plannedKeys: ['ABC-1', 'ABC-2'],
      riskExposure: 0,
      capturedAt: '2026-03-05T10:00:00.000Z',
      asOf: '2026-03-05T09:00:00.000Z',
      trigger: 'manual',
      by: 'u1',
      note: '',
      ...(startDateOf ? { startDateOf } : {}),
    });
  // Four unpointed issues, the open ones due 30 April and 31 May: baseline finish 31 May.
  const planned = chunkOf({
    'ABC-1': row('ABC', 1, '2026-04-30', null),
    'ABC-2': row('ABC', 0, '2026-05-31', null),
    'ABC-3': row('ABC', 0, null, null),
    'ABC-4': row('ABC', 2, '2026-03-01', null, Date.UTC(2026, 2, 2)),
  });
  const baseline = capture(planned);

  it('counts a later forecast finish as days late and added issues as scope growth', () => {
    // ABC-2 moves from 31 May to 10 June (+10 days); one issue added: 5 of 4 = +25%.
    const later = chunkOf({
      ...planned.issues,
      'ABC-2': row('ABC', 0, '2026-06-10', null),
      'ABC-5': row('ABC', 0, null, null),
    });
    expect(varianceAgainst(baseline, later)).toMatchObject({
      scheduleDays: 10,
      scopePercent: 25,
      scopeUnit: 'issues',
      forecastFinish: '2026-06-10',
    });
  });

  it('counts an earlier forecast finish as negative days', () => {
    // ABC-2 pulled in from 31 May to 20 May; ABC-1 (30 April) is not the latest: 20 May - 31 May = -11.
    const earlier = chunkOf({ ...planned.issues, 'ABC-2': row('ABC', 0, '2026-05-20', null) });
    expect(varianceAgainst(baseline, earlier)).toMatchObject({ scheduleDays: -11, scopePercent: 0 });
  });

  it('uses the actual finish (the last resolution) when all work is done', () => {
    // Everything resolved, the last on 12 June: 12 days after the baseline's 31 May.
    const done = chunkOf({
      'ABC-1': row('ABC', 2, '2026-04-30', null, Date.UTC(2026, 4, 2)),
      'ABC-2': row('ABC', 2, '2026-05-31', null, Date.UTC(2026, 5, 12, 15)),
      'ABC-3': row('ABC', 2, null, null, Date.UTC(2026, 5, 1)),
      'ABC-4': row('ABC', 2, '2026-03-01', null, Date.UTC(2026, 2, 2)),
    });
    expect(varianceAgainst(baseline, done)).toMatchObject({ scheduleDays: 12, forecastFinish: '2026-06-12' });
  });

  it('has no schedule variance when open work has no due dates, now or in the baseline', () => {
    const undated = chunkOf({ 'ABC-1': row('ABC', 0, null, null), 'ABC-2': row('ABC', 1, null, null) });
    expect(varianceAgainst(baseline, undated).scheduleDays).toBeNull();
    expect(varianceAgainst(capture(undated), planned).scheduleDays).toBeNull();
  });

  it('counts deleted issues the baseline names as removed scope, never failing on them', () => {
    // ABC-2 (planned, due 31 May) and ABC-3 deleted: 2 of 4 issues left (-50%), finish now 30 April.
    const deleted = chunkOf({
      'ABC-1': planned.issues['ABC-1'] as IssueRow,
      'ABC-4': planned.issues['ABC-4'] as IssueRow,
    });
    const variance = varianceAgainst(baseline, deleted);
    expect(variance).toMatchObject({ scheduleDays: -31, scopePercent: -50, currentScope: 2 });
    expect(variance.issues.find((issue) => issue.key === 'ABC-2')).toMatchObject({
      gone: true,
      slipDays: null,
    });
  });

  it('has no scope change against a baseline of an empty project', () => {
    const empty = capture(chunkOf({}));
    expect(varianceAgainst(empty, planned)).toMatchObject({ scopePercent: null, scheduleDays: null });
  });

  it('keeps start dates from the start date field, or the created day on a site without one', () => {
    expect(baseline.startDateSource).toBe('created');
    expect(baseline.startDates).toEqual({ 'ABC-1': '2026-01-01', 'ABC-2': '2026-01-01' });
    const fromField = capture(planned, (key) => (key === 'ABC-1' ? '2026-02-15' : null));
    expect(fromField.startDateSource).toBe('field');
    expect(fromField.startDates).toEqual({ 'ABC-1': '2026-02-15', 'ABC-2': null });
  });

  it('accumulates the same progress row by row as the whole-chunk variance', () => {
    const progress = new ProgressAccumulator();
    for (const issue of Object.values(planned.issues)) progress.add(issue);
    expect(progressAgainst(baseline, progress.result())).toEqual({
      scheduleDays: 0,
      scopePercent: 0,
      scopeUnit: 'issues',
      baselineScope: 4,
      currentScope: 4,
    });
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
