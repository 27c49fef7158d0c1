import type { ProjectList } from '../contracts/resolver-contract';
import { toProject } from '../jira/mappers';
import type { Actor, AppDeps } from './deps';
import { countProjects } from './project-counts';
import { toProjectOverview } from './project-overview';

/**
 * The projects the actor can browse, with issue counts per status category. Read as the user, so
 * Jira itself applies the user's permissions (project roles and issue security levels).
 */
export async function listProjects(deps: AppDeps, actor: Actor): Promise<ProjectList> {
  const jira = deps.jira.asUser(actor.accountId);
  const projects = (await jira.searchProjects()).map(toProject);
  const { counts, failures } = await countProjects(
    jira,
    projects.map((project) => project.key),
    deps.jiraConcurrency,
  );
  const staleProjects = [...failures.keys()].sort();
  return {
    projects: projects
      .map((project) => toProjectOverview(project, counts.get(project.key) ?? null))
      .sort((a, b) => a.name.localeCompare(b.name)),
    generatedAt: deps.now().toISOString(),
    partial: staleProjects.length > 0,
    staleProjects,
  };
}
