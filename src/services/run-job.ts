import { parseOrThrow } from '../domain/errors';
import { JobSchema } from '../jobs/job';
import type { AppDeps } from './deps';
import { snapshotProject } from './snapshot';

/** The queue consumer's use case: parse the job (queued data is a boundary too) and run it. */
export async function runJob(deps: AppDeps, body: unknown): Promise<void> {
  const job = parseOrThrow(JobSchema, body, 'queued job');
  switch (job.kind) {
    case 'snapshot-project':
      await snapshotProject(deps, job.day, job.projectKey);
      return;
  }
}
