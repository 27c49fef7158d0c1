import fc from 'fast-check';
import { candidateByFields } from './candidates';
import { combineRatings, computeScore, type ScorerRatings } from './compute';
import { modelVersion } from './model-version';
import { scoringPresets } from './presets';
import {
  type Criterion,
  type CriterionValues,
  type ScoringModel,
  ScoringModelSchema,
  ScoringSettingsSchema,
} from './schema';

const { wsjf, rice, strategicFit } = scoringPresets;

describe('hand-computed examples', () => {
  it("WSJF is (business value + time criticality + risk reduction) / job size on the levels' values", () => {
    // Levels 4, 3, 2 stand for 5, 3, 2; job size level 3 for 3: (5 + 3 + 2) / 3.
    const result = computeScore(
      wsjf,
      { 'business-value': 4, 'time-criticality': 3, 'risk-reduction': 2, 'job-size': 3 },
      'unranked',
    );
    expect(result.complete).toBe(true);
    expect(result.score).toBeCloseTo(10 / 3, 10);
  });

  it('RICE is reach × impact × confidence / effort', () => {
    // 1,000 people × impact 2 × 80 % confidence / 3 person-months.
    const result = computeScore(rice, { reach: 3, impact: 4, confidence: 3, effort: 3 }, 'unranked');
    expect(result.score).toBeCloseTo((1000 * 2 * 0.8) / 3, 8);
  });

  it('a weighted model is the weighted mean of each value placed 0–1 in its direction, as 0–100', () => {
    const result = computeScore(
      strategicFit,
      { 'customer-value': 4, 'theme-growth': 3, 'theme-efficiency': 0, 'delivery-risk': 2, cost: 5 },
      'unranked',
    );
    // (3 × 0.75 + 2 × 1 + 2 × 0 + 1 × 0.75 + 2 × 0) / 10
    expect(result.score).toBeCloseTo(50, 10);
    expect(result.parts.find((part) => part.criterionId === 'cost')).toMatchObject({
      normalised: 0,
      contribution: 0,
    });
    expect(result.parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(0.5, 10);
  });
});

describe('missing values', () => {
  const partial: CriterionValues = { 'business-value': 5, 'time-criticality': 5, 'job-size': 2 };

  it('unranked: the score is incomplete and left out', () => {
    const result = computeScore(wsjf, partial, 'unranked');
    expect(result).toMatchObject({ score: null, complete: false, missing: ['risk-reduction'] });
  });

  it('worst: a missing value counts as the worst level in its direction', () => {
    const result = computeScore(wsjf, partial, 'worst');
    expect(result.complete).toBe(false);
    expect(result.score).toBeCloseTo((8 + 8 + 1) / 2, 10);
    expect(result.parts.find((part) => part.criterionId === 'risk-reduction')).toMatchObject({
      assumedWorst: true,
      rating: 1,
    });
    const noSize = computeScore(
      wsjf,
      { 'business-value': 5, 'time-criticality': 5, 'risk-reduction': 5 },
      'worst',
    );
    expect(noSize.score).toBeCloseTo(24 / 8, 10);
  });

  it('skip: the score comes from the rated criteria alone', () => {
    expect(computeScore(wsjf, partial, 'skip').score).toBeCloseTo(16 / 2, 10);
  });

  it('a rating off the scale is not used', () => {
    expect(computeScore(wsjf, { ...partial, 'risk-reduction': 9 }, 'unranked').missing).toEqual([
      'risk-reduction',
    ]);
  });

  it('a ratio model without any rated divisor has no score even when skipping', () => {
    expect(computeScore(wsjf, { 'business-value': 5 }, 'skip').score).toBeNull();
  });
});

describe('model rules', () => {
  it('refuses weights that sum to 0', () => {
    const zero = { ...wsjf, criteria: wsjf.criteria.map((criterion) => ({ ...criterion, weight: 0 })) };
    const parsed = ScoringModelSchema.safeParse(zero);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/weights sum to 0/);
  });

  it('refuses a ratio model with nothing to divide by', () => {
    const noSize = { ...wsjf, criteria: wsjf.criteria.filter((criterion) => criterion.id !== 'job-size') };
    expect(ScoringModelSchema.safeParse(noSize).success).toBe(false);
  });

  it('refuses scale levels whose values do not rise', () => {
    const flat = {
      ...strategicFit,
      criteria: [
        {
          id: 'x',
          name: 'X',
          weight: 1,
          input: { kind: 'scale', levels: Array(5).fill({ label: 'same', value: 1 }) },
        },
      ],
    };
    expect(ScoringModelSchema.safeParse(flat).success).toBe(false);
  });

  it('settings from before scoring parse to scoring switched off', () => {
    expect(ScoringSettingsSchema.parse({})).toMatchObject({
      enabled: false,
      models: [],
      aggregation: { kind: 'average' },
      missingValues: 'unranked',
    });
  });

  it('the model version changes with a scale or a weight, not with a name', () => {
    const renamed = { ...wsjf, name: 'Our WSJF' };
    expect(modelVersion(renamed)).toBe(modelVersion(wsjf));
    const reweighted = {
      ...wsjf,
      criteria: wsjf.criteria.map((c, i) => (i === 0 ? { ...c, weight: 2 } : c)),
    };
    expect(modelVersion(reweighted)).not.toBe(modelVersion(wsjf));
  });
});

