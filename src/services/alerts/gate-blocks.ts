import { type GateBlock, GateBlockSchema } from '../../domain/alerts/events';
import { projectOfKey } from '../../domain/dependencies/keys';
import { queryAll, type Store } from '../../storage/store';
import type { StoreDeps } from '../deps';

/**
 * Transitions the workflow validator refused, one create-only record each, keyed by month and time
 * so a period is read with a prefix query per month. Alerts and "what changed" read them.
 */
const PREFIX = 'gate-block:';

const keyOf = (block: GateBlock) => `${PREFIX}${block.at.slice(0, 7)}:${block.at}:${block.issueKey}`;

/** Writes the record; a second write of the same block (same issue, same instant) changes nothing. */
export async function recordGateBlock(store: Store, block: Omit<GateBlock, 'projectKey'>): Promise<void> {
  const record: GateBlock = GateBlockSchema.parse({ ...block, projectKey: projectOfKey(block.issueKey) });
  await store.setIfAbsent(keyOf(record), record);
}

/** The months (YYYY-MM) from `from` to `to`, both ISO timestamps or days. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** Blocks with `from < at <= to` (ISO timestamps), oldest first; damaged records are logged and skipped. */
export async function readGateBlocks(deps: StoreDeps, from: string, to: string): Promise<GateBlock[]> {
  const blocks: GateBlock[] = [];
  for (const month of monthsBetween(from, to)) {
    for await (const entry of queryAll(deps.store, `${PREFIX}${month}:`)) {
      const parsed = GateBlockSchema.safeParse(entry.value);
      if (!parsed.success) {
        deps.logger.warn('skipped a damaged gate block record', { key: entry.key });
        continue;
      }
      if (parsed.data.at > from && parsed.data.at <= to) blocks.push(parsed.data);
    }
  }
  return blocks.sort((a, b) => a.at.localeCompare(b.at));
}
