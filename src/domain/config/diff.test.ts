import fc from 'fast-check';
import { canonical, deepEqual, diffConfigs, diffValues } from './diff';
import { defaultPmoConfig, type PmoConfig, PmoConfigSchema } from './schema';

const clone = (config: PmoConfig): PmoConfig => structuredClone(config);

describe('diffConfigs', () => {
  it('names a standard by its name when its mode changes', () => {
    const after = clone(defaultPmoConfig);
    const risk = after.standards.find((standard) => standard.id === 'risk-register');
    if (!risk) throw new Error('default standards changed');
    risk.mode = 'enforce';
    expect(diffConfigs(defaultPmoConfig, after)).toEqual([
      {
        path: 'standards[risk-register].mode',
        kind: 'changed',
        before: 'warn',
        after: 'enforce',
        summary: "Standard 'Risks are owned and assessed' mode: warn → enforce",
      },
    ]);
  });

  it('reports standards added and removed by id, and rules inside a standard', () => {
    const after = clone(defaultPmoConfig);
    const removed = after.standards.shift();
    after.standards.push({
      id: 'new-one',
      name: 'Decisions are recorded',
      description: '',
      mode: 'warn',
      scope: {},
      onError: 'open',
      rules: [{ id: 'has-due', kind: 'requiredFields', fields: [{ kind: 'role', role: 'team' }], when: {} }],
    });
    const epic = after.standards.find((standard) => standard.id === 'epic-gates');
    const gate = epic?.rules.find((rule) => rule.kind === 'gateChecklist');
    if (gate?.kind !== 'gateChecklist') throw new Error('default standards changed');
    gate.items.push({ id: 'sponsor-signed', text: 'Sponsor signed off', mandatory: true });

    const summaries = diffConfigs(defaultPmoConfig, after).map((change) => change.summary);
    expect(summaries).toContain(`Standard '${removed?.name}' removed`);
    expect(summaries).toContain("Standard 'Decisions are recorded' added");
    expect(summaries).toContain(
      `Standard 'Epic stage gates' rule '${gate.id}' checklist item 'sponsor-signed' added`,
    );
  });

  it('lists added and removed entries of plain lists in one change', () => {
    const after = clone(defaultPmoConfig);
    const planning = after.lifecycle.stages.find((stage) => stage.id === 'planning');
    if (!planning) throw new Error('default lifecycle changed');
    planning.statuses = ['Ready'];
    const changes = diffConfigs(defaultPmoConfig, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      path: 'lifecycle.stages[planning].statuses',
      kind: 'changed',
      summary: "Lifecycle stage 'Planning' statuses: added Ready; removed To Do",
    });
  });

  it('reports thresholds, overrides, access and order changes readably', () => {
    const after = clone(defaultPmoConfig);
    after.engine.health.schedule.amber = 12;
    after.overrides.ABC = { rag: 'red', reason: 'Vendor late', expiresAt: '2030-01-01T00:00:00Z', by: 'u1' };
    after.access.pmoGroupName = 'pmo-office';
    after.lifecycle.stages.reverse();
    const summaries = diffConfigs(defaultPmoConfig, after).map((change) => change.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Health threshold schedule amber: 10 → 12',
        'RAG override for ABC added',
        'Access PMO group: none → pmo-office',
        'Lifecycle stages: order changed',
      ]),
    );
  });

  it('truncates long values', () => {
    const after = clone(defaultPmoConfig);
    const first = after.standards[0];
    if (!first) throw new Error('no default standards');
    first.description = 'x'.repeat(1500);
    const [change] = diffConfigs(defaultPmoConfig, after);
    expect(change?.after?.length).toBeLessThanOrEqual(200);
    expect(change?.after?.endsWith('…')).toBe(true);
  });
});

describe('diff properties', () => {
  it('is empty for equal JSON values and not empty for different ones', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) => {
        expect(diffValues(a, structuredClone(a))).toEqual([]);
        expect(diffValues(a, b).length === 0).toBe(deepEqual(a, b));
        expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 500 },
    );
  });

  /** Configurations made by changing a few things of the defaults, as an admin would. */
  const configArbitrary = fc
    .record({
      modes: fc.array(fc.constantFrom('enforce', 'warn', 'off'), { minLength: 4, maxLength: 4 }),
      dropStandard: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      planningStatuses: fc.uniqueArray(
        fc.constantFrom('To Do', 'Ready', 'Selected for Development', 'Next'),
        {
          maxLength: 4,
        },
      ),
      amber: fc.integer({ min: 0, max: 30 }),
      staleDays: fc.integer({ min: 1, max: 60 }),
      group: fc.option(fc.constantFrom('pmo-office', 'leads'), { nil: null }),
      override: fc.option(fc.constantFrom('green', 'amber', 'red'), { nil: undefined }),
      portfolios: fc.uniqueArray(fc.constantFrom('alpha', 'beta', 'gamma'), { maxLength: 3 }),
    })
    .map((spec) => {
      const config = clone(defaultPmoConfig);
      config.standards.forEach((standard, index) => {
        standard.mode = spec.modes[index % spec.modes.length] ?? 'warn';
      });
      if (spec.dropStandard !== undefined) config.standards.splice(spec.dropStandard, 1);
      const planning = config.lifecycle.stages.find((stage) => stage.id === 'planning');
      if (planning) planning.statuses = spec.planningStatuses;
      config.engine.health.schedule = { amber: spec.amber, red: Math.max(spec.amber, 20) };
      config.engine.staleDays = spec.staleDays;
      config.access.pmoGroupName = spec.group;
      if (spec.override) {
        config.overrides.ABC = {
          rag: spec.override,
          reason: 'r',
          expiresAt: '2030-01-01T00:00:00Z',
          by: 'u',
        };
      }
      config.portfolios = spec.portfolios.map((id) => ({
        id,
        name: id.toUpperCase(),
        ownerAccountId: null,
        scope: { kind: 'projects', projectKeys: ['ABC'] },
      }));
      return PmoConfigSchema.parse(config);
    });

  it('is empty exactly when two configurations are deeply equal', () => {
    fc.assert(
      fc.property(configArbitrary, configArbitrary, (a, b) => {
        expect(diffConfigs(a, clone(a))).toEqual([]);
        const changes = diffConfigs(a, b);
        expect(changes.length === 0).toBe(deepEqual(a, b));
        for (const change of changes) expect(change.summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