describe('several scorers', () => {
  const scorers: ScorerRatings[] = [
    { accountId: 'a', ratings: { 'business-value': 2, 'job-size': 3 } },
    { accountId: 'b', ratings: { 'business-value': 4 } },
  ];

  it('averages each criterion over the people who rated it', () => {
    expect(combineRatings(scorers, { kind: 'average' })).toEqual({ 'business-value': 3, 'job-size': 3 });
  });

  it('counts only the designated scorer when one is set', () => {
    expect(combineRatings(scorers, { kind: 'designated', accountId: 'b' })).toEqual({ 'business-value': 4 });
    expect(combineRatings(scorers, { kind: 'designated', accountId: 'nobody' })).toEqual({});
  });

  it('a mean between two levels lies between their values', () => {
    const result = computeScore(
      wsjf,
      { 'business-value': 3.5, 'time-criticality': 1, 'risk-reduction': 1, 'job-size': 1 },
      'unranked',
    );
    expect(result.score).toBeCloseTo(4 + 1 + 1, 10);
  });
});

describe('candidates', () => {
  const scope = { issueTypes: ['Proposal'], projectKeys: ['INTAKE'], jql: null };
  it('match on type and project, case-insensitively on the type', () => {
    expect(candidateByFields(scope, { issueType: 'proposal', projectKey: 'INTAKE' })).toBe('yes');
    expect(candidateByFields(scope, { issueType: 'Story', projectKey: 'INTAKE' })).toBe('no');
    expect(
      candidateByFields(
        { ...scope, jql: 'labels = intake' },
        { issueType: 'Proposal', projectKey: 'INTAKE' },
      ),
    ).toBe('askJira');
    expect(
      candidateByFields(
        { issueTypes: [], projectKeys: [], jql: null },
        { issueType: 'Proposal', projectKey: 'INTAKE' },
      ),
    ).toBe('no');
  });
});

// Properties over random models and ratings.

const scaleValues = fc
  .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 5, maxLength: 5 })
  .map((values) => [...values].sort((a, b) => a - b));

const criterionArb = (id: string): fc.Arbitrary<Criterion> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    description: fc.constant(''),
    weight: fc.integer({ min: 0, max: 20 }),
    direction: fc.constantFrom('higherIsBetter' as const, 'higherIsWorse' as const),
    input: fc.oneof(
      scaleValues.map((values) => ({
        kind: 'scale' as const,
        levels: values.map((value) => ({ label: `${value}`, value })),
      })),
      fc.constant({ kind: 'theme' as const }),
      fc.constant({
        kind: 'field' as const,
        field: { kind: 'field' as const, id: 'customfield_10100', name: 'Reach' },
        min: 0,
        max: 500,
      }),
    ),
  });

