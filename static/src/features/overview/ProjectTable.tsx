import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { useMemo } from 'react';
import type { ProjectOverview } from '../../../../src/resolvers/contract';
import { formatCount } from '../../shared/lib/format';
import { JiraLink } from '../../shared/ui/JiraLink';
import { ProjectAvatar } from '../../shared/ui/ProjectAvatar';
import { CountLozenge } from '../../shared/ui/StatusLozenges';
import { HealthCell } from './HealthCell';
import { type ProjectColumn, projectSortValue, projectTotal } from './portfolio-summary';
import { type HealthState, healthSortValue } from './project-health';

export const PROJECTS_PER_PAGE = 25;

const head: HeadType = {
  cells: [
    { key: 'name', content: 'Project', isSortable: true, width: 22 },
    { key: 'health', content: 'Health', isSortable: true, width: 26 },
    { key: 'key', content: 'Key', isSortable: true, width: 8 },
    { key: 'category', content: 'Category', isSortable: true, width: 12 },
    { key: 'new', content: 'To Do', isSortable: true, width: 8 },
    { key: 'indeterminate', content: 'In progress', isSortable: true, width: 10 },
    { key: 'done', content: 'Done', isSortable: true, width: 7 },
    { key: 'total', content: 'Total', isSortable: true, width: 7 },
  ],
};

function cell(project: ProjectOverview, column: ProjectColumn, content: RowType['cells'][number]['content']) {
  return { key: projectSortValue(project, column), content };
}

function rowOf(project: ProjectOverview, health: HealthState): RowType {
  return {
    key: project.id,
    testId: `project-row-${project.key}`,
    cells: [
      cell(
        project,
        'name',
        <span className="pmo-project-cell">
          <ProjectAvatar url={project.avatarUrl} name={project.name} />
          <JiraLink url={project.url} testId={`project-link-${project.key}`}>
            {project.name}
          </JiraLink>
        </span>,
      ),
      {
        key: healthSortValue(health, project.key),
        content: <HealthCell state={health} projectKey={project.key} />,
      },
      cell(project, 'key', <span className="pmo-key">{project.key}</span>),
      cell(
        project,
        'category',
        project.category ?? (
          <span className="pmo-subtle" title="No category">
            —
          </span>
        ),
      ),
      cell(project, 'new', <CountLozenge category="new" value={project.counts?.new ?? null} />),
      cell(
        project,
        'indeterminate',
        <CountLozenge category="indeterminate" value={project.counts?.indeterminate ?? null} />,
      ),
      cell(project, 'done', <CountLozenge category="done" value={project.counts?.done ?? null} />),
      cell(project, 'total', <span className="pmo-numeric">{formatCount(projectTotal(project))}</span>),
    ],
  };
}

/**
 * Every project of the portfolio with its health (RAG, worst first when sorted) and its issue counts by
 * status category; sortable, 25 rows a page. The health arrives separately and may still be loading.
 */
export function ProjectTable({
  projects,
  health,
}: {
  projects: readonly ProjectOverview[];
  health: HealthState;
}) {
  const rows = useMemo(
    () =>
      [...projects]
        .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key))
        .map((project) => rowOf(project, health)),
    [projects, health],
  );
  return (
    <div data-testid="project-table">
      <DynamicTable
        label="Projects in the portfolio"
        head={head}
        rows={rows}
        rowsPerPage={PROJECTS_PER_PAGE}
        defaultPage={1}
        defaultSortKey="name"
        defaultSortOrder="ASC"
        testId="projects"
      />
    </div>
  );
}
