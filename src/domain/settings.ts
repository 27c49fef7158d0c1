import { z } from 'zod';

/**
 * Settings of the portfolio engine: which links mean "blocks", which issue types are RAID items, the
 * health thresholds, the risk matrix. Stored settings are parsed with {@link EngineSettingsSchema};
 * every field has a default, so `EngineSettingsSchema.parse({})` gives {@link defaultEngineSettings}.
 */

/**
 * Which issue link types mean "blocks", and in which direction.
 *
 * An {@link import('./model').IssueLink} records the link as seen from the issue that carries it:
 * `direction: 'outward'` means the Jira `issuelinks` entry on that issue has `outwardIssue` set, and Jira
 * labels it with the type's *outward* text: "<carrying issue> <outward text> <otherKey>";
 * `direction: 'inward'` means the entry has `inwardIssue` set, labelled "<carrying issue> <inward text>
 * <otherKey>".
 *
 * A mapping `{ type, blockerDirection }` says: when an issue carries a link of `type` whose direction is
 * `blockerDirection`, the carrying issue is the blocker of `otherKey`; in the opposite direction, `otherKey`
 * is the blocker of the carrying issue. The same Jira link appears on both issues (outward on one, inward
 * on the other), and both views give the same edge.
 *
 * - Jira's "Blocks" type: outward "blocks", inward "is blocked by". An issue with an outward Blocks link
 *   blocks the other, so `blockerDirection: 'outward'`.
 * - A "Dependency" type with inward text "depends on" (outward "is depended on by"): an issue carrying an
 *   *inward* Dependency link depends on, i.e. is blocked by, the other; it is the other issue, which carries
 *   the *outward* side, that blocks. So `blockerDirection: 'outward'` as well. A site whose link type says
 *   "depends on" on the outward side maps it with `blockerDirection: 'inward'`.
 */
export const BlockingLinkMappingSchema = z
  .object({
    type: z.string().min(1),
    blockerDirection: z.enum(['outward', 'inward']),
  })
  .strict();
export type BlockingLinkMapping = z.infer<typeof BlockingLinkMappingSchema>;

/** Issue type names (matched case-insensitively) that are RAID items. */
export const RaidTypesSchema = z
  .object({
    risk: z.array(z.string().min(1)).default(['Risk']),
    assumption: z.array(z.string().min(1)).default(['Assumption']),
    decision: z.array(z.string().min(1)).default(['Decision']),
    issue: z.array(z.string().min(1)).default(['Issue']),
  })
  .strict();
export type RaidTypes = z.infer<typeof RaidTypesSchema>;

/** A threshold on a count: zero or more. */
const CountBoundary = z.number().nonnegative({ error: 'must be 0 or more' });
/** A threshold on a percentage: the indicator itself runs from 0 to 100, so must its thresholds. */
const PercentBoundary = z
  .number()
  .min(0, { error: 'must be a percentage from 0 to 100 (it is below 0)' })
  .max(100, { error: 'must be a percentage from 0 to 100 (it is above 100)' });

/** Boundaries of an indicator where a higher value is worse: amber at `value >= amber`, red at `value >= red`. */
const higherIsWorse = (boundary: z.ZodNumber) =>
  z
    .object({ amber: boundary, red: boundary })
    .strict()
    .refine((t) => t.red >= t.amber, { message: 'red must be at or above amber' });
const HigherIsWorseCount = higherIsWorse(CountBoundary);
const HigherIsWorsePercent = higherIsWorse(PercentBoundary);
/** A threshold in days: zero to ten years. */
const HigherIsWorseDays = higherIsWorse(
  z.number().min(0, { error: 'must be 0 days or more' }).max(3650, { error: 'must be at most 3650 days' }),
);

/** Boundaries of an indicator where a lower value is worse: amber below `amber`, red below `red`. */
const LowerIsWorsePercent = z
  .object({ amber: PercentBoundary, red: PercentBoundary })
  .strict()
  .refine((t) => t.red <= t.amber, { message: 'red must be at or below amber' });

export const HealthThresholdsSchema = z.strictObject({
  /** Percent of open issues past their due date. */
  schedule: HigherIsWorsePercent.default({ amber: 10, red: 20 }),
  /** Percent of open issues blocked by an unresolved issue. */
  blocked: HigherIsWorsePercent.default({ amber: 10, red: 25 }),
  /** Number of open issues whose open blocker is due after them (date conflicts). */
  dateConflicts: HigherIsWorseCount.default({ amber: 1, red: 3 }),
  /** Percent of in-progress issues not updated for `staleDays`. */
  staleness: HigherIsWorsePercent.default({ amber: 10, red: 25 }),
  /** Percent of evaluated issues that meet the active standards (lower is worse). */
  compliance: LowerIsWorsePercent.default({ amber: 90, red: 75 }),
  /**
   * Schedule variance in days: how much later the forecast finish is than the newest baseline's.
   * A week of slip (5 days) is worth a conversation; three weeks (15) means the plan no longer holds.
   */
  variance: HigherIsWorseDays.default({ amber: 5, red: 15 }),
  /**
   * Scope change since the newest baseline, in percent either way (work added or removed): 10% is
   * the usual change-control trigger, a quarter of the scope is a different project.
   */
  scope: HigherIsWorsePercent.default({ amber: 10, red: 25 }),
  // The risk indicator has no thresholds of its own: it is red for a high, amber for a medium and green
  // for a low highest open unmitigated risk, as the risk matrix classifies it.
});
export type Thresholds = { amber: number; red: number };

