import { z } from 'zod';
import { IssueKey, NamedRefSchema, StatusRefSchema } from '../domain/model';
import { ConfigProblemSchema, ViolationSchema } from '../domain/standards/evaluation';

/** Resolver keys of the standards feature (issue panel): merged into `resolverContract` in contract.ts. */

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a rule or item id');

const PersonRef = z.object({ accountId: z.string(), displayName: z.string() });

export const ChecklistItemStateSchema = z.object({
  id: z.string(),
  text: z.string(),
  mandatory: z.boolean(),
  /** Who ticked it and when; null when not ticked. */
  tick: z.object({ by: PersonRef, at: z.string() }).nullable(),
  /** Who may tick it, e.g. `members of the Jira group "qa-leads"`. */
  tickableBy: z.string(),
  /** The item names who may tick it (otherwise: anyone who can edit the issue). */
  namesWhoMayTick: z.boolean(),
  /** The viewer may tick (and untick) it. */
  tickable: z.boolean(),
  /** Why the viewer may not; null when they may. */
  notTickableReason: z.string().nullable(),
});

export const GateStateSchema = z.object({
  ruleId: z.string(),
  standardId: z.string(),
  standardName: z.string(),
  mode: z.enum(['enforce', 'warn']),
  stage: NamedRefSchema,
  items: z.array(ChecklistItemStateSchema),
  /** Every mandatory item is ticked. */
  complete: z.boolean(),
  /** The gate into the issue's next lifecycle stage. */
  isNext: z.boolean(),
  /** The issue is already at or past this stage. */
  passed: z.boolean(),
});
export type GateState = z.infer<typeof GateStateSchema>;

export const DependencyWarningSchema = z.object({
  /** The unresolved issue that blocks this one. */
  key: z.string(),
  projectKey: z.string(),
  /** Null when Jira did not return it to this user. */
  summary: z.string().nullable(),
  status: StatusRefSchema.nullable(),
  dueDate: z.string().nullable(),
  /** The blocker is due after this issue (or is overdue while this one waits). */
  late: z.boolean(),
  /**
   * Jira could not be read for the blocker's due date and summary: `late` is then unknown (false),
   * never a confirmed "on time".
   */
  detailsUnavailable: z.boolean(),
  otherProject: z.boolean(),
  message: z.string(),
});
export type DependencyWarning = z.infer<typeof DependencyWarningSchema>;

export const IssueStandardsSchema = z.object({
  issue: z.object({
    id: z.string(),
    key: z.string(),
    summary: z.string(),
    issueType: z.string(),
    projectKey: z.string(),
    status: StatusRefSchema,
    dueDate: z.string().nullable(),
  }),
  /** The configuration version the evaluation used (0: built-in defaults). */
  configVersion: z.number().int().nonnegative(),
  /** `blocking`: an enforced standard is broken; `warnings`: only warn-mode ones; `not-covered`: no standard applies. */
  badge: z.enum(['compliant', 'warnings', 'blocking', 'not-covered']),
  applicable: z.array(z.object({ id: z.string(), name: z.string(), mode: z.enum(['enforce', 'warn']) })),
  /** What the issue breaks at its current status. */
  violations: z.array(ViolationSchema),
  stage: z.object({
    current: NamedRefSchema.nullable(),
    next: z.object({ id: z.string(), name: z.string(), status: z.string() }).nullable(),
  }),
  /** What moving into the next stage would additionally need (fields, gate items, links). */
  nextStageViolations: z.array(ViolationSchema),
  gates: z.array(GateStateSchema),
  dependencies: z.array(DependencyWarningSchema),
  history: z.array(
    z.object({
      ruleId: z.string(),
      itemId: z.string(),
      itemText: z.string(),
      ticked: z.boolean(),
      by: PersonRef,
      at: z.string(),
    }),
  ),
  /** The viewer may edit the issue (Jira's Edit issues permission): ticks items that name no one else. */
  canTick: z.boolean(),
  problems: z.array(ConfigProblemSchema),
});
export type IssueStandards = z.infer<typeof IssueStandardsSchema>;

export const standardsContract = {
  getIssueStandards: { input: z.object({ issueKey: IssueKey }).strict(), output: IssueStandardsSchema },
  setChecklistItem: {
    input: z.object({ issueKey: IssueKey, ruleId: Slug, itemId: Slug, ticked: z.boolean() }).strict(),
    output: IssueStandardsSchema,
  },
} as const;
