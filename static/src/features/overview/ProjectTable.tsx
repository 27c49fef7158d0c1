import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import type { PortfolioHistory } from '@contracts/history';
import type { ProjectOverview } from '@contracts/resolver-contract';
import { useMemo, useState } from 'react';
import { hasIndicatorDays, IndicatorSparklines } from '../../shared/history/IndicatorSparklines';
import { RagSparkline } from '../../shared/history/RagSparkline';
import { formatCount } from '../../shared/lib/format';
import type { ProjectPriorities, ProjectPriority } from '../../shared/scoring/project-priorities';
import { JiraLink } from '../../shared/ui/JiraLink';
import { ProjectAvatar } from '../../shared/ui/ProjectAvatar';
import { CountLozenge } from '../../shared/ui/StatusLozenges';
import { SortableTable } from '../../shared/ui/table/SortableTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { BaselineCell } from './BaselineCell';
import { HealthCell } from './HealthCell';
import { PROJECT_TABLE_COLUMNS, type ProjectTableColumn, projectTableSortValue } from './portfolio-projects';
import { projectTotal } from './portfolio-summary';
import type { HealthState } from './project-health';

export const PROJECTS_PER_PAGE = 25;

type ProjectTrend = PortfolioHistory['projects'][number];

/** Each project's history (RAG letters per day, and per indicator); undefined while loading, null when it could not be read. */
type Trends = ReadonlyMap<string, ProjectTrend> | null | undefined;

function TrendCell({
  trends,
  projectKey,
  projectName,
}: {
  trends: Trends;
  projectKey: string;
  projectName: string;
}) {
  const [open, setOpen] = useState(false);
  if (trends === undefined) return <span className="pmo-subtle">…</span>;
  if (trends === null) {
    return (
      <span className="pmo-subtle" title="The history could not be read" data-testid={`trend-${projectKey}`}>
        Unavailable
      </span>
    );
  }
  const trend = trends.get(projectKey);
  if (trend === undefined) {
    return (
      <span className="pmo-subtle" data-testid={`trend-${projectKey}`}>
        Not recorded yet
      </span>
    );
  }
  const sparkline = <RagSparkline rag={trend.rag} period="12 weeks" testId={`trend-${projectKey}`} />;
  if (!hasIndicatorDays(trend.indicators)) return sparkline;
  const panelId = `trend-indicators-${projectKey}`;
  const Chevron = open ? ChevronDownIcon : ChevronRightIcon;
  return (
    <span className="pmo-trend-cell">
      {/* The sparkline itself opens the indicators' sparklines: a button named by the health it draws. */}
      <button
        type="button"
        className="pmo-trend-cell__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((shown) => !shown)}
        data-testid={`trend-toggle-${projectKey}`}
      >
        {sparkline}
        <Chevron label="" size="small" color="currentColor" />
        <span className="pmo-visually-hidden">Indicators of {projectName}</span>
      </button>
      {open && (
        <IndicatorSparklines
          id={panelId}
          projectName={projectName}
          indicators={trend.indicators}
          period="12 weeks"
          testId={panelId}
        />
      )}
    </span>
  );
}

const head: HeadType = {
  cells: [
    { key: 'name', content: 'Project', isSortable: true, width: 18 },
    { key: 'health', content: 'Health', isSortable: true, width: 22 },
    { key: 'trend', content: 'Trend (12 weeks)', width: 10 },
    { key: 'key', content: 'Key', isSortable: true, width: 8 },
    { key: 'category', content: 'Category', isSortable: true, width: 10 },
    { key: 'new', content: 'To Do', isSortable: true, width: 8 },
    { key: 'indeterminate', content: 'In progress', isSortable: true, width: 10 },
    { key: 'done', content: 'Done', isSortable: true, width: 7 },
    { key: 'total', content: 'Total', isSortable: true, width: 7 },
    { key: 'variance', content: 'Schedule variance', isSortable: true, width: 10 },
    { key: 'scope', content: 'Scope change', isSortable: true, width: 9 },
  ],
};

/** The priority-rank column, shown when scoring is on. */
const priorityHead = { key: 'priority', content: 'Priority rank', isSortable: true, width: 9 };

