import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { useCallback, useMemo } from 'react';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { browsesNoProject, NoBrowsableProjectsState } from '../../shared/portfolio/NoBrowsableProjectsState';
import { PartialReportWarning } from '../../shared/portfolio/PartialReportWarning';
import { projectNames } from '../../shared/portfolio/report-helpers';
import { ReportSection } from '../../shared/portfolio/SectionHeader';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { FigureTiles } from '../../shared/ui/FigureTiles';
import { FilterStatus } from '../../shared/ui/filters/FilterStatus';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { HeatMap } from './HeatMap';
import { RaidLogs } from './RaidLogs';
import { RiskRegister } from './RiskRegister';
import {
  filterRisks,
  type HeatFilter,
  heatCell,
  type RiskColumn,
  ROAM_LABEL,
  raidFigures,
  riskCsvColumns,
  roamBreakdown,
  sortRisks,
} from './raid-model';
import './raid.css';
import { IssueListActions } from '../../shared/portfolio/IssueListActions';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { useViewState } from '../../shared/portfolio/use-route-query';
import { formatRaidQuery, parseRaidQuery } from './raid-query';

const CONFIGURE_TYPES =
  'RAID items are Jira issues of the issue types a Jira admin maps in the PMO Portfolio settings: by default Risk, Assumption, Issue and Decision. Risks are scored by their probability and impact fields (1 to 5).';

