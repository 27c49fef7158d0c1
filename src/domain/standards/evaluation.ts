import { z } from 'zod';
import type { FieldRole } from '../field-roles';
import { type IssueLink, NamedRefSchema, type StatusRef } from '../model';
import type { BlockingLinkMapping } from '../settings';
import type { Lifecycle } from './schema';

/** Who ticked (or unticked) a checklist item, and when (ISO timestamp). */
export const TickSchema = z.object({
  by: z.string().min(1),
  /** Display name at the time of the tick (account ids mean nothing to people). */
  byName: z.string().optional(),
  at: z.string(),
});

/** Ticked items of one issue: rule id -> item id -> tick. Unticked items are absent. */
export type Tick = z.infer<typeof TickSchema>;
export const TicksSchema = z.record(z.string(), z.record(z.string(), TickSchema));
export type Ticks = z.infer<typeof TicksSchema>;

/**
 * The tick of one item, if ticked. Rule and item ids are chosen by admins, so a plain `ticks[id]`
 * would find `Object.prototype` members for ids like `constructor`: only own entries count.
 */
export function tickOf(ticks: Ticks, ruleId: string, itemId: string): Tick | undefined {
  const ruleTicks = ownEntry(ticks, ruleId);
  return ruleTicks === undefined ? undefined : ownEntry(ruleTicks, itemId);
}

/** `record[key]` when `record` itself has `key`; never an inherited member. */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** What the standards engine knows about one issue. */
export interface IssueFacts {
  key: string;
  projectKey: string;
  projectCategoryId: string | null;
  issueType: string;
  status: StatusRef;
  /** Raw Jira field values by field id (`duedate`, `customfield_10016`, ...). */
  fields: Record<string, unknown>;
  links: IssueLink[];
  ticks: Ticks;
}

/** Site settings evaluation needs besides the standards themselves. */
export interface EvaluationContext {
  lifecycle: Lifecycle;
  /** Field ids by role, for rules that name a role (`storyPoints`). */
  fieldMapping: Partial<Record<FieldRole, string>>;
  blockingLinks: BlockingLinkMapping[];
  /** Display names of fields by id, when known (for messages about role-mapped fields). */
  fieldNames?: Record<string, string>;
}

export const ViolationSchema = z.object({
  standardId: z.string(),
  standardName: z.string(),
  /** `enforce` violations block a transition; `warn` ones are only shown. */
  mode: z.enum(['enforce', 'warn']),
  ruleId: z.string(),
  kind: z.enum(['requiredFields', 'fieldCondition', 'gateChecklist', 'noOpenBlockers', 'requiredLink']),
  /** Fields that are missing or fail a condition. */
  fields: z.array(NamedRefSchema),
  /** Mandatory checklist items not ticked. */
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Keys of unresolved issues that block this one. */
  blockers: z.array(z.string()),
  /** One sentence a team member can act on. */
  message: z.string(),
});
export type Violation = z.infer<typeof ViolationSchema>;

/** A standard that cannot be evaluated as written (unknown stage, unmapped role): shown, never thrown. */
export const ConfigProblemSchema = z.object({
  standardId: z.string(),
  ruleId: z.string().nullable(),
  message: z.string(),
});
export type ConfigProblem = z.infer<typeof ConfigProblemSchema>;

export const EvaluationSchema = z.object({
  /** Standards (not `off`) whose scope covers the issue. */
  applicable: z.array(z.object({ id: z.string(), name: z.string(), mode: z.enum(['enforce', 'warn']) })),
  violations: z.array(ViolationSchema),
  problems: z.array(ConfigProblemSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
