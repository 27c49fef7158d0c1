import type { Project } from '../domain/model';
import type { JiraProject } from './schemas';

export function toProject(project: JiraProject): Project {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    category: project.projectCategory?.name ?? null,
    leadAccountId: project.lead?.accountId ?? null,
    avatarUrl: project.avatarUrls?.['48x48'] ?? null,
    style: project.style === 'next-gen' || project.simplified === true ? 'next-gen' : 'classic',
  };
}