const modelArb: fc.Arbitrary<ScoringModel> = fc
  .record({
    formula: fc.constantFrom('weighted' as const, 'ratio' as const, 'product' as const),
    criteria: fc
      .integer({ min: 2, max: 6 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => criterionArb(`c${i}`)))),
  })
  .map(({ formula, criteria }) => ({ id: 'm', name: 'M', formula, criteria }))
  .filter((model) => ScoringModelSchema.safeParse(model).success);

function ratingArb(criterion: Criterion): fc.Arbitrary<number> {
  switch (criterion.input.kind) {
    case 'scale':
      return fc.integer({ min: 1, max: 5 });
    case 'theme':
      return fc.integer({ min: 0, max: 3 });
    case 'field':
      return fc.integer({ min: 1, max: 500 });
  }
}

const modelWithRatings = modelArb.chain((model) =>
  fc.record({
    model: fc.constant(model),
    ratings: fc.tuple(...model.criteria.map(ratingArb)),
    raised: fc.tuple(...model.criteria.map(ratingArb)),
    which: fc.nat({ max: model.criteria.length - 1 }),
    rule: fc.constantFrom('unranked' as const, 'worst' as const, 'skip' as const),
  }),
);

const toValues = (model: ScoringModel, ratings: number[]): CriterionValues =>
  Object.fromEntries(model.criteria.map((criterion, i) => [criterion.id, ratings[i] ?? 0]));

describe('properties', () => {
  it('the score moves with each criterion in its direction and never against it', () => {
    fc.assert(
      fc.property(modelWithRatings, ({ model, ratings, raised, which }) => {
        const criterion = model.criteria[which] as Criterion;
        const low = Math.min(ratings[which] ?? 0, raised[which] ?? 0);
        const high = Math.max(ratings[which] ?? 0, raised[which] ?? 0);
        const before = computeScore(
          model,
          { ...toValues(model, ratings), [criterion.id]: low },
          'unranked',
        ).score;
        const after = computeScore(
          model,
          { ...toValues(model, ratings), [criterion.id]: high },
          'unranked',
        ).score;
        if (before === null || after === null) return;
        const slack = 1e-9 * Math.max(1, Math.abs(before));
        if (criterion.direction === 'higherIsBetter') expect(after).toBeGreaterThanOrEqual(before - slack);
        else expect(after).toBeLessThanOrEqual(before + slack);
      }),
      { numRuns: 400 },
    );
  });

  it('multiplying every weight by the same number changes no score', () => {
    fc.assert(
      fc.property(
        modelWithRatings,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        ({ model, ratings, rule }, factor) => {
          const scaled = {
            ...model,
            criteria: model.criteria.map((criterion) => ({
              ...criterion,
              weight: criterion.weight * factor,
            })),
          };
          const values = toValues(model, ratings);
          const original = computeScore(model, values, rule).score;
          const rescaled = computeScore(scaled, values, rule).score;
          if (original === null) expect(rescaled).toBeNull();
          else
            expect(rescaled).toBeCloseTo(
              original,
              Math.max(0, 8 - Math.ceil(Math.log10(Math.abs(original) + 1))),
            );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('incomplete ratings are marked incomplete under every rule', () => {
    fc.assert(
      fc.property(modelWithRatings, ({ model, ratings, which, rule }) => {
        const criterion = model.criteria[which] as Criterion;
        const values = toValues(model, ratings);
        delete values[criterion.id];
        const result = computeScore(model, values, rule);
        expect(result.missing.includes(criterion.id)).toBe(criterion.weight > 0);
        if (criterion.weight > 0) expect(result.complete).toBe(false);
        if (rule === 'unranked' && criterion.weight > 0) expect(result.score).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
