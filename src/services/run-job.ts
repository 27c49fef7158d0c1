import { parseOrThrow } from '../domain/errors';
import { JobSchema } from '../jobs/job';
import type { AppDeps } from './deps';
import { runBackfillChangelogsJob } from './history/backfill-changelogs-job';
import { runBackfillDaysJob } from './history/backfill-days-job';
import { snapshotProject } from './snapshot';
import { runAssembleJob } from './snapshots/assemble-job';
import { runCollectJob } from './snapshots/collect-job';
import { deletePortfolioData } from './snapshots/delete-portfolio-data';

/** The queue consumer's use case: parse the job (queued data is a boundary too) and run it. */
export async function runJob(deps: AppDeps, body: unknown): Promise<void> {
  const job = parseOrThrow(JobSchema, body, 'queued job');
  switch (job.kind) {
    case 'snapshot-project':
      await snapshotProject(deps, job.day, job.projectKey);
      return;
    case 'collect-portfolio':
      await runCollectJob(deps, deps.queue, job);
      return;
    case 'assemble-portfolio':
      await runAssembleJob(deps, job);
      return;
    case 'delete-portfolio-data':
      await deletePortfolioData(deps, job.portfolioId);
      return;
    case 'backfill-changelogs':
      await runBackfillChangelogsJob(deps, job);
      return;
    case 'backfill-days':
      await runBackfillDaysJob(deps, job);
      return;
  }
}
