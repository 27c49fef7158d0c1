import type { PublishedView, StatusUpdateView } from '../../contracts/status';
import { MAX_COMMENTARY_LENGTH } from '../../domain/status/commentary';
import { updateState } from '../../domain/status/period';
import { disagreementText, type PublishedUpdate } from '../../domain/status/update';
import type { Actor, AppDeps } from '../deps';
import { draftFactsFor } from './draft-source';
import { namer } from './people';
import { periodFor, reportProject, statusContext } from './status-context';
import { latestDraft, projectPublications } from './status-store';
import { statusWriteRights } from './write-rights';

/**
 * One project's status update of a period: the draft the data gives, the saved draft, the published
 * versions and whether the viewer may write it. A project the viewer cannot browse is NOT_FOUND.
 */
export async function getStatusUpdate(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string; periodId?: string | undefined },
): Promise<StatusUpdateView> {
  const context = await statusContext(deps, actor, input.portfolioId);
  const project = reportProject(context, input.projectKey);
  const period = periodFor(context, input.periodId);
  const lead =
    context.snapshot.data.projects.find((candidate) => candidate.key === project.key)?.leadAccountId ?? null;
  const [facts, draft, versions, rights] = await Promise.all([
    draftFactsFor(deps, context, input.portfolioId, project.key, period),
    latestDraft(deps.store, input.portfolioId, project.key, period.id),
    projectPublications(deps.store, input.portfolioId, period.id, project.key),
    statusWriteRights(deps, actor, context.settings, context.live.config.access.pmoGroupName, [
      { key: project.key, leadAccountId: lead },
    ]),
  ]);
  const right = rights.get(project.key);
  const nameOf = await namer(deps, actor, [
    ...(draft ? [draft.savedBy] : []),
    ...versions.map((version) => version.publishedBy),
  ]);
  return {
    portfolioId: input.portfolioId,
    project: { key: project.key, name: project.name, computedRag: project.health.computedRag },
    period,
    timeZone: context.timeZone,
    today: context.today,
    settings: context.settings,
    state: updateState(period, versions.length > 0, context.today),
    facts,
    draft: draft ? { ...draft, savedByName: nameOf(draft.savedBy) } : null,
    published: [...versions].reverse().map((version) => publishedView(version, nameOf)),
    canWrite: right?.allowed === true,
    writeRefusal: right?.allowed ? null : (right?.reason ?? 'You may not write this status update.'),
    limits: { maxCommentaryLength: MAX_COMMENTARY_LENGTH },
  };
}

export function publishedView(update: PublishedUpdate, nameOf: (accountId: string) => string): PublishedView {
  return {
    ...update,
    publishedByName: nameOf(update.publishedBy),
    disagreementText: disagreementText(update.status, update.computedRag),
  };
}
