import { z } from 'zod';
import { ProjectKey } from '../model';
import { FieldRefSchema, reportDuplicateIds, Slug, TickAudienceSchema } from '../standards/schema';

/**
 * Scoring models as data: the PMO's criteria, how they combine, which issues are candidates and who
 * may rate them. Stored settings and imported JSON are parsed with these schemas.
 */

export const SCALE_LEVELS = 5;
export const THEME_ALIGNMENT_MAX = 3;

/** One level of a 1–5 scale: what people see, and the number the formula uses. */
export const ScaleLevelSchema = z
  .object({
    label: z.string().trim().min(1).max(80),
    value: z.number().finite(),
  })
  .strict();

/** How a criterion gets its value: rated on a labelled 1–5 scale, read from a numeric Jira field, or a theme's alignment 0–3. */
export const CriterionInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('scale'),
      /** Levels 1 to 5 in order; their values must rise so a higher level always means more. */
      levels: z
        .array(ScaleLevelSchema)
        .length(SCALE_LEVELS)
        .refine(
          (levels) => levels.every((level, i) => i === 0 || level.value > (levels[i - 1]?.value ?? 0)),
          {
            message: 'the values of levels 1 to 5 must rise',
          },
        ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('field'),
      field: FieldRefSchema,
      /** The range a weighted model maps to 0–100 % (values outside are clamped). */
      min: z.number().finite().default(0),
      max: z.number().finite().default(100),
    })
    .strict()
    .refine((input) => input.max > input.min, { message: 'max must be above min', path: ['max'] }),
  /** Alignment with a strategic theme: 0 none, 1 weak, 2 good, 3 strong. */
  z.object({ kind: z.literal('theme') }).strict(),
]);
export type CriterionInput = z.infer<typeof CriterionInputSchema>;

export const CriterionDirection = z.enum(['higherIsBetter', 'higherIsWorse']);
export type CriterionDirection = z.infer<typeof CriterionDirection>;

export const CriterionSchema = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(120),
    description: z.string().max(500).default(''),
    weight: z.number().finite().min(0).max(1000),
    direction: CriterionDirection.default('higherIsBetter'),
    input: CriterionInputSchema,
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

/**
 * How criteria combine.
 * - `weighted`: each value mapped to 0–1 in its direction, the weighted mean as 0–100.
 * - `ratio` (WSJF): weighted sum of the higher-is-better criteria over the weighted sum of the
 *   higher-is-worse ones (cost of delay / job size).
 * - `product` (RICE): product of the higher-is-better values over the product of the higher-is-worse
 *   ones, each raised to its weight relative to the mean weight (equal weights: the textbook formula).
 */
export const ScoringFormula = z.enum(['weighted', 'ratio', 'product']);
export type ScoringFormula = z.infer<typeof ScoringFormula>;

export const ScoringModelSchema = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(120),
    formula: ScoringFormula,
    criteria: z.array(CriterionSchema).min(1).max(30),
  })
  .strict()
  .superRefine((model, ctx) => {
    reportDuplicateIds(model.criteria, ['criteria'], 'criterion', ctx);
    if (model.criteria.reduce((sum, criterion) => sum + criterion.weight, 0) <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'the weights sum to 0: give at least one criterion a weight',
      });
    }
    if (model.formula !== 'weighted') {
      const hasBetter = model.criteria.some((c) => c.direction === 'higherIsBetter' && c.weight > 0);
      const hasWorse = model.criteria.some((c) => c.direction === 'higherIsWorse' && c.weight > 0);
      if (!hasBetter || !hasWorse) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria'],
          message:
            'a ratio or product model needs a weighted higher-is-better criterion (value) and a higher-is-worse one (size or effort)',
        });
      }
    }
  });
export type ScoringModel = z.infer<typeof ScoringModelSchema>;
export type ScoringModelInput = z.input<typeof ScoringModelSchema>;

/**
 * What a score with missing criterion values counts as: `unranked` (shown as incomplete, left out
 * of the ranking), `worst` (each missing value counts as the worst level in its direction), `skip`
 * (computed from the rated criteria alone).
 */
export const MissingValueRule = z.enum(['unranked', 'worst', 'skip']);
export type MissingValueRule = z.infer<typeof MissingValueRule>;

/** Several scorers: the mean of each criterion over everyone who rated it, or only one designated person's. */
export const ScorerAggregationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('average') }).strict(),
  z.object({ kind: z.literal('designated'), accountId: z.string().trim().min(1).max(128) }).strict(),
]);

/** Which issues are candidates: every present condition must match; none at all means no candidates. */
export const CandidateScopeSchema = z
  .object({
    /** Issue type names, case-insensitive (a "Proposal" type, or Epic). */
    issueTypes: z.array(z.string().trim().min(1).max(255)).max(50).default([]),
    projectKeys: z.array(ProjectKey).max(500).default([]),
    /** Validated with /rest/api/3/jql/parse before it is saved. */
    jql: z.string().trim().min(1).max(4000).nullable().default(null),
  })
  .strict();
export type CandidateScope = z.infer<typeof CandidateScopeSchema>;

export const ScoringSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    models: z.array(ScoringModelSchema).max(10).default([]),
    /** The model candidates are scored and ranked with. */
    activeModelId: Slug.nullable().default(null),
    candidates: CandidateScopeSchema.prefault({}),
    /** Who may rate: a group, a project role or the PMO; absent: anyone who can edit the issue. */
    scorers: TickAudienceSchema.optional(),
    aggregation: ScorerAggregationSchema.default({ kind: 'average' }),
    missingValues: MissingValueRule.default('unranked'),
    /** Who may approve, defer or reject a candidate at the Inception gate; absent: the PMO. */
    authorisers: TickAudienceSchema.optional(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const ids = reportDuplicateIds(settings.models, ['models'], 'model', ctx);
    if (settings.activeModelId !== null && !ids.has(settings.activeModelId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeModelId'],
        message: `no model has the id ${settings.activeModelId}`,
      });
    }
    if (settings.enabled && settings.activeModelId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeModelId'],
        message: 'choose the model candidates are scored with',
      });
    }
  });
export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

/** A criterion's value from one scorer: the scale level (1–5), the theme alignment (0–3) or a field's number. */
export const CriterionValuesSchema = z.record(Slug, z.number().finite());
export type CriterionValues = z.infer<typeof CriterionValuesSchema>;
