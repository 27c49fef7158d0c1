import { z } from 'zod';
import { IssueKey, StatusRefSchema } from '../domain/model';
import { CapacityPlanSchema, RankOverrideSchema } from '../domain/scoring/ranking';
import {
  CriterionDirection,
  CriterionValuesSchema,
  MissingValueRule,
  ScaleLevelSchema,
  ScoringFormula,
  ScoringModelSchema,
} from '../domain/scoring/schema';

/** Resolver keys of scoring and prioritisation: merged into `resolverContract`. */

export const CriterionPartSchema = z.object({
  criterionId: z.string(),
  name: z.string(),
  rating: z.number().nullable(),
  value: z.number().nullable(),
  normalised: z.number().nullable(),
  weightShare: z.number(),
  contribution: z.number(),
  assumedWorst: z.boolean(),
});

export const ScoreResultSchema = z.object({
  score: z.number().nullable(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  parts: z.array(CriterionPartSchema),
});
export type ScoreResultView = z.infer<typeof ScoreResultSchema>;

/** A criterion as scorers see it. */
export const CriterionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  weight: z.number(),
  direction: CriterionDirection,
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('scale'), levels: z.array(ScaleLevelSchema) }),
    z.object({ kind: z.literal('theme') }),
    /** Read from the issue, not rated: `value` is what Jira holds now (null: empty). */
    z.object({ kind: z.literal('field'), fieldName: z.string(), value: z.number().nullable() }),
  ]),
});
export type CriterionView = z.infer<typeof CriterionViewSchema>;

export const ScoringModelViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  formula: ScoringFormula,
  /** The model's version now; a scorer's rating made under another version is marked. */
  version: z.string(),
  criteria: z.array(CriterionViewSchema),
});

export const ScorerViewSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  at: z.string(),
  ratings: CriterionValuesSchema,
  modelVersion: z.string(),
  /** Rated under the model as it is now (false: weights or scales changed since). */
  currentVersion: z.boolean(),
  /** Counted in the score (false: another person is the designated scorer). */
  counts: z.boolean(),
});

export const IssueScoringSchema = z.discriminatedUnion('status', [
  /** Scoring is switched off in the settings, or no model is chosen. */
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('notCandidate') }),
  z.object({
    status: z.literal('candidate'),
    issue: z.object({ key: z.string(), summary: z.string() }),
    model: ScoringModelViewSchema,
    aggregation: z.object({ kind: z.enum(['average', 'designated']), designatedName: z.string().nullable() }),
    missingValues: MissingValueRule,
    result: ScoreResultSchema,
    scorers: z.array(ScorerViewSchema),
    /** The viewer's own ratings (null: they have not scored). */
    mine: CriterionValuesSchema.nullable(),
    canScore: z.boolean(),
    /** Why the viewer may not score; null when they may. */
    notScorableReason: z.string().nullable(),
    /** Who may score, said to people. */
    scorersAudience: z.string(),
  }),
]);
export type IssueScoring = z.infer<typeof IssueScoringSchema>;

export const PrioritisedCandidateSchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  summary: z.string(),
  projectKey: z.string(),
  issueType: z.string(),
  status: StatusRefSchema,
  stage: z.string().nullable(),
  estimate: z.number().nullable(),
  result: ScoreResultSchema,
  scorerCount: z.number().int().nonnegative(),
  /** Some counted ratings were made under an earlier version of the model. */
  earlierModelVersion: z.boolean(),
  /** The ratings that count (scorers combined) and the field values: what-if recomputes from them. */
  values: CriterionValuesSchema,
  override: RankOverrideSchema.extend({ byName: z.string(), at: z.string() }).nullable(),
  /** Where status, stage and estimate come from: the portfolio snapshot, or (missing from it) the last scorer's save. */
  source: z.enum(['snapshot', 'scorer']),
  /** Still a proposal competing for a rank, or past Inception / done (shown apart, not ranked). */
  phase: z.enum(['proposal', 'authorised']),
});
export type PrioritisedCandidate = z.infer<typeof PrioritisedCandidateSchema>;

export const PrioritisationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('off') }),
  z.object({
    status: z.literal('ready'),
    model: ScoringModelSchema,
    modelVersion: z.string(),
    missingValues: MissingValueRule,
    candidates: z.array(PrioritisedCandidateSchema),
    plan: CapacityPlanSchema,
    /** When the portfolio snapshot that status, stage and estimate come from was read; null: none yet. */
    snapshotAsOf: z.string().nullable(),
    /** The viewer may override ranks and set capacity (the PMO: Jira admins and the PMO group). */
    canEdit: z.boolean(),
  }),
]);
export type Prioritisation = z.infer<typeof PrioritisationSchema>;

export const scoringContract = {
  getIssueScoring: { input: z.object({ issueKey: IssueKey }).strict(), output: IssueScoringSchema },
  saveIssueScore: {
    input: z
      .object({
        issueKey: IssueKey,
        ratings: CriterionValuesSchema.refine((ratings) => Object.keys(ratings).length <= 30, {
          message: 'a model has at most 30 criteria',
        }),
      })
      .strict(),
    output: IssueScoringSchema,
  },
  getPrioritisation: { input: z.object({}).strict(), output: PrioritisationSchema },
  setRankOverride: {
    input: z.object({ issueKey: IssueKey, override: RankOverrideSchema.nullable() }).strict(),
    output: PrioritisationSchema,
  },
  saveCapacityPlan: { input: z.object({ plan: CapacityPlanSchema }).strict(), output: PrioritisationSchema },
} as const;
