import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { useCallback, useMemo } from 'react';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { browsesNoProject, NoBrowsableProjectsState } from '../../shared/portfolio/NoBrowsableProjectsState';
import { NoStandardsState, SETTINGS_HINT } from '../../shared/portfolio/NoStandardsState';
import { PartialReportWarning } from '../../shared/portfolio/PartialReportWarning';
import { type ComplianceReport, projectNames } from '../../shared/portfolio/report-helpers';
import { ReportSection } from '../../shared/portfolio/SectionHeader';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { FigureTiles } from '../../shared/ui/FigureTiles';
import { FilterStatus } from '../../shared/ui/filters/FilterStatus';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { ComplianceMatrix } from './ComplianceMatrix';
import {
  activeFilter,
  type CellFilter,
  complianceFigure,
  complianceMatrix,
  complianceThresholds,
  filterViolations,
  healthCountsNote,
  nothingApplies,
  sortViolations,
  type ViolationColumn,
  violationCsvColumns,
} from './compliance-model';
import { ViolationsTable } from './ViolationsTable';
import './compliance.css';
import { IssueListActions } from '../../shared/portfolio/IssueListActions';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { useViewState } from '../../shared/portfolio/use-route-query';
import { formatComplianceQuery, parseComplianceQuery } from './compliance-query';

function Figures({ compliance }: { compliance: ComplianceReport }) {
  const { totals } = compliance;
  const figure = complianceFigure(totals.compliant, totals.evaluated, complianceThresholds(compliance));
  const tiles = [
    { id: 'evaluated', label: 'Issues checked', value: formatCount(totals.evaluated) },
    { id: 'compliant', label: 'Meet every standard', value: formatCount(totals.compliant) },
    { id: 'violating', label: 'Miss a standard', value: formatCount(totals.violating) },
    {
      id: 'percent',
      label: 'Portfolio compliance',
      value:
        figure === null ? (
          '—'
        ) : (
          <span className={`pmo-compliance-percent--${figure.tone}`}>{figure.percent} %</span>
        ),
    },
  ];
  return (
    <section aria-label="Compliance figures">
      <FigureTiles tiles={tiles} testIdPrefix="compliance-kpi" />
    </section>
  );
}

