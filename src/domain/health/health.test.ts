import { riskEntry as risk } from '../risks/test-data';
import { defaultEngineSettings } from '../settings';
import {
  applyOverride,
  type BaselineComparison,
  computeHealth,
  type ManualOverride,
  type ProjectHealthFacts,
  worstRag,
} from './health';
import { percent } from './percent';
import { healthFacts } from './test-data';

const indicator = (f: ProjectHealthFacts, name: string) =>
  computeHealth(f, defaultEngineSettings).indicators.find((i) => i.name === name);

describe('schedule indicator', () => {
  it('is red at 20% past due, and says so with the numbers', () => {
    expect(indicator(healthFacts({ open: 28, overdue: 6, overdueKeys: ['P-1', 'P-2'] }), 'schedule')).toEqual(
      {
        name: 'schedule',
        value: 21,
        rag: 'red',
        reason: '6 of 28 open issues (21%) are past due; red at 20%.',
        issueKeys: ['P-1', 'P-2'],
      },
    );
    expect(indicator(healthFacts({ open: 20, overdue: 4 }), 'schedule')).toMatchObject({
      rag: 'red',
      value: 20,
    });
  });

  it('is amber from 10%, green below, and mentions undated issues', () => {
    expect(indicator(healthFacts({ open: 20, overdue: 2 }), 'schedule')).toMatchObject({
      rag: 'amber',
      reason: '2 of 20 open issues (10%) are past due; amber at 10%, red at 20%.',
    });
    expect(indicator(healthFacts({ open: 20, overdue: 1, openWithoutDueDate: 3 }), 'schedule')).toMatchObject(
      {
        rag: 'green',
        reason: '1 of 20 open issues (5%) is past due (3 have no due date); amber at 10%.',
      },
    );
  });

  it('never rounds a figure across its threshold', () => {
    // 499 of 2500 = 19.96%: amber, so it must not read "20%".
    expect(indicator(healthFacts({ open: 2500, overdue: 499 }), 'schedule')).toMatchObject({
      rag: 'amber',
      value: 19.9,
      reason: '499 of 2500 open issues (19.9%) are past due; amber at 10%, red at 20%.',
    });
    expect(percent(1, 3, [10, 20])).toEqual({ value: 33, text: '33%' });
  });

  it('is neutral for a project with nothing open', () => {
    expect(indicator(healthFacts({ open: 0 }), 'schedule')).toMatchObject({ rag: 'none', value: 0 });
  });
});

describe('blockers indicator', () => {
  it('counts cross-project blockers separately and turns amber on one date conflict', () => {
    const result = indicator(
      healthFacts({
        open: 40,
        dependencies: {
          blocked: 3,
          blockedCrossProject: 2,
          blockedKeys: ['P-3', 'P-4', 'P-5'],
          conflicted: 1,
          conflictKeys: ['P-4'],
        },
      }),
      'blockers',
    );
    expect(result).toEqual({
      name: 'blockers',
      value: 8,
      rag: 'amber',
      reason:
        '3 of 40 open issues (8%) are blocked by unresolved issues, 2 of them by another project; 1 open issue is due before its blocker; amber at 10% blocked or 1 date conflict, red at 25% or 3.',
      issueKeys: ['P-4', 'P-3', 'P-5'],
    });
  });

  it('is red at 25% blocked even without conflicts, green with nothing blocked', () => {
    const blocked = { blocked: 5, blockedCrossProject: 0, blockedKeys: [], conflicted: 0, conflictKeys: [] };
    expect(indicator(healthFacts({ open: 20, dependencies: blocked }), 'blockers')?.rag).toBe('red');
    expect(indicator(healthFacts({ open: 20 }), 'blockers')).toMatchObject({
      rag: 'green',
      reason:
        '0 of 20 open issues (0%) are blocked by unresolved issues; no open issue is due before its blocker; amber at 10% blocked or 1 date conflict.',
    });
  });
});

