import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { useCallback, useMemo, useState } from 'react';
import type { PortfolioReport } from '../../../../src/domain/portfolio/schema';
import { toCsv } from '../../shared/lib/csv';
import { formatCount } from '../../shared/lib/format';
import { CsvExportButton } from '../overview/CsvExportButton';
import { csvFilename, type TableSort } from '../overview/table-sort';
import { ComplianceMatrix } from './ComplianceMatrix';
import {
  activeFilter,
  type CellFilter,
  type ComplianceReport,
  complianceMatrix,
  compliancePercent,
  complianceTone,
  filterViolations,
  nothingApplies,
  projectNames,
  sortViolations,
  type ViolationColumn,
  violationCsvColumns,
} from './compliance-model';
import { NoStandardsState, SETTINGS_HINT } from './NoStandardsState';
import { ViolationsTable } from './ViolationsTable';
import '../overview/overview.css';
import './compliance.css';
import { ReportPage } from '../portfolio-shell/ReportPage';

function Figures({ compliance }: { compliance: ComplianceReport }) {
  const { totals } = compliance;
  const percent = compliancePercent(totals.compliant, totals.evaluated);
  const tiles = [
    { id: 'evaluated', label: 'Issues checked', value: formatCount(totals.evaluated) },
    { id: 'compliant', label: 'Meet every standard', value: formatCount(totals.compliant) },
    { id: 'violating', label: 'Miss a standard', value: formatCount(totals.violating) },
    {
      id: 'percent',
      label: 'Portfolio compliance',
      value:
        percent === null ? (
          '—'
        ) : (
          <span className={`pmo-compliance-percent--${complianceTone(percent)}`}>{percent} %</span>
        ),
    },
  ];
  return (
    <section aria-label="Compliance figures">
      <dl className="pmo-kpis">
        {tiles.map((tile) => (
          <div className="pmo-kpi" key={tile.id} data-testid={`compliance-kpi-${tile.id}`}>
            <dt>{tile.label}</dt>
            <dd className="pmo-numeric">{tile.value}</dd>
          </div>
        ))}
      </dl>
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
  const [filter, setFilter] = useState<CellFilter | null>(null);
  const [sort, setSort] = useState<TableSort<ViolationColumn> | null>(null);
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

  if (compliance === null || matrix === null || nothingApplies(compliance)) {
    return (
      <NoStandardsState
        testId="compliance-empty"
        header="No PMO standard applies to this portfolio"
        description="A standard applies to the projects, issue types and statuses its rules name; once one applies here, this page shows which issues meet it and which miss it."
      />
    );
  }
  const filterStandard = current ? compliance.standards.find((s) => s.id === current.standardId) : undefined;
  const filterName = current
    ? `${names.get(current.projectKey) ?? current.projectKey} · ${filterStandard?.name ?? current.standardId}`
    : '';
  const countText = current
    ? `${formatCount(visible.length)} ${visible.length === 1 ? 'violation' : 'violations'} in`
    : `${formatCount(visible.length)} ${visible.length === 1 ? 'violation' : 'violations'} across the portfolio`;

  return (
    <div className="pmo-stack">
      {report.meta.partial ? (
        <SectionMessage
          appearance="warning"
          title="Some projects could not be read completely"
          testId="compliance-partial-warning"
        >
          <p>
            Compliance of {report.meta.staleProjects.length === 1 ? 'this project' : 'these projects'} may be
            missing: {report.meta.staleProjects.join(', ') || 'unknown projects'}. Refresh to try again.
          </p>
        </SectionMessage>
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
            meets it: <span className="pmo-compliance-percent--success">90 % or more</span>,{' '}
            <span className="pmo-compliance-percent--warning">75 % or more</span>,{' '}
            <span className="pmo-compliance-percent--danger">below 75 %</span>. Select a cell to list its
            issues.
          </p>
        </div>
        <ComplianceMatrix matrix={matrix} filter={current} onFilter={setFilter} />
      </section>
      <section className="pmo-section" aria-labelledby="violations-heading">
        <div className="pmo-section-header">
          <div className="pmo-stack--tight">
            <Heading size="medium" as="h2" id="violations-heading">
              Violating issues
            </Heading>
            <div className="pmo-compliance-filter" role="status" data-testid="violations-count">
              <span>{countText}</span>
              {current ? (
                <button
                  type="button"
                  className="pmo-compliance-chip"
                  onClick={() => setFilter(null)}
                  data-testid="compliance-filter-clear"
                  aria-label={`Clear the filter ${filterName}`}
                >
                  <span>{filterName}</span>
                  <span aria-hidden="true" className="pmo-compliance-chip__x">
                    ×
                  </span>
                </button>
              ) : null}
            </div>
          </div>
          <CsvExportButton
            rowsLabel={visible.length === 1 ? 'violation' : 'violations'}
            rowCount={visible.length}
            build={build}
            testId="csv-export-compliance"
          />
        </div>
        {compliance.truncated.violations ? (
          <SectionMessage appearance="information" testId="compliance-truncated">
            <p>
              The portfolio has more violations than the report lists, so this table shows the first{' '}
              {formatCount(compliance.violations.length)}. The matrix above counts all of them.
            </p>
          </SectionMessage>
        ) : null}
        {visible.length === 0 ? (
          <div className="pmo-empty" data-testid="compliance-violations">
            <EmptyState
              header="Every issue meets the standards that apply to it"
              headingLevel={3}
              headingSize="xsmall"
              description="No issue of this portfolio misses a PMO standard."
            />
          </div>
        ) : (
          <ViolationsTable
            key={current ? `${current.projectKey}-${current.standardId}` : 'all'}
            violations={visible}
            names={names}
            sort={sort}
            onSort={setSort}
          />
        )}
      </section>
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
      subject="the compliance report"
      staleSubject="the compliance below is"
      contentTestId="compliance-content"
    >
      {(report, portfolioId) => <ComplianceContent report={report} portfolioId={portfolioId} />}
    </ReportPage>
  );
}
