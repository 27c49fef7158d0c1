import { z } from 'zod';
import { type CapacityPlan, CapacityPlanSchema, RankOverrideSchema } from '../../domain/scoring/ranking';
import { queryAll, readParsed, type Store } from '../../storage/store';

/**
 * The PMO's prioritisation decisions in app storage: a manual rank per candidate
 * (`prioritise:override:<issueId>`), the capacity plan (`prioritise:capacity`), and an audit entry
 * per change (`prioritise:audit:<at>:<accountId>`, create-only, never rewritten).
 */

const OVERRIDE_PREFIX = 'prioritise:override:';
const CAPACITY_KEY = 'prioritise:capacity';
const AUDIT_PREFIX = 'prioritise:audit:';

export const StoredOverrideSchema = RankOverrideSchema.extend({
  by: z.string(),
  at: z.string(),
  issueKey: z.string(),
});
export type StoredOverride = z.infer<typeof StoredOverrideSchema>;

const StoredPlanSchema = z.object({ plan: CapacityPlanSchema, by: z.string(), at: z.string() });

export const PrioritisationAuditSchema = z.object({
  at: z.string(),
  by: z.string(),
  change: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('rank'),
      issueKey: z.string(),
      before: RankOverrideSchema.nullable(),
      after: RankOverrideSchema.nullable(),
      computedRank: z.number().int().nullable(),
    }),
    z.object({ kind: z.literal('capacity'), before: CapacityPlanSchema, after: CapacityPlanSchema }),
  ]),
});
export type PrioritisationAudit = z.infer<typeof PrioritisationAuditSchema>;

export async function readOverrides(store: Store): Promise<Map<string, StoredOverride>> {
  const overrides = new Map<string, StoredOverride>();
  for await (const { key, value } of queryAll(store, OVERRIDE_PREFIX)) {
    const parsed = StoredOverrideSchema.safeParse(value);
    if (parsed.success) overrides.set(key.slice(OVERRIDE_PREFIX.length), parsed.data);
  }
  return overrides;
}

export async function writeOverride(
  store: Store,
  issueId: string,
  override: StoredOverride | null,
): Promise<void> {
  if (override === null) await store.delete(`${OVERRIDE_PREFIX}${issueId}`);
  else await store.set(`${OVERRIDE_PREFIX}${issueId}`, override);
}

export async function readCapacityPlan(store: Store): Promise<CapacityPlan> {
  return (await readParsed(store, CAPACITY_KEY, StoredPlanSchema))?.plan ?? { periods: [] };
}

export async function writeCapacityPlan(
  store: Store,
  plan: CapacityPlan,
  by: string,
  at: string,
): Promise<void> {
  await store.set(CAPACITY_KEY, { plan, by, at });
}

/** Appends an audit entry; a second change by the same person in the same millisecond gets a suffix. */
export async function appendPrioritisationAudit(store: Store, entry: PrioritisationAudit): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const key = `${AUDIT_PREFIX}${entry.at}:${entry.by}${attempt === 0 ? '' : `:${attempt}`}`;
    if (await store.setIfAbsent(key, entry)) return;
  }
}

export async function readPrioritisationAudit(store: Store): Promise<PrioritisationAudit[]> {
  const entries: PrioritisationAudit[] = [];
  for await (const { value } of queryAll(store, AUDIT_PREFIX)) {
    const parsed = PrioritisationAuditSchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries;
}
