import { z } from 'zod';
import type { NotificationStatus } from '../../contracts/alerts';
import { NotificationSendSchema } from '../../contracts/alerts';
import { queryAll } from '../../storage/store';
import type { Actor, AppDeps, StoreDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';
import { requireSettingsEditor } from '../settings/authorize';
import { loadLiveConfig } from '../settings/live-config';
import { SEND_LOG_PREFIX } from './keys';

/** Stored by account id; named for the admin when read. */
const StoredSendSchema = NotificationSendSchema.omit({ recipient: true }).extend({ accountId: z.string() });
export type StoredSend = z.infer<typeof StoredSendSchema>;

const KEEP = 200;
const SHOWN = 50;
let sequence = 0;

/** Records one attempt to e-mail; never throws (the sending goes on). */
export async function recordSend(deps: StoreDeps, send: StoredSend): Promise<void> {
  sequence = (sequence + 1) % 1_000_000;
  const key = `${SEND_LOG_PREFIX}${send.at}:${String(sequence).padStart(6, '0')}`;
  await deps.store.set(key, send).catch((error: unknown) => {
    deps.logger.warn('could not record an e-mail attempt', { kind: send.kind }, error);
  });
}

async function readSends(deps: StoreDeps): Promise<{ key: string; send: StoredSend }[]> {
  const sends: { key: string; send: StoredSend }[] = [];
  for await (const entry of queryAll(deps.store, SEND_LOG_PREFIX)) {
    const parsed = StoredSendSchema.safeParse(entry.value);
    if (parsed.success) sends.push({ key: entry.key, send: parsed.data });
  }
  return sends;
}

/** The last e-mails sent, failed or skipped, newest first, for settings editors. */
export async function getNotificationStatus(deps: AppDeps, actor: Actor): Promise<NotificationStatus> {
  const live = await loadLiveConfig(deps);
  await requireSettingsEditor(deps, actor, live.config.access.pmoGroupName);
  const all = await readSends(deps);
  if (all.length > KEEP)
    await Promise.all(all.slice(0, all.length - KEEP).map(({ key }) => deps.store.delete(key)));
  const shown = all.slice(-SHOWN).reverse();
  const names = await userNames(deps, actor.installation, [
    ...new Set(shown.map(({ send }) => send.accountId)),
  ]);
  return {
    sends: shown.map(({ send: { accountId, ...rest } }) => ({
      ...rest,
      recipient: nameOf(names, accountId) ?? 'Unknown user',
    })),
    failures: shown.filter(({ send }) => send.status === 'failed').length,
  };
}
