import { AppError } from '../../domain/errors';
import type { StatusPeriod } from '../../domain/status/period';
import type { Actor, AppDeps } from '../deps';
import { reportProject, type StatusContext, statusContext, writablePeriod } from './status-context';
import { statusWriteRights } from './write-rights';

/**
 * Checks, as the acting user and on the server, that they may write `projectKey`'s update of
 * `periodId`: a project they can browse in the portfolio, a period still open for writing, and the
 * portfolio's writer rule. FORBIDDEN with the reason otherwise; nothing is stored before this passes.
 */
export async function requireStatusWriter(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string; periodId: string },
): Promise<{ context: StatusContext; period: StatusPeriod; project: ReturnType<typeof reportProject> }> {
  const context = await statusContext(deps, actor, input.portfolioId);
  const project = reportProject(context, input.projectKey);
  const period = writablePeriod(context, input.periodId);
  const lead =
    context.snapshot.data.projects.find((candidate) => candidate.key === project.key)?.leadAccountId ?? null;
  const rights = await statusWriteRights(
    deps,
    actor,
    context.settings,
    context.live.config.access.pmoGroupName,
    [{ key: project.key, leadAccountId: lead }],
  );
  const right = rights.get(project.key);
  if (!right?.allowed) {
    throw new AppError('FORBIDDEN', right?.reason ?? 'You may not write this status update.');
  }
  return { context, period, project };
}
