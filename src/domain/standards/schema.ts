import { z } from 'zod';
import { FieldRoleSchema } from '../field-roles';
import { ProjectKey, StatusCategoryKey } from '../model';
import { patternProblem } from './pattern';

/**
 * The PMO's standards as data: what an issue must carry, when, and how strictly. Stored settings and
 * imported JSON are parsed with these schemas; the types come from them.
 */

/** Short stable ids for standards, rules, stages and checklist items (they key stored ticks). */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a short id of lowercase letters, digits and dashes');

/**
 * Reports each entry whose id an earlier entry of `entries` already has, at `[...path, index, "id"]`
 * ("duplicate <noun> id <id>"); returns the ids seen.
 */
export function reportDuplicateIds(
  entries: readonly { id: string }[],
  path: readonly (string | number)[],
  noun: string,
  ctx: z.RefinementCtx,
): Set<string> {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'id'],
        message: `duplicate ${noun} id ${entry.id}`,
      });
    }
    seen.add(entry.id);
  });
  return seen;
}

/**
 * A field a rule names: a Jira field id (system like `duedate` or custom like `customfield_10016`),
 * or a role (`storyPoints`) that the site's field mapping turns into an id. Roles let the default
 * standards be written once for every site.
 */
export const FieldRefSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('field'),
      id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,80}$/, 'expected a Jira field id like duedate'),
      /** The name shown to people; captured when the admin picks the field. */
      name: z.string().min(1).max(200),
    })
    .strict(),
  z.object({ kind: z.literal('role'), role: FieldRoleSchema }).strict(),
]);
export type FieldRef = z.infer<typeof FieldRefSchema>;

const StatusName = z.string().trim().min(1).max(255);

/** A stage of the PMO lifecycle and the Jira statuses (by name, case-insensitive) that belong to it. */
export const LifecycleStageSchema = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(100),
    statuses: z.array(StatusName).max(100),
  })
  .strict();

/** Stages in order, from inception to benefits realisation. A status belongs to at most one stage. */
export const LifecycleSchema = z
  .object({ stages: z.array(LifecycleStageSchema).max(20) })
  .strict()
  .superRefine((lifecycle, ctx) => {
    const ids = new Set<string>();
    const owner = new Map<string, string>();
    lifecycle.stages.forEach((stage, index) => {
      if (ids.has(stage.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `duplicate stage id ${stage.id}`,
        });
      }
      ids.add(stage.id);
      for (const status of stage.statuses) {
        const key = status.toLowerCase();
        const other = owner.get(key);
        if (other !== undefined && other !== stage.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', index, 'statuses'],
            message: `status "${status}" is already mapped to stage ${other}`,
          });
        }
        owner.set(key, stage.id);
      }
    });
  });
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/**
 * When a rule applies, by the status the issue is in (or is moving into). Every listed condition
 * that is present must match (statuses, categories and stages are each an "any of"); an empty
 * object means always.
 */
export const WhenSchema = z
  .object({
    /** The issue is in (or entering) one of these statuses. */
    statuses: z.array(StatusName).min(1).max(100).optional(),
    /** The issue's status is in one of these categories. */
    statusCategories: z.array(StatusCategoryKey).min(1).max(3).optional(),
    /** The issue is in this lifecycle stage or a later one. */
    fromStage: Slug.optional(),
  })
  .strict();
export type When = z.infer<typeof WhenSchema>;

export const FieldConditionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('notEmpty') }).strict(),
  z.object({ op: z.literal('oneOf'), values: z.array(z.string().min(1).max(255)).min(1).max(100) }).strict(),
  z
    .object({
      op: z.literal('range'),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .strict()
    .refine((range) => range.min !== undefined || range.max !== undefined, {
      message: 'a range needs a min, a max or both',
    })
    .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
      message: 'min must not exceed max',
    }),
  z
    .object({
      op: z.literal('pattern'),
      pattern: z
        .string()
        .min(1)
        .max(200)
        .superRefine((pattern, ctx) => {
          const problem = patternProblem(pattern);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
        }),
      /** Said to people instead of the pattern, e.g. "a ticket reference like CHG-123". */
      description: z.string().min(1).max(200).optional(),
    })
    .strict(),
]);
export type FieldCondition = z.infer<typeof FieldConditionSchema>;

