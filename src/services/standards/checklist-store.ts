import { z } from 'zod';
import { type Ticks, TicksSchema } from '../../domain/standards/evaluation';
import { readParsed, type Store } from '../../storage/store';

/**
 * Gate checklist state per issue, in app storage under the issue's id (keys change when an issue
 * moves project; ids do not). Every tick and untick is kept in the history, newest last.
 */
export const checklistKey = (issueId: string) => `checklist:${issueId}`;

/** History entries kept per issue; older ones roll off (the ticks themselves are never dropped). */
export const MAX_HISTORY = 200;

export const ChecklistEventSchema = z.object({
  ruleId: z.string(),
  itemId: z.string(),
  ticked: z.boolean(),
  by: z.string(),
  byName: z.string().optional(),
  at: z.string(),
});
export type ChecklistEvent = z.infer<typeof ChecklistEventSchema>;

export const ChecklistStateSchema = z.object({
  ticks: TicksSchema,
  history: z.array(ChecklistEventSchema),
});
export type ChecklistState = z.infer<typeof ChecklistStateSchema>;

const EMPTY: ChecklistState = { ticks: {}, history: [] };

export async function readChecklist(store: Store, issueId: string): Promise<ChecklistState> {
  return (await readParsed(store, checklistKey(issueId), ChecklistStateSchema)) ?? EMPTY;
}

/** The state after `event`: a tick records who and when; an untick removes the tick. Pure. */
export function applyChecklistEvent(state: ChecklistState, event: ChecklistEvent): ChecklistState {
  const ruleTicks = { ...(state.ticks[event.ruleId] ?? {}) };
  if (event.ticked) {
    ruleTicks[event.itemId] = {
      by: event.by,
      at: event.at,
      ...(event.byName ? { byName: event.byName } : {}),
    };
  } else delete ruleTicks[event.itemId];
  const ticks: Ticks = { ...state.ticks, [event.ruleId]: ruleTicks };
  if (Object.keys(ruleTicks).length === 0) delete ticks[event.ruleId];
  const history = [...state.history, event].slice(-MAX_HISTORY);
  return { ticks, history };
}

/** Every issue's ticks, by issue id (one prefix scan; only issues someone ticked have state). */
export async function loadAllTicks(store: Store): Promise<Map<string, Ticks>> {
  const ticks = new Map<string, Ticks>();
  let cursor: string | undefined;
  do {
    const page = await store.query('checklist:', cursor ? { cursor } : {});
    for (const entry of page.results) {
      const parsed = ChecklistStateSchema.safeParse(entry.value);
      if (parsed.success) ticks.set(entry.key.slice('checklist:'.length), parsed.data.ticks);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return ticks;
}