describe('risk indicator', () => {
  it('takes the highest open unmitigated risk, skipping mitigated and closed ones', () => {
    const risks = [
      risk('P-1', 5, 5, { roam: 'mitigated' }),
      risk('P-2', 5, 4, { open: false }),
      risk('P-3', 3, 3, { roam: 'owned' }),
      risk('P-4', 2, 2),
    ];
    expect(indicator(healthFacts({ risks }), 'risk')).toEqual({
      name: 'risk',
      value: 9,
      rag: 'amber',
      reason:
        '2 open risks are not mitigated or resolved; the highest, P-3, scores 9 (probability 3 x impact 3) and is medium; red at 15, amber at 8.',
      issueKeys: ['P-3', 'P-4'],
    });
  });

  it('is red for a high risk, green when all are mitigated, neutral when none are recorded', () => {
    expect(indicator(healthFacts({ risks: [risk('P-1', 4, 4)] }), 'risk')?.rag).toBe('red');
    expect(
      indicator(healthFacts({ risks: [risk('P-1', 5, 5, { roam: 'resolved' })] }), 'risk'),
    ).toMatchObject({
      rag: 'green',
      value: 0,
      reason: 'No open unmitigated risks: 1 open risk, all mitigated or resolved.',
    });
    expect(indicator(healthFacts(), 'risk')).toMatchObject({ rag: 'none', value: null });
  });
});

describe('compliance indicator', () => {
  it('is neutral, not green, when no standards were evaluated', () => {
    expect(indicator(healthFacts(), 'compliance')).toEqual({
      name: 'compliance',
      value: null,
      rag: 'none',
      reason: 'No standards evaluated for this project.',
    });
  });

  it('rates the share of compliant issues, lower being worse', () => {
    expect(
      indicator(healthFacts({ compliance: { compliant: 45, evaluated: 50 } }), 'compliance'),
    ).toMatchObject({
      rag: 'green',
      value: 90,
      reason: '45 of 50 evaluated issues (90%) meet the active standards; amber below 90%.',
    });
    expect(indicator(healthFacts({ compliance: 0.8 }), 'compliance')).toMatchObject({
      rag: 'amber',
      reason: '80% of evaluated issues meet the active standards; amber below 90%, red below 75%.',
    });
    expect(
      indicator(healthFacts({ compliance: { compliant: 7, evaluated: 10 } }), 'compliance'),
    ).toMatchObject({
      rag: 'amber',
      thresholdRag: 'red',
    });
  });

  it('is red below the red threshold when compliance decides the RAG', () => {
    const decides = {
      ...defaultEngineSettings,
      complianceHealth: { counts: 'all', weight: 'decides' },
    } as const;
    const health = computeHealth(healthFacts({ compliance: { compliant: 7, evaluated: 10 } }), decides);
    expect(health.rag).toBe('red');
    expect(health.indicators.find((i) => i.name === 'compliance')).toMatchObject({
      rag: 'red',
      reason: '7 of 10 evaluated issues (70%) meet the active standards; red below 75%.',
    });
  });
});

describe('staleness indicator', () => {
  it('rates in-progress issues not updated for staleDays', () => {
    expect(indicator(healthFacts({ inProgress: 12, stale: 3, staleKeys: ['P-9'] }), 'staleness')).toEqual({
      name: 'staleness',
      value: 25,
      rag: 'red',
      reason: '3 of 12 in-progress issues (25%) have not been updated for 14 days or more; red at 25%.',
      issueKeys: ['P-9'],
    });
  });
});