/**
 * Who may tick a checklist item: members of a Jira group, people in a project role of the issue's
 * project (as users or through a group), or the PMO (Jira admins and the settings' PMO group).
 * An item that names none may be ticked by anyone who can edit the issue.
 */
export const TickAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), group: z.string().trim().min(1).max(255) }).strict(),
  z.object({ kind: z.literal('projectRole'), role: z.string().trim().min(1).max(255) }).strict(),
  z.object({ kind: z.literal('pmo') }).strict(),
]);
export type TickAudience = z.infer<typeof TickAudienceSchema>;

export const ChecklistItemSchema = z
  .object({
    id: Slug,
    text: z.string().trim().min(1).max(500),
    mandatory: z.boolean().default(true),
    tickableBy: TickAudienceSchema.optional(),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

const RuleBase = { id: Slug };

export const RequiredFieldsRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('requiredFields'),
    fields: z.array(FieldRefSchema).min(1).max(50),
    when: WhenSchema.default({}),
  })
  .strict();

export const FieldConditionRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('fieldCondition'),
    field: FieldRefSchema,
    condition: FieldConditionSchema,
    /** When false, an empty field passes (only filled values are checked). */
    required: z.boolean().default(false),
    when: WhenSchema.default({}),
  })
  .strict();

/** Items to tick before the issue may enter `stage` (and that stay expected in later stages). */
export const GateChecklistRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('gateChecklist'),
    stage: Slug,
    items: z.array(ChecklistItemSchema).min(1).max(50),
  })
  .strict()
  .superRefine((rule, ctx) => {
    reportDuplicateIds(rule.items, ['items'], 'item', ctx);
  });

/** The issue may not be in (or enter) the `when` statuses while an unresolved issue blocks it. */
export const NoOpenBlockersRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('noOpenBlockers'),
    when: WhenSchema.default({ statusCategories: ['done'] }),
  })
  .strict();

/** The issue must carry a link of one of `linkTypes` (e.g. a Risk linked to its mitigation). */
export const RequiredLinkRuleSchema = z
  .object({
    ...RuleBase,
    kind: z.literal('requiredLink'),
    linkTypes: z.array(z.string().trim().min(1).max(255)).min(1).max(20),
    /** Said to people: "a mitigation issue". */
    description: z.string().trim().min(1).max(200),
    when: WhenSchema.default({}),
  })
  .strict();

export const RuleSchema = z.discriminatedUnion('kind', [
  RequiredFieldsRuleSchema,
  FieldConditionRuleSchema,
  GateChecklistRuleSchema,
  NoOpenBlockersRuleSchema,
  RequiredLinkRuleSchema,
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];

/** `enforce`: the workflow validator blocks; `warn`: panel and reports only; `off`: not evaluated. */
export const StandardMode = z.enum(['enforce', 'warn', 'off']);
export type StandardMode = z.infer<typeof StandardMode>;

/** Which issues a standard covers; every present list must match (an empty scope covers all). */
export const StandardScopeSchema = z
  .object({
    projectKeys: z.array(ProjectKey).max(500).optional(),
    categoryIds: z
      .array(z.string().regex(/^\d{1,18}$/, 'expected a project category id'))
      .max(100)
      .optional(),
    /** Issue type names, case-insensitive. */
    issueTypes: z.array(z.string().trim().min(1).max(255)).max(100).optional(),
  })
  .strict();

export const StandardSchema = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    mode: StandardMode,
    scope: StandardScopeSchema.default({}),
    rules: z.array(RuleSchema).min(1).max(50),
    /**
     * What the validator does when it cannot read Jira or storage for this standard: `open` lets the
     * transition through (and logs it for the compliance report), `closed` blocks it.
     */
    onError: z.enum(['open', 'closed']).default('open'),
  })
  .strict()
  .superRefine((standard, ctx) => {
    reportDuplicateIds(standard.rules, ['rules'], 'rule', ctx);
  });
export type Standard = z.infer<typeof StandardSchema>;
export type StandardInput = z.input<typeof StandardSchema>;

export const StandardsSchema = z
  .array(StandardSchema)
  .max(100)
  .superRefine((standards, ctx) => {
    reportDuplicateIds(standards, [], 'standard', ctx);
  });