/** How the open risks are handled (ROAM), as a stacked bar with a legend that carries the numbers. */
function RoamBar({ risks }: { risks: PortfolioReport['risks'] }) {
  const parts = roamBreakdown(risks);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return null;
  return (
    <div className="pmo-roam" data-testid="roam-breakdown">
      <h3 className="pmo-roam__title" id="roam-heading">
        ROAM status of open risks
      </h3>
      <div className="pmo-roam__bar" aria-hidden="true">
        {parts.map((part) => (
          <span
            key={part.roam}
            className={`pmo-roam__part pmo-roam--${part.roam}`}
            style={{ flexGrow: part.count }}
          />
        ))}
      </div>
      <ul className="pmo-roam__legend" aria-labelledby="roam-heading">
        {parts.map((part) => (
          <li key={part.roam} data-testid={`roam-${part.roam}`} data-count={part.count}>
            <span className={`pmo-roam__swatch pmo-roam--${part.roam}`} aria-hidden="true" />
            {ROAM_LABEL[part.roam]}{' '}
            <span className="pmo-numeric pmo-roam__count">{formatCount(part.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figures({ report }: { report: PortfolioReport }) {
  const figures = raidFigures(report);
  const tiles = [
    { id: 'open-risks', label: 'Open risks', value: formatCount(figures.openRisks) },
    { id: 'high-risks', label: 'High risks', value: formatCount(figures.highRisks) },
    { id: 'unroamed', label: 'Not ROAMed yet', value: formatCount(figures.unroamed) },
    { id: 'overdue', label: 'Past their due date', value: formatCount(figures.overdue) },
  ];
  return (
    <section aria-label="Risk figures" className="pmo-raid-figures">
      <FigureTiles tiles={tiles} testIdPrefix="raid-kpi" twoColumns />
      <RoamBar risks={report.risks} />
      <p className="pmo-subtlest">
        Open risks are those not done and not ROAM-resolved.
        {figures.estimated > 0
          ? ` ${formatCount(figures.estimated)} of them ${figures.estimated === 1 ? 'has' : 'have'} no probability or impact in Jira and ${figures.estimated === 1 ? 'is' : 'are'} marked “Estimated”.`
          : ''}
      </p>
    </section>
  );
}

function RaidContent({ report, portfolioId }: { report: PortfolioReport; portfolioId: string }) {
  const names = useMemo(() => projectNames(report), [report]);
  // Filter and sort live in the URL (deep links, back and forward, saved views).
  const [{ filter, sort }, update] = useViewState('raid', parseRaidQuery, formatRaidQuery);
  const setFilter = useCallback((next: HeatFilter | null) => update({ filter: next }), [update]);
  const clearFilter = () => setFilter(null);
  const setSort = useCallback((next: TableSort<RiskColumn>) => update({ sort: next }), [update]);
  // A filter whose cell no longer has risks (after a refresh or another portfolio) is dropped.
  const cell = filter === null ? undefined : heatCell(report.heatmap, filter);
  const activeFilter = cell !== undefined && cell.count > 0 ? filter : null;
  const visible = useMemo(
    () => sortRisks(filterRisks(report.risks, report.heatmap, activeFilter), sort, names),
    [report, activeFilter, sort, names],
  );
  const build = useCallback(
    () => ({
      filename: csvFilename(
        activeFilter ? `risks-p${activeFilter.probability}-i${activeFilter.impact}` : 'risks',
        portfolioId,
        new Date(),
      ),
      csv: toCsv(riskCsvColumns(names), visible),
    }),
    [activeFilter, portfolioId, names, visible],
  );

  const logEntries =
    report.raid.assumptions.length + report.raid.issues.length + report.raid.decisions.length;
  if (browsesNoProject(report)) {
    return <NoBrowsableProjectsState testId="raid-empty" what="Risks, assumptions, issues and decisions" />;
  }
  if (report.risks.length === 0 && logEntries === 0) {
    const projects = report.projects.length;
    return (
      <EmptyMessage
        testId="raid-empty"
        header="No risks, assumptions, issues or decisions in this portfolio"
        headingLevel={2}
        description={`None of the ${projects === 1 ? 'project' : `${projects} projects`} you can browse here has one. ${CONFIGURE_TYPES} Create such issues in the portfolio's projects, or ask a Jira admin to map the issue types your site uses.`}
      />
    );
  }

  const filterChip = activeFilter
    ? {
        name: `Probability ${activeFilter.probability} · Impact ${activeFilter.impact}`,
        onClear: clearFilter,
        clearTestId: 'heat-filter-clear',
      }
    : null;
  const filterText = activeFilter
    ? `${formatCount(visible.length)} open ${visible.length === 1 ? 'risk' : 'risks'} with probability ${activeFilter.probability} and impact ${activeFilter.impact}`
    : `${formatCount(report.risks.length)} ${report.risks.length === 1 ? 'risk' : 'risks'}, ${formatCount(report.heatmap.total)} open`;

  return (
    <div className="pmo-stack">
      {report.meta.partial ? (
        <PartialReportWarning
          staleProjects={report.meta.staleProjects}
          what="RAID items"
          testId="raid-partial-warning"
        />
      ) : null}
      <div className="pmo-raid-top">
        <section aria-labelledby="heatmap-heading" className="pmo-raid-heatmap-section">
          <Heading size="medium" as="h2" id="heatmap-heading">
            Risk heat map
          </Heading>
          <p className="pmo-subtle">
            Open risks by probability and impact. Select a cell to list its risks in the register.
          </p>
          <HeatMap heatmap={report.heatmap} filter={activeFilter} onFilter={setFilter} />
        </section>
        <Figures report={report} />
      </div>
      <ReportSection
        headingId="register-heading"
        title="Risk register"
        actions={<IssueListActions issues={visible} noun="risk" build={build} list="register" />}
        header={<FilterStatus text={filterText} filter={filterChip} testId="register-count" />}
      >
        {report.risks.length === 0 ? (
          <EmptyState
            header="No risks in this portfolio"
            headingLevel={3}
            headingSize="xsmall"
            description={`${CONFIGURE_TYPES} Create Risk issues in the portfolio's projects, or map the risk issue type your site uses.`}
          />
        ) : (
          <RiskRegister
            key={activeFilter ? `${activeFilter.probability}-${activeFilter.impact}` : 'all'}
            risks={visible}
            names={names}
            asOf={report.asOf}
            sort={sort}
            onSort={setSort}
          />
        )}
      </ReportSection>
      <RaidLogs report={report} names={names} portfolioId={portfolioId} />
    </div>
  );
}

/**
 * The RAID log of the selected portfolio: a probability x impact heat map that filters the risk
 * register, and the assumptions, issues and decisions logs; each table exports its rows as CSV.
 * Everything comes from the shared portfolio report.
 */
export default function RaidPage() {
  return (
    <ReportPage
      title="RAID log"
      routeId="raid"
      subject="the RAID log"
      staleSubject="the RAID log below is"
      contentTestId="raid-content"
    >
      {(report, portfolioId) => <RaidContent report={report} portfolioId={portfolioId} />}
    </ReportPage>
  );
}
