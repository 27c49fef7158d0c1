import type { SaveDraftResult } from '../../contracts/status';
import type { DraftRevision, StatedStatus } from '../../domain/status/update';
import type { Actor, AppDeps } from '../deps';
import { namer } from './people';
import { type ConflictCopy, latestDraft, statusKeys } from './status-store';
import { requireStatusWriter } from './writer';

export interface SaveDraftInput {
  portfolioId: string;
  projectKey: string;
  periodId: string;
  baseRevision: number;
  status: StatedStatus | null;
  commentary: string;
}

/**
 * Saves the writer's draft as the revision after `baseRevision`, create-only: when someone else
 * saved a newer revision first (or saves it in the same instant), theirs stays the draft and the
 * writer's text is stored beside it as a conflict copy and answered, so they see both and merge.
 */
export async function saveStatusDraft(
  deps: AppDeps,
  actor: Actor,
  input: SaveDraftInput,
): Promise<SaveDraftResult> {
  const { period } = await requireStatusWriter(deps, actor, input);
  const latest = await latestDraft(deps.store, input.portfolioId, input.projectKey, period.id);
  const now = deps.now();
  const revision: DraftRevision = {
    revision: input.baseRevision + 1,
    status: input.status,
    commentary: input.commentary,
    savedBy: actor.accountId,
    savedAt: now.toISOString(),
  };
  const current = latest?.revision ?? 0;
  const stored =
    current === input.baseRevision &&
    (await deps.store.setIfAbsent(
      statusKeys.draft(input.portfolioId, input.projectKey, period.id, revision.revision),
      revision,
    ));
  if (stored) {
    // Older revisions are not needed once two newer ones exist (kept: the latest and the one before).
    if (revision.revision > 2) {
      await deps.store.delete(
        statusKeys.draft(input.portfolioId, input.projectKey, period.id, revision.revision - 2),
      );
    }
    const nameOf = await namer(deps, actor, [actor.accountId]);
    return { outcome: 'saved', draft: { ...revision, savedByName: nameOf(actor.accountId) } };
  }
  // Read again: a writer who won a race in the same instant saved after `latest` was read.
  const theirs = await latestDraft(deps.store, input.portfolioId, input.projectKey, period.id);
  const copy: ConflictCopy = {
    baseRevision: input.baseRevision,
    status: input.status,
    commentary: input.commentary,
    savedBy: actor.accountId,
    savedAt: revision.savedAt,
  };
  await deps.store.setIfAbsent(
    statusKeys.conflict(input.portfolioId, input.projectKey, period.id, now.getTime(), actor.accountId),
    copy,
  );
  if (!theirs) {
    // The base named a revision that does not exist (a stale page after the draft was published over).
    return saveStatusDraft(deps, actor, { ...input, baseRevision: 0 });
  }
  const nameOf = await namer(deps, actor, [theirs.savedBy]);
  return {
    outcome: 'conflict',
    latest: { ...theirs, savedByName: nameOf(theirs.savedBy) },
    yours: { status: input.status, commentary: input.commentary },
  };
}
