import pLimit from 'p-limit';
import type { StatusCategoryCounts, StatusCategoryKey } from '../domain/model';
import type { JiraClient } from '../jira/client';
import { jqlString } from '../jira/jql';

const categoryNames: Record<StatusCategoryKey, string> = {
  new: 'To Do',
  indeterminate: 'In Progress',
  done: 'Done',
};

/** Issue counts per status category of one project, as the given principal sees them. */
export async function countByStatusCategory(
  jira: JiraClient,
  projectKey: string,
): Promise<StatusCategoryCounts> {
  const keys = Object.keys(categoryNames) as StatusCategoryKey[];
  const counts = await Promise.all(
    keys.map((category) =>
      jira.approximateCount(
        `project = ${jqlString(projectKey)} AND statusCategory = ${jqlString(categoryNames[category])}`,
      ),
    ),
  );
  return { new: counts[0] ?? 0, indeterminate: counts[1] ?? 0, done: counts[2] ?? 0 };
}

export interface ProjectCountsResult {
  counts: Map<string, StatusCategoryCounts>;
  /** Projects whose counts could not be read, with the reason. */
  failures: Map<string, string>;
}

/** Counts for many projects with bounded concurrency; a failing project does not fail the rest. */
export async function countProjects(
  jira: JiraClient,
  projectKeys: readonly string[],
  concurrency: number,
): Promise<ProjectCountsResult> {
  // Each project costs three parallel requests, so allow a third as many projects at once.
  const limit = pLimit(Math.max(1, Math.floor(concurrency / 3)));
  const counts = new Map<string, StatusCategoryCounts>();
  const failures = new Map<string, string>();
  await Promise.all(
    projectKeys.map((key) =>
      limit(async () => {
        try {
          counts.set(key, await countByStatusCategory(jira, key));
        } catch (error) {
          failures.set(key, error instanceof Error ? error.message : String(error));
        }
      }),
    ),
  );
  return { counts, failures };
}
