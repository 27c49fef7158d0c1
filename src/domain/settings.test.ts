import { defaultEngineSettings, EngineSettingsSchema } from './settings';

describe('engine settings', () => {
  it('fills every field with its documented default', () => {
    expect(defaultEngineSettings).toEqual({
      blockingLinks: [
        { type: 'Blocks', blockerDirection: 'outward' },
        { type: 'Dependency', blockerDirection: 'outward' },
      ],
      raidTypes: { risk: ['Risk'], assumption: ['Assumption'], decision: ['Decision'], issue: ['Issue'] },
      health: {
        schedule: { amber: 10, red: 20 },
        blocked: { amber: 10, red: 25 },
        dateConflicts: { amber: 1, red: 3 },
        staleness: { amber: 10, red: 25 },
        compliance: { amber: 90, red: 75 },
        variance: { amber: 5, red: 15 },
        scope: { amber: 10, red: 25 },
      },
      staleDays: 14,
      riskMatrix: { high: 15, medium: 8 },
      refreshQuotaShare: 0.5,
      riskFallback: { probability: 3, impact: 3 },
      riskRoamFieldId: null,
      riskOwnerFieldId: null,
      limits: { exampleKeys: 5, blockedChains: 50, conflicts: 500 },
      complianceHealth: { counts: 'enforced', weight: 'capAmber' },
    });
  });

  it('reads settings stored before the compliance weight existed with its defaults (#14.13)', () => {
    const stored = { health: { compliance: { amber: 80, red: 60 } }, staleDays: 10 };
    expect(EngineSettingsSchema.parse(stored).complianceHealth).toEqual({
      counts: 'enforced',
      weight: 'capAmber',
    });
    expect(EngineSettingsSchema.parse({ complianceHealth: { counts: 'all' } }).complianceHealth).toEqual({
      counts: 'all',
      weight: 'capAmber',
    });
  });

  it('reads health thresholds saved before the variance and scope indicators, with their defaults', () => {
    const saved = {
      schedule: { amber: 5, red: 15 },
      blocked: { amber: 10, red: 25 },
      dateConflicts: { amber: 1, red: 3 },
      staleness: { amber: 10, red: 25 },
      compliance: { amber: 90, red: 75 },
    };
    const settings = EngineSettingsSchema.parse({ health: saved });
    expect(settings.health).toEqual({
      ...saved,
      variance: { amber: 5, red: 15 },
      scope: { amber: 10, red: 25 },
    });
  });

  it('refuses variance and scope thresholds out of range or red below amber', () => {
    const health = (variance: unknown, scope: unknown) =>
      EngineSettingsSchema.safeParse({ health: { variance, scope } }).success;
    expect(health({ amber: 3, red: 10 }, { amber: 5, red: 20 })).toBe(true);
    expect(health({ amber: -1, red: 10 }, { amber: 5, red: 20 })).toBe(false);
    expect(health({ amber: 10, red: 3 }, { amber: 5, red: 20 })).toBe(false);
    expect(health({ amber: 3, red: 10 }, { amber: 5, red: 120 })).toBe(false);
    expect(health({ amber: 3, red: 10 }, { amber: 30, red: 20 })).toBe(false);
  });

  it('keeps what is given and defaults the rest', () => {
    const settings = EngineSettingsSchema.parse({
      staleDays: 7,
      health: { schedule: { amber: 5, red: 15 } },
    });
    expect(settings.staleDays).toBe(7);
    expect(settings.health.schedule).toEqual({ amber: 5, red: 15 });
    expect(settings.health.staleness).toEqual({ amber: 10, red: 25 });
    expect(EngineSettingsSchema.parse({ limits: { exampleKeys: 3 } }).limits).toEqual({
      exampleKeys: 3,
      blockedChains: 50,
      conflicts: 500,
    });
  });

  it.each([
    ['red below amber', { health: { schedule: { amber: 20, red: 10 } } }],
    ['compliance red above amber', { health: { compliance: { amber: 75, red: 90 } } }],
    ['high below medium', { riskMatrix: { high: 5, medium: 8 } }],
    ['unknown link direction', { blockingLinks: [{ type: 'Blocks', blockerDirection: 'sideways' }] }],
    ['fallback outside 1..5', { riskFallback: { probability: 0, impact: 3 } }],
    ['unknown compliance weight', { complianceHealth: { weight: 'sometimes' } }],
  ])('rejects %s', (_what, input) => {
    expect(EngineSettingsSchema.safeParse(input).success).toBe(false);
  });
});
