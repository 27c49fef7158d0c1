import { type ScoringModel, type ScoringModelInput, ScoringModelSchema } from './schema';

const oneToFive = (labels: [string, string, string, string, string], values = [1, 2, 3, 4, 5]) =>
  labels.map((label, index) => ({ label, value: values[index] ?? index + 1 }));

/** SAFe's Weighted Shortest Job First: (business value + time criticality + risk reduction) / job size, on a Fibonacci-like 1–5 scale. */
const wsjf: ScoringModelInput = {
  id: 'wsjf',
  name: 'WSJF',
  formula: 'ratio',
  criteria: [
    {
      id: 'business-value',
      name: 'Business value',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(['Marginal', 'Some', 'Clear', 'High', 'Critical'], [1, 2, 3, 5, 8]),
      },
    },
    {
      id: 'time-criticality',
      name: 'Time criticality',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(['Any time', 'This year', 'Next half', 'Next quarter', 'Now'], [1, 2, 3, 5, 8]),
      },
    },
    {
      id: 'risk-reduction',
      name: 'Risk reduction / opportunity',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(['None', 'Some', 'Clear', 'High', 'Critical'], [1, 2, 3, 5, 8]),
      },
    },
    {
      id: 'job-size',
      name: 'Job size',
      weight: 1,
      direction: 'higherIsWorse',
      input: { kind: 'scale', levels: oneToFive(['XS', 'S', 'M', 'L', 'XL'], [1, 2, 3, 5, 8]) },
    },
  ],
};

/** Intercom's RICE: reach × impact × confidence / effort. */
const rice: ScoringModelInput = {
  id: 'rice',
  name: 'RICE',
  formula: 'product',
  criteria: [
    {
      id: 'reach',
      name: 'Reach (people per quarter)',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(
          ['Under 100', 'Hundreds', 'About 1,000', 'Thousands', 'Over 10,000'],
          [50, 300, 1000, 5000, 20000],
        ),
      },
    },
    {
      id: 'impact',
      name: 'Impact',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(['Minimal', 'Low', 'Medium', 'High', 'Massive'], [0.25, 0.5, 1, 2, 3]),
      },
    },
    {
      id: 'confidence',
      name: 'Confidence',
      weight: 1,
      input: {
        kind: 'scale',
        levels: oneToFive(
          ['Moonshot (20 %)', 'Low (50 %)', 'Medium (80 %)', 'High (90 %)', 'Certain (100 %)'],
          [0.2, 0.5, 0.8, 0.9, 1],
        ),
      },
    },
    {
      id: 'effort',
      name: 'Effort (person-months)',
      weight: 1,
      direction: 'higherIsWorse',
      input: {
        kind: 'scale',
        levels: oneToFive(
          ['Half a month', 'One month', 'A quarter', 'Half a year', 'A year'],
          [0.5, 1, 3, 6, 12],
        ),
      },
    },
  ],
};

/** A weighted model with strategic themes: the PMO renames the themes to its own. */
const strategicFit: ScoringModelInput = {
  id: 'strategic-fit',
  name: 'Strategic fit',
  formula: 'weighted',
  criteria: [
    {
      id: 'customer-value',
      name: 'Customer value',
      weight: 3,
      input: { kind: 'scale', levels: oneToFive(['None', 'Low', 'Medium', 'High', 'Very high']) },
    },
    { id: 'theme-growth', name: 'Theme: growth', weight: 2, input: { kind: 'theme' } },
    { id: 'theme-efficiency', name: 'Theme: efficiency', weight: 2, input: { kind: 'theme' } },
    {
      id: 'delivery-risk',
      name: 'Delivery risk',
      weight: 1,
      direction: 'higherIsWorse',
      input: { kind: 'scale', levels: oneToFive(['Very low', 'Low', 'Medium', 'High', 'Very high']) },
    },
    {
      id: 'cost',
      name: 'Cost',
      weight: 2,
      direction: 'higherIsWorse',
      input: { kind: 'scale', levels: oneToFive(['Under 50k', '50–200k', '200–500k', '0.5–1M', 'Over 1M']) },
    },
  ],
};

/** The presets an admin starts a model from. */
export const scoringPresets: Record<'wsjf' | 'rice' | 'strategicFit', ScoringModel> = {
  wsjf: ScoringModelSchema.parse(wsjf),
  rice: ScoringModelSchema.parse(rice),
  strategicFit: ScoringModelSchema.parse(strategicFit),
};