function ComplianceContent({ report, portfolioId }: { report: PortfolioReport; portfolioId: string }) {
  const names = useMemo(() => projectNames(report), [report]);
  const compliance = report.compliance;
  const matrix = useMemo(
    () => (compliance ? complianceMatrix(compliance, names) : null),
    [compliance, names],
  );
  // Filter and sort live in the URL (deep links, back and forward, saved views).
  const [{ filter, sort }, update] = useViewState('compliance', parseComplianceQuery, formatComplianceQuery);
  const setFilter = useCallback((next: CellFilter | null) => update({ filter: next }), [update]);
  const clearFilter = () => setFilter(null);
  const setSort = useCallback((next: TableSort<ViolationColumn>) => update({ sort: next }), [update]);
  const current = matrix ? activeFilter(matrix, filter) : null;
  const visible = useMemo(
    () => sortViolations(filterViolations(compliance?.violations ?? [], current), sort, names),
    [compliance, current, sort, names],
  );
  const build = useCallback(
    () => ({
      filename: csvFilename(
        current ? `violations-${current.projectKey}-${current.standardId}` : 'violations',
        portfolioId,
        new Date(),
      ),
      csv: toCsv(violationCsvColumns(names), visible),
    }),
    [current, portfolioId, names, visible],
  );

  if (browsesNoProject(report)) {
    return <NoBrowsableProjectsState testId="compliance-empty" what="Compliance figures" />;
  }
  if (compliance === null || matrix === null || nothingApplies(compliance)) {
    return (
      <NoStandardsState
        testId="compliance-empty"
        header={
          compliance !== null && compliance.standards.length === 0
            ? 'No PMO standard is switched on'
            : 'No PMO standard applies to this portfolio'
        }
        description="A standard applies to the projects, issue types and statuses its rules name; once one applies here, this page shows which issues meet it and which miss it."
      />
    );
  }
  const thresholds = complianceThresholds(compliance);
  const countsNote = healthCountsNote(compliance);
  const filterStandard = current ? compliance.standards.find((s) => s.id === current.standardId) : undefined;
  const filterName = current
    ? `${names.get(current.projectKey) ?? current.projectKey} · ${filterStandard?.name ?? current.standardId}`
    : '';
  const filterChip = current
    ? { name: filterName, onClear: clearFilter, clearTestId: 'compliance-filter-clear' }
    : null;
  const countText = current
    ? `${formatCount(visible.length)} ${visible.length === 1 ? 'violation' : 'violations'} in`
    : `${formatCount(visible.length)} ${visible.length === 1 ? 'violation' : 'violations'} across the portfolio`;

  return (
    <div className="pmo-stack">
      {report.meta.partial ? (
        <PartialReportWarning
          staleProjects={report.meta.staleProjects}
          what="Compliance"
          testId="compliance-partial-warning"
        />
      ) : null}
      {compliance.problems.length > 0 ? (
        <SectionMessage
          appearance="warning"
          title="Some standards could not be checked as written"
          testId="compliance-problems"
        >
          <ul>
            {compliance.problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id of their own.
              <li key={index}>
                {compliance.standards.find((s) => s.id === problem.standardId)?.name ?? problem.standardId}:{' '}
                {problem.message}
              </li>
            ))}
          </ul>
          <p>{SETTINGS_HINT}</p>
        </SectionMessage>
      ) : null}
      <Figures compliance={compliance} />
      <section className="pmo-section" aria-labelledby="matrix-heading">
        <div className="pmo-stack--tight">
          <Heading size="medium" as="h2" id="matrix-heading">
            Standards by project
          </Heading>
          <p className="pmo-subtle">
            Each cell shows the issues that miss the standard, of those it applies to, and the share that
            meets it: <span className="pmo-compliance-percent--success">{thresholds.amber} % or more</span>,{' '}
            <span className="pmo-compliance-percent--warning">{thresholds.red} % or more</span>,{' '}
            <span className="pmo-compliance-percent--danger">below {thresholds.red} %</span>. Select a cell to
            list its issues.
          </p>
          {countsNote ? (
            <p className="pmo-subtle" data-testid="compliance-health-counts">
              {countsNote}
            </p>
          ) : null}
        </div>
        <ComplianceMatrix matrix={matrix} filter={current} onFilter={setFilter} />
      </section>
      <ReportSection
        headingId="violations-heading"
        title="Violating issues"
        actions={<IssueListActions issues={visible} noun="violation" build={build} list="compliance" />}
        header={<FilterStatus text={countText} filter={filterChip} testId="violations-count" />}
      >
        {compliance.truncated.violations ? (
          <SectionMessage appearance="information" testId="compliance-truncated">
            <p>
              The portfolio has more violations than the report lists, so this table shows the first{' '}
              {formatCount(compliance.violations.length)}. The matrix above counts all of them.
            </p>
          </SectionMessage>
        ) : null}
        {visible.length === 0 ? (
          <EmptyMessage
            testId="compliance-violations"
            header="Every issue meets the standards that apply to it"
            headingLevel={3}
            headingSize="xsmall"
            description="No issue of this portfolio misses a PMO standard."
          />
        ) : (
          <ViolationsTable
            key={current ? `${current.projectKey}-${current.standardId}` : 'all'}
            violations={visible}
            names={names}
            sort={sort}
            onSort={setSort}
          />
        )}
      </ReportSection>
    </div>
  );
}

/**
 * The compliance report of the selected portfolio: which project breaks which PMO standard, as a
 * matrix whose cells filter the violating issues below. Everything comes from the shared report.
 */
export default function CompliancePage() {
  return (
    <ReportPage
      title="Compliance"
      routeId="compliance"
      subject="the compliance report"
      staleSubject="the compliance below is"
      contentTestId="compliance-content"
    >
      {(report, portfolioId) => <ComplianceContent report={report} portfolioId={portfolioId} />}
    </ReportPage>
  );
}