describe('schedule variance and scope indicators', () => {
  const against = (overrides: Partial<BaselineComparison>): BaselineComparison => ({
    capturedOn: '2026-03-05',
    baselineFinish: '2026-05-31',
    forecastFinish: '2026-06-10',
    scheduleDays: 10,
    scopePercent: 0,
    scopeUnit: 'issues',
    baselineScope: 40,
    currentScope: 40,
    ...overrides,
  });

  it('have no effect until a baseline exists, and say where to set one', () => {
    const health = computeHealth(healthFacts({ open: 10 }), defaultEngineSettings);
    for (const name of ['variance', 'scope'] as const) {
      expect(health.indicators.find((i) => i.name === name)).toEqual({
        name,
        value: null,
        rag: 'none',
        reason: 'No baseline yet — set one on the Trends page.',
      });
    }
    expect(health.rag).toBe('green');
  });

  it('rate days late against the variance thresholds (amber 5, red 15), early as green', () => {
    expect(indicator(healthFacts({ baseline: against({}) }), 'variance')).toEqual({
      name: 'variance',
      value: 10,
      rag: 'amber',
      reason:
        "The forecast finish 2026-06-10 is 10 days later than the baseline's 2026-05-31 (baseline of 2026-03-05); amber at 5 days late, red at 15 days late.",
    });
    expect(indicator(healthFacts({ baseline: against({ scheduleDays: 15 }) }), 'variance')?.rag).toBe('red');
    expect(indicator(healthFacts({ baseline: against({ scheduleDays: 4 }) }), 'variance')?.rag).toBe('green');
    const early = indicator(
      healthFacts({ baseline: against({ scheduleDays: -20, forecastFinish: '2026-05-11' }) }),
      'variance',
    );
    expect(early).toMatchObject({ value: -20, rag: 'green' });
    expect(early?.reason).toContain("20 days earlier than the baseline's 2026-05-31");
  });

  it('say why there is no variance when a finish date is unknown', () => {
    expect(
      indicator(healthFacts({ baseline: against({ scheduleDays: null, forecastFinish: null }) }), 'variance'),
    ).toMatchObject({
      value: null,
      rag: 'none',
      reason: 'No schedule variance: the forecast finish is unknown (no due dates on open work).',
    });
  });

  it('rate scope change either way against the scope thresholds (amber 10%, red 25%)', () => {
    expect(
      indicator(healthFacts({ baseline: against({ scopePercent: 12.5, currentScope: 45 }) }), 'scope'),
    ).toEqual({
      name: 'scope',
      value: 12.5,
      rag: 'amber',
      reason:
        'Scope grew by 12.5% since the baseline of 2026-03-05: 45 issues now, 40 then; amber at 10% either way, red at 25% either way.',
    });
    const cut = indicator(
      healthFacts({
        baseline: against({ scopePercent: -30, scopeUnit: 'points', baselineScope: 100, currentScope: 70 }),
      }),
      'scope',
    );
    expect(cut).toMatchObject({ value: -30, rag: 'red' });
    expect(cut?.reason).toContain(
      'Scope shrank by 30% since the baseline of 2026-03-05: 70 story points now, 100 then',
    );
    expect(indicator(healthFacts({ baseline: against({ scopePercent: 9.9 }) }), 'scope')?.rag).toBe('green');
  });
});

describe('project RAG', () => {
  it('is the worst indicator, ignoring neutral ones', () => {
    expect(worstRag(['green', 'none', 'amber'])).toBe('amber');
    expect(worstRag(['none', 'none'])).toBe('none');
    expect(computeHealth(healthFacts({ open: 10, overdue: 2 }), defaultEngineSettings).rag).toBe('red');
    expect(computeHealth(healthFacts({ open: 10 }), defaultEngineSettings).rag).toBe('green');
  });

  it('lets an active override replace the RAG while the computed one stays visible', () => {
    const computed = computeHealth(healthFacts({ open: 10, overdue: 2 }), defaultEngineSettings);
    const override: ManualOverride = {
      rag: 'amber',
      reason: 'Recovery plan agreed with the sponsor',
      expiresAt: '2025-07-01T00:00:00Z',
      by: 'acc-pmo',
    };
    const active = applyOverride(computed, override, Date.parse('2025-06-02T00:00:00Z'));
    expect(active).toMatchObject({ rag: 'amber', computedRag: 'red', override });
    expect(active.indicators).toBe(computed.indicators);
    const expired = applyOverride(computed, override, Date.parse('2025-07-01T00:00:00Z'));
    expect(expired).toMatchObject({ rag: 'red', computedRag: 'red', override: null });
  });
});
