import type { PublishedView } from '../../contracts/status';
import { AppError } from '../../domain/errors';
import type { PublishedUpdate, StatedStatus } from '../../domain/status/update';
import type { Actor, AppDeps } from '../deps';
import { draftFactsFor } from './draft-source';
import { publishedView } from './get-status-update';
import { namer } from './people';
import { projectPublications, statusKeys } from './status-store';
import { requireStatusWriter } from './writer';

export interface PublishInput {
  portfolioId: string;
  projectKey: string;
  periodId: string;
  expectedVersion: number;
  status: StatedStatus;
  commentary: string;
}

/**
 * Publishes the next version of a project's update for a period, with who and when, the RAG the
 * data gave and the drafted facts as they were: create-only, so a published version is never
 * changed and two publishers of the same version get one version and one CONFLICT.
 */
export async function publishStatusUpdate(
  deps: AppDeps,
  actor: Actor,
  input: PublishInput,
): Promise<PublishedView> {
  const { context, period, project } = await requireStatusWriter(deps, actor, input);
  const versions = await projectPublications(deps.store, input.portfolioId, period.id, project.key);
  const latest = versions.at(-1)?.version ?? 0;
  const conflict = () =>
    new AppError(
      'CONFLICT',
      'Someone published this update while you were writing. Your text is still in the editor: reload to see their version, then publish a correction if needed.',
      { reason: 'newer-version' },
    );
  if (latest !== input.expectedVersion) throw conflict();
  const update: PublishedUpdate = {
    portfolioId: input.portfolioId,
    projectKey: project.key,
    periodId: period.id,
    version: latest + 1,
    status: input.status,
    commentary: input.commentary,
    computedRag: project.health.computedRag,
    facts: await draftFactsFor(deps, context, input.portfolioId, project.key, period),
    publishedBy: actor.accountId,
    publishedAt: deps.now().toISOString(),
  };
  const stored = await deps.store.setIfAbsent(
    statusKeys.published(input.portfolioId, period.id, project.key, update.version),
    update,
  );
  if (!stored) throw conflict();
  await deps.store.setIfAbsent(
    statusKeys.projectIndex(input.portfolioId, project.key, period.id, update.version),
    {
      periodId: period.id,
      version: update.version,
      status: update.status,
      publishedAt: update.publishedAt,
    },
  );
  return publishedView(update, await namer(deps, actor, [actor.accountId]));
}
