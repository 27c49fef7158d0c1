import { z } from 'zod';
import { StatusCategoryCountsSchema } from '../domain/model';
import type { Job, JobQueue } from '../jobs/job';
import type { AppDeps } from './deps';
import { countByStatusCategory } from './project-counts';

/** One project's counts on one day; the daily series gives the portfolio page its trends. */
export const ProjectSnapshotSchema = z.object({
  projectKey: z.string(),
  day: z.string(),
  counts: StatusCategoryCountsSchema,
  takenAt: z.string(),
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>;

export const snapshotKey = (day: string, projectKey: string) => `snapshot:${day}:${projectKey}`;

/** Daily trigger: one queued job per project the app can see, so no invocation runs long. */
export async function scheduleDailySnapshot(deps: AppDeps, queue: JobQueue): Promise<number> {
  const day = deps.now().toISOString().slice(0, 10);
  const projects = await deps.jira.asApp().searchProjects();
  const jobs: Job[] = projects.map((project) => ({ kind: 'snapshot-project', day, projectKey: project.key }));
  await queue.push(jobs);
  return jobs.length;
}

export async function snapshotProject(
  deps: AppDeps,
  day: string,
  projectKey: string,
): Promise<ProjectSnapshot> {
  const counts = await countByStatusCategory(deps.jira.asApp(), projectKey);
  const snapshot: ProjectSnapshot = { projectKey, day, counts, takenAt: deps.now().toISOString() };
  await deps.store.set(snapshotKey(day, projectKey), snapshot);
  return snapshot;
}