/** Risk score P x I (1..25) at or above `high` is high, at or above `medium` is medium, else low. */
export const RiskMatrixSchema = z
  .object({ high: z.number().int().min(1).max(25), medium: z.number().int().min(1).max(25) })
  .strict()
  .refine((m) => m.high >= m.medium, { message: 'high must be at or above medium' });
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

/**
 * How the PMO standards count toward a project's health. Which standards the compliance indicator
 * counts: `enforced` (only standards in enforce mode: warn-mode ones inform on the compliance page) or
 * `all`. How much it weighs: `decides` (its RAG counts like any indicator's), `capAmber` (it can make a
 * project amber at most: process lapses call for attention, late or blocked delivery for red) or
 * `informs` (its value and reason are shown, it never changes the project's RAG).
 */
export const ComplianceHealthSchema = z.strictObject({
  counts: z.enum(['enforced', 'all']).default('enforced'),
  weight: z.enum(['decides', 'capAmber', 'informs']).default('capAmber'),
});
export type ComplianceHealth = z.infer<typeof ComplianceHealthSchema>;
export type ComplianceCounts = ComplianceHealth['counts'];
export type ComplianceWeight = ComplianceHealth['weight'];

export const EngineSettingsSchema = z.strictObject({
  blockingLinks: z.array(BlockingLinkMappingSchema).default([
    { type: 'Blocks', blockerDirection: 'outward' },
    { type: 'Dependency', blockerDirection: 'outward' },
  ]),
  raidTypes: RaidTypesSchema.default({
    risk: ['Risk'],
    assumption: ['Assumption'],
    decision: ['Decision'],
    issue: ['Issue'],
  }),
  health: HealthThresholdsSchema.default({
    schedule: { amber: 10, red: 20 },
    blocked: { amber: 10, red: 25 },
    dateConflicts: { amber: 1, red: 3 },
    staleness: { amber: 10, red: 25 },
    compliance: { amber: 90, red: 75 },
    variance: { amber: 5, red: 15 },
    scope: { amber: 10, red: 25 },
  }),
  /**
   * Share of the site's remaining hourly Jira points quota a refresh run may spend; the rest is left
   * to the site's people and other apps (a run that reaches it waits for the next hour).
   */
  refreshQuotaShare: z.number().min(0.05).max(1).default(0.5),
  /** An in-progress issue not updated for this many days is stale. */
  staleDays: z.number().int().min(1).max(365).default(14),
  riskMatrix: RiskMatrixSchema.default({ high: 15, medium: 8 }),
  /**
   * Used when a risk has no probability or impact: the risk is scored as if the missing value were this,
   * and flagged `assumed: true` in the register so the PMO can chase the owner for a real estimate.
   */
  riskFallback: z
    .object({ probability: z.number().int().min(1).max(5), impact: z.number().int().min(1).max(5) })
    .strict()
    .default({ probability: 3, impact: 3 }),
  /** Field id (e.g. "customfield_10050") holding a risk's ROAM status; null when the site has none. */
  riskRoamFieldId: z.string().min(1).nullable().default(null),
  /** Field id of a "Risk owner" user field; when null or empty, the assignee owns the risk. */
  riskOwnerFieldId: z.string().min(1).nullable().default(null),
  /** Caps that keep reports small: example keys per indicator, blocked chains and conflicts listed. */
  limits: z
    .object({
      exampleKeys: z.number().int().min(0).max(50).default(5),
      blockedChains: z.number().int().min(0).max(1000).default(50),
      conflicts: z.number().int().min(0).max(5000).default(500),
    })
    .strict()
    .default({ exampleKeys: 5, blockedChains: 50, conflicts: 500 }),
  /** Which standards the compliance indicator counts and how much it weighs in the project's RAG. */
  complianceHealth: ComplianceHealthSchema.default({ counts: 'enforced', weight: 'capAmber' }),
});
export type EngineSettings = z.infer<typeof EngineSettingsSchema>;
/** What callers may store or send: any field may be left out and takes its default. */

export const defaultEngineSettings: EngineSettings = EngineSettingsSchema.parse({});

/** Custom field ids by role, as far as the risk fields go (`FieldRole` names). */
export type RiskFieldMapping = { roam?: string | undefined; riskOwner?: string | undefined };

/**
 * The engine settings with the ROAM and risk owner fields the field mapping resolves to. A role the
 * admin mapped, or left on "find by name" and found by name, wins over the engine's stored field id,
 * which applies only when the mapping gives none (an imported configuration naming the id alone).
 * Without this, the first saved version froze whatever the engine held (null by default) and the
 * risk fields stopped being read.
 */
export function withMappedRiskFields(engine: EngineSettings, mapping: RiskFieldMapping): EngineSettings {
  return {
    ...engine,
    riskRoamFieldId: mapping.roam ?? engine.riskRoamFieldId,
    riskOwnerFieldId: mapping.riskOwner ?? engine.riskOwnerFieldId,
  };
}
