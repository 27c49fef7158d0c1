import type { ProjectOverview } from '../contracts/resolver-contract';
import type { Project, StatusCategoryCounts } from '../domain/model';

/** A project as the Custom UI shows it: its counts (null when unreadable) and its Jira path. */
export function toProjectOverview(project: Project, counts: StatusCategoryCounts | null): ProjectOverview {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    category: project.category,
    avatarUrl: project.avatarUrl,
    style: project.style,
    counts,
    total: counts ? counts.new + counts.indeterminate + counts.done : null,
    url: `/browse/${encodeURIComponent(project.key)}`,
  };
}
