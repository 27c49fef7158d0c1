import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { type Tick, type Ticks, TicksSchema, tickOf } from '../../domain/standards/evaluation';
import { queryAll, type Store, StoredDataError } from '../../storage/store';

/**
 * Gate checklist state per issue, in app storage under the issue's id (keys change when an issue
 * moves project; ids do not).
 *
 * Every tick and untick is its own record, `checklist:<issueId>:<sequence>`, created with
 * create-only semantics (`setIfAbsent`, Forge's `keyPolicy: 'FAIL_IF_EXISTS'`) and never changed
 * afterwards. A writer takes the next free sequence number; when another writer took it first the
 * create fails, the writer reads what was added and decides again. Nothing is ever read, changed
 * and written back, so concurrent ticks cannot overwrite each other. The state is the events folded
 * in sequence order; every reader (panel, validator, report, dry run) folds the same way.
 *
 * Before this layout, one document per issue (`checklist:<issueId>`, ticks plus the last 200
 * events) was rewritten on every tick. Such documents are still read, as the state the issue's
 * events start from, and never written again.
 */

const PREFIX = 'checklist:';
/** The pre-event document of an issue (read only). */
export const legacyChecklistKey = (issueId: string) => `${PREFIX}${issueId}`;
const eventPrefix = (issueId: string) => `${PREFIX}${issueId}:`;
/** Fixed width keeps key order equal to sequence order (up to 10^8 events per issue). */
const SEQUENCE_DIGITS = 8;
export const checklistEventKey = (issueId: string, sequence: number) =>
  `${eventPrefix(issueId)}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;

/** History entries a reader keeps per issue (the ticks themselves never roll off). */
export const MAX_HISTORY = 200;
/**
 * Attempts at taking a sequence number before giving up with CONFLICT. Each failed attempt means
 * another writer succeeded, so this many people ticking one issue at the same moment still succeed.
 */
export const MAX_APPEND_ATTEMPTS = 64;

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

/** An issue's checklist as read, with the last sequence number taken (0: no events yet). */
interface ChecklistLog {
  state: ChecklistState;
  lastSequence: number;
}

export async function readChecklist(store: Store, issueId: string): Promise<ChecklistState> {
  return (await readChecklistLog(store, issueId)).state;
}

/** What {@link recordChecklistEvent} did: the state after it, and the event's number (null: none). */
export interface RecordedChecklistEvent {
  state: ChecklistState;
  sequence: number | null;
}

/**
 * Records one checklist change. `decide` sees the current state and answers the event to record,
 * or null when nothing is to change (the item is already as asked); it is asked again whenever a
 * concurrent writer got in first, so it always decides on the latest state.
 */
export async function recordChecklistEvent(
  store: Store,
  issueId: string,
  decide: (state: ChecklistState) => ChecklistEvent | null,
): Promise<RecordedChecklistEvent> {
  let log = await readChecklistLog(store, issueId);
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
    const event = decide(log.state);
    if (event === null) return { state: log.state, sequence: null };
    const sequence = log.lastSequence + 1;
    if (await store.setIfAbsent(checklistEventKey(issueId, sequence), event)) {
      return { state: applyChecklistEvent(log.state, event), sequence };
    }
    // Someone else took that number: read what was added since, by key (no re-scan).
    log = await catchUp(store, issueId, log);
  }
  throw new AppError(
    'CONFLICT',
    'Too many changes to this checklist at the same moment; reload the panel and try again',
  );
}

/**
 * The number of the newest event of the issue, looking forward from `known` (a number known to
 * be taken) by key: cheap when nothing or little was added since.
 */
export async function latestChecklistSequence(store: Store, issueId: string, known: number): Promise<number> {
  let latest = known;
  while ((await store.get(checklistEventKey(issueId, latest + 1))) !== undefined) latest++;
  return latest;
}

/** The state after `event`: a tick records who and when; an untick removes the tick. Pure. */
export function applyChecklistEvent(state: ChecklistState, event: ChecklistEvent): ChecklistState {
  return foldEvents(state, [event]);
}

/** Every issue's ticks, by issue id (one prefix scan; only issues someone ticked have state). */
export async function loadAllTicks(store: Store): Promise<Map<string, Ticks>> {
  const legacy = new Map<string, ChecklistState>();
  const events = new Map<string, { sequence: number; event: ChecklistEvent }[]>();
  await scan(store, PREFIX, (key, value) => {
    const address = parseKey(key);
    if (address === null) return;
    if (address.sequence === null) {
      const parsed = ChecklistStateSchema.safeParse(value);
      if (parsed.success) legacy.set(address.issueId, parsed.data);
      return;
    }
    const parsed = ChecklistEventSchema.safeParse(value);
    if (!parsed.success) return;
    const list = events.get(address.issueId) ?? [];
    list.push({ sequence: address.sequence, event: parsed.data });
    events.set(address.issueId, list);
  });
  const ticks = new Map<string, Ticks>();
  for (const issueId of new Set([...legacy.keys(), ...events.keys()])) {
    const ordered = (events.get(issueId) ?? []).sort((a, b) => a.sequence - b.sequence);
    const state = foldEvents(
      legacy.get(issueId) ?? EMPTY,
      ordered.map((entry) => entry.event),
    );
    ticks.set(issueId, state.ticks);
  }
  return ticks;
}

const EMPTY: ChecklistState = { ticks: {}, history: [] };

async function readChecklistLog(store: Store, issueId: string): Promise<ChecklistLog> {
  assertIssueId(issueId);
  const [legacyRaw, { events, lastSequence }] = await Promise.all([
    store.get(legacyChecklistKey(issueId)),
    readEvents(store, issueId),
  ]);
  let base = EMPTY;
  if (legacyRaw !== undefined) {
    // A damaged document is reported (the panel says so, the validator applies onError), never
    // read as "nothing ticked".
    const legacy = ChecklistStateSchema.safeParse(legacyRaw);
    if (!legacy.success) throw new StoredDataError(legacyChecklistKey(issueId), legacy.error.message);
    base = legacy.data;
  }
  return { state: foldEvents(base, events), lastSequence };
}

/** The events added after `log` was read, fetched by their (predictable) keys. */
async function catchUp(store: Store, issueId: string, log: ChecklistLog): Promise<ChecklistLog> {
  let { state, lastSequence } = log;
  for (;;) {
    const raw = await store.get(checklistEventKey(issueId, lastSequence + 1));
    if (raw === undefined) return { state, lastSequence };
    lastSequence += 1;
    const parsed = ChecklistEventSchema.safeParse(raw);
    // A damaged record still holds its number; it changes nothing.
    if (parsed.success) state = applyChecklistEvent(state, parsed.data);
  }
}

async function readEvents(
  store: Store,
  issueId: string,
): Promise<{ events: ChecklistEvent[]; lastSequence: number }> {
  const found: { sequence: number; event: ChecklistEvent }[] = [];
  let lastSequence = 0;
  await scan(store, eventPrefix(issueId), (key, value) => {
    const address = parseKey(key);
    if (address?.issueId !== issueId || address.sequence === null) return;
    // A damaged record still holds its number: the next event must take a later one.
    lastSequence = Math.max(lastSequence, address.sequence);
    const parsed = ChecklistEventSchema.safeParse(value);
    if (parsed.success) found.push({ sequence: address.sequence, event: parsed.data });
  });
  found.sort((a, b) => a.sequence - b.sequence);
  return { events: found.map((entry) => entry.event), lastSequence };
}

function foldEvents(base: ChecklistState, events: readonly ChecklistEvent[]): ChecklistState {
  // Maps, not objects indexed by admin-chosen ids (an id like `constructor` is a plain string here).
  const byRule = new Map<string, Map<string, Tick>>();
  for (const [ruleId, items] of Object.entries(base.ticks))
    byRule.set(ruleId, new Map(Object.entries(items)));
  const history = [...base.history];
  for (const event of events) {
    const items = byRule.get(event.ruleId) ?? new Map<string, Tick>();
    if (event.ticked) {
      items.set(event.itemId, {
        by: event.by,
        at: event.at,
        ...(event.byName ? { byName: event.byName } : {}),
      });
    } else items.delete(event.itemId);
    if (items.size === 0) byRule.delete(event.ruleId);
    else byRule.set(event.ruleId, items);
    history.push(event);
  }
  // Object.fromEntries defines own properties, so even an id like `__proto__` stays a plain key.
  const ticks: Ticks = Object.fromEntries(
    [...byRule].map(([ruleId, items]) => [ruleId, Object.fromEntries(items)] as const),
  );
  return { ticks, history: history.slice(-MAX_HISTORY) };
}

/** Whether `item` of `ruleId` is ticked in `state`. */
export function isTicked(state: ChecklistState, ruleId: string, itemId: string): boolean {
  return tickOf(state.ticks, ruleId, itemId) !== undefined;
}

/** `checklist:<issueId>` (the old document) or `checklist:<issueId>:<sequence>` (an event). */
function parseKey(key: string): { issueId: string; sequence: number | null } | null {
  if (!key.startsWith(PREFIX)) return null;
  const [issueId, sequence, ...rest] = key.slice(PREFIX.length).split(':');
  if (!issueId || rest.length > 0) return null;
  if (sequence === undefined) return { issueId, sequence: null };
  return /^\d+$/.test(sequence) ? { issueId, sequence: Number(sequence) } : null;
}

/** Issue ids are Jira's numeric ids; anything else could reach into another issue's keys. */
function assertIssueId(issueId: string): void {
  if (!/^\d{1,20}$/.test(issueId)) {
    throw new AppError('BAD_REQUEST', `"${issueId}" is not a Jira issue id`);
  }
}

async function scan(store: Store, prefix: string, visit: (key: string, value: unknown) => void) {
  for await (const entry of queryAll(store, prefix)) visit(entry.key, entry.value);
}