function PriorityCell({ priority }: { priority: ProjectPriority | undefined }) {
  if (!priority) return <span className="pmo-subtle">—</span>;
  const byHand = priority.computedRank !== priority.rank;
  return (
    <span
      className="pmo-numeric"
      title={`${priority.issueKey}, the best ranked of ${priority.proposals} ranked ${priority.proposals === 1 ? 'proposal' : 'proposals'}`}
    >
      #{priority.rank}
      {byHand ? (
        <span className="pmo-subtle"> (by hand; computed {priority.computedRank ?? '–'})</span>
      ) : null}
    </span>
  );
}

function rowOf(
  project: ProjectOverview,
  health: HealthState,
  onShowIndicators: (projectKey: string) => void,
  trends: Trends,
  priorities: ProjectPriorities | null,
): RowType {
  const cell = (column: ProjectTableColumn, content: RowType['cells'][number]['content']) => ({
    key: projectTableSortValue(project, column, health, priorities),
    content,
  });
  return {
    key: project.id,
    testId: `project-row-${project.key}`,
    cells: [
      cell(
        'name',
        <span className="pmo-project-cell">
          <ProjectAvatar url={project.avatarUrl} name={project.name} />
          <JiraLink url={project.url} testId={`project-link-${project.key}`}>
            {project.name}
          </JiraLink>
        </span>,
      ),
      cell(
        'health',
        <HealthCell
          state={health}
          projectKey={project.key}
          projectName={project.name}
          onShowIndicators={onShowIndicators}
        />,
      ),
      {
        key: 'trend',
        content: <TrendCell trends={trends} projectKey={project.key} projectName={project.name} />,
      },
      cell('key', <span className="pmo-key">{project.key}</span>),
      cell(
        'category',
        project.category ?? (
          <span className="pmo-subtle" title="No category">
            —
          </span>
        ),
      ),
      cell('new', <CountLozenge category="new" value={project.counts?.new ?? null} />),
      cell(
        'indeterminate',
        <CountLozenge category="indeterminate" value={project.counts?.indeterminate ?? null} />,
      ),
      cell('done', <CountLozenge category="done" value={project.counts?.done ?? null} />),
      cell('total', <span className="pmo-numeric">{formatCount(projectTotal(project))}</span>),
      cell('variance', <BaselineCell state={health} projectKey={project.key} column="variance" />),
      cell('scope', <BaselineCell state={health} projectKey={project.key} column="scope" />),
      ...(priorities ? [cell('priority', <PriorityCell priority={priorities.get(project.key)} />)] : []),
    ],
  };
}

/**
 * Every project of the portfolio with its health (RAG, worst first when sorted) and its issue counts by
 * status category; sortable, 25 rows a page. The health arrives separately and may still be loading.
 * `projects` come in the order of `sort` (see `sortProjectsForTable`), which the parent also exports.
 */
export function ProjectTable({
  projects,
  health,
  sort,
  onSort,
  onShowIndicators,
  trends,
  priorities = null,
}: {
  projects: readonly ProjectOverview[];
  health: HealthState;
  sort: TableSort<ProjectTableColumn>;
  onSort: (sort: TableSort<ProjectTableColumn>) => void;
  /** Opens a project's drill-down (every indicator and the issues behind it). */
  onShowIndicators: (projectKey: string) => void;
  trends?: Trends;
  /** Each project's priority rank; null hides the column (scoring off or nothing ranked). */
  priorities?: ProjectPriorities | null;
}) {
  const rows = useMemo(
    () => projects.map((project) => rowOf(project, health, onShowIndicators, trends, priorities)),
    [projects, health, onShowIndicators, trends, priorities],
  );
  const tableHead = useMemo(
    () => (priorities ? { cells: [...head.cells, priorityHead] } : head),
    [priorities],
  );
  return (
    <div data-testid="project-table">
      <SortableTable
        label="Projects in the portfolio"
        head={tableHead}
        rows={rows}
        rowsPerPage={PROJECTS_PER_PAGE}
        columns={PROJECT_TABLE_COLUMNS}
        sort={sort}
        onSort={onSort}
        testId="projects"
      />
    </div>
  );
}
