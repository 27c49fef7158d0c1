import type { StatusBoard } from '../../domain/status/board';
import { updateState } from '../../domain/status/period';
import { disagreementOf, disagreementText, type PublishedUpdate } from '../../domain/status/update';
import type { Actor, AppDeps } from '../deps';
import { namer } from './people';
import { offeredPeriods, periodFor, statusContext } from './status-context';
import { periodDraftTimes, periodPublications } from './status-store';
import { statusWriteRights } from './write-rights';

const RAG_ORDER = { red: 0, amber: 1, green: 2, none: 3 } as const;

/**
 * The PMO status board of a period: every project the viewer can browse, whether its update is
 * published, late or not yet due, its stated status next to the computed RAG with disagreements
 * flagged, and whether the viewer may write it. Reads storage only, plus the viewer's permission
 * checks (browsable projects, Administer projects, groups).
 */
export async function getStatusBoard(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; periodId?: string | undefined },
): Promise<StatusBoard> {
  const context = await statusContext(deps, actor, input.portfolioId);
  const periods = offeredPeriods(context);
  const period = periodFor(context, input.periodId, periods);
  const projects = context.report.projects;
  const leads = new Map(
    context.snapshot.data.projects.map((project) => [project.key, project.leadAccountId]),
  );
  const [publications, draftTimes, rights] = await Promise.all([
    periodPublications(deps.store, input.portfolioId, period.id),
    periodDraftTimes(deps.store, input.portfolioId, period.id),
    statusWriteRights(
      deps,
      actor,
      context.settings,
      context.live.config.access.pmoGroupName,
      projects.map((project) => ({ key: project.key, leadAccountId: leads.get(project.key) ?? null })),
    ),
  ]);
  const latest = new Map<string, PublishedUpdate>();
  for (const update of publications) {
    const seen = latest.get(update.projectKey);
    if (!seen || seen.version < update.version) latest.set(update.projectKey, update);
  }
  const nameOf = await namer(
    deps,
    actor,
    [...latest.values()].map((update) => update.publishedBy),
  );
  return {
    portfolioId: input.portfolioId,
    timeZone: context.timeZone,
    period,
    periods,
    today: context.today,
    asOf: context.snapshot.data.asOf,
    rows: projects.map((project) => {
      const published = latest.get(project.key) ?? null;
      const computedRag = project.health.computedRag;
      const worst = [...project.health.indicators].sort((a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag])[0];
      const draftSavedAt = draftTimes.get(project.key);
      return {
        projectKey: project.key,
        projectName: project.name,
        computedRag,
        ragReason: worst && worst.rag !== 'green' && worst.rag !== 'none' ? worst.reason : null,
        state: updateState(period, published !== null, context.today),
        published: published
          ? {
              version: published.version,
              status: published.status,
              commentary: published.commentary,
              publishedBy: published.publishedBy,
              publishedByName: nameOf(published.publishedBy),
              publishedAt: published.publishedAt,
            }
          : null,
        drafting: draftSavedAt !== undefined && (published === null || draftSavedAt > published.publishedAt),
        disagreement: published ? disagreementOf(published.status, computedRag) : null,
        disagreementText: published ? disagreementText(published.status, computedRag) : null,
        canWrite: rights.get(project.key)?.allowed === true,
      };
    }),
  };
}
