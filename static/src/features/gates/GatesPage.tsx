import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { useCallback, useMemo } from 'react';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { formatCount, formatTimestamp } from '../../shared/lib/format';
import { issueUrl } from '../../shared/lib/jira-url';
import { browsesNoProject, NoBrowsableProjectsState } from '../../shared/portfolio/NoBrowsableProjectsState';
import { NoStandardsState } from '../../shared/portfolio/NoStandardsState';
import { projectNames, RESTRICTED_SUMMARY } from '../../shared/portfolio/report-helpers';
import { ReportSection } from '../../shared/portfolio/SectionHeader';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { FigureTiles } from '../../shared/ui/FigureTiles';
import { JiraLink } from '../../shared/ui/JiraLink';
import {
  type GateEntry,
  gateCsvColumns,
  gateFigures,
  groupGates,
  type NextGate,
  READINESS_LABEL,
  type Readiness,
  readinessOf,
  readinessPercent,
  visibleGates,
} from './gates-model';
import './gates.css';
import { IssueListActions } from '../../shared/portfolio/IssueListActions';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { useViewState } from '../../shared/portfolio/use-route-query';
import { formatGatesQuery, parseGatesQuery } from './gates-query';

const READINESS_APPEARANCE: Record<Readiness, ThemeAppearance> = {
  missed: 'removed',
  ready: 'success',
  'not-ready': 'moved',
  none: 'default',
};

function Progress({ next, issueKey }: { next: NextGate; issueKey: string }) {
  const percent = readinessPercent(next);
  return (
    <div className="pmo-gate-progress">
      <span className="pmo-numeric">
        {next.ticked}/{next.mandatory}
      </span>
      <div
        className="pmo-gate-progress__track"
        role="progressbar"
        aria-valuenow={next.ticked}
        aria-valuemin={0}
        aria-valuemax={next.mandatory}
        aria-label={`${issueKey}: ${next.ticked} of ${next.mandatory} mandatory items ticked`}
      >
        <div
          className={`pmo-gate-progress__bar${next.ready ? ' pmo-gate-progress__bar--ready' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

/** The ticks of the gates shown in the row (those passed unticked, then the next), named by gate. */
function Evidence({ gates }: { gates: readonly NextGate[] }) {
  const items = gates.flatMap((gate) => gate.evidence.map((item) => ({ ...item, gate: gate.stage.name })));
  if (items.length === 0) {
    const names = gates.map((gate) => gate.stage.name).join(' or ');
    return <span className="pmo-subtle">Nothing ticked for the {names} gate</span>;
  }
  return (
    <details className="pmo-gate-evidence">
      <summary>
        {items.length} {items.length === 1 ? 'item' : 'items'} ticked
      </summary>
      <ul>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: checklist items may share a text.
          <li key={index}>
            <span className="pmo-text-wrap">
              {item.gate}: {item.text}
            </span>
            <span className="pmo-subtlest">
              {item.by}, <time dateTime={item.at}>{formatTimestamp(item.at) ?? item.at}</time>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function GateRow({ gate }: { gate: GateEntry }) {
  const readiness = readinessOf(gate);
  const next = gate.nextGate;
  return (
    <tr data-testid={`gate-row-${gate.key}`} data-ready={readiness}>
      <th scope="row">
        <JiraLink url={issueUrl(gate.key)} className="pmo-key">
          {gate.key}
        </JiraLink>
        {gate.summary === null ? (
          <span className="pmo-subtle" title="This issue has an issue security level">
            {RESTRICTED_SUMMARY}
          </span>
        ) : (
          <span className="pmo-text-wrap pmo-gate-summary">{gate.summary}</span>
        )}
        <span className="pmo-subtlest">
          {gate.issueType} · {gate.status}
        </span>
      </th>
      <td>
        {gate.stage ? (
          <Lozenge appearance="inprogress">{gate.stage.name}</Lozenge>
        ) : (
          <span className="pmo-subtle" title={`The status ${gate.status} belongs to no lifecycle stage`}>
            No stage
          </span>
        )}
      </td>
      <td>
        {next ? (
          <>
            <span className="pmo-gate-next">{next.stage.name}</span>
            <span className="pmo-subtlest pmo-text-wrap pmo-gate-sub">{next.standardName}</span>
          </>
        ) : (
          <span className="pmo-subtle">—</span>
        )}
        {gate.missedGates.length > 0 ? (
          <span className="pmo-subtle pmo-text-wrap pmo-gate-sub" data-testid={`gate-missed-${gate.key}`}>
            Passed unticked: {gate.missedGates.map((missed) => missed.stage.name).join(', ')}
          </span>
        ) : null}
      </td>
      <td>{next ? <Progress next={next} issueKey={gate.key} /> : <span className="pmo-subtle">—</span>}</td>
      <td>
        <Lozenge appearance={READINESS_APPEARANCE[readiness]}>{READINESS_LABEL[readiness]}</Lozenge>
      </td>
      <td>
        {next || gate.missedGates.length > 0 ? (
          <Evidence gates={[...gate.missedGates, ...(next ? [next] : [])]} />
        ) : (
          <span className="pmo-subtle">—</span>
        )}
      </td>
    </tr>
  );
}

function GatesContent({ report, portfolioId }: { report: PortfolioReport; portfolioId: string }) {
  const names = useMemo(() => projectNames(report), [report]);
  // The filter lives in the URL (deep links, back and forward, saved views).
  const [{ onlyNotReady }, update] = useViewState('gates', parseGatesQuery, formatGatesQuery);
  const gates = report.compliance?.gates ?? [];
  const groups = useMemo(() => groupGates(gates, names, onlyNotReady), [gates, names, onlyNotReady]);
  const visible = useMemo(() => visibleGates(groups), [groups]);
  const figures = useMemo(() => gateFigures(gates), [gates]);
  const build = useCallback(
    () => ({
      filename: csvFilename(onlyNotReady ? 'gates-not-ready' : 'gates', portfolioId, new Date()),
      csv: toCsv(gateCsvColumns(names), visible),
    }),
    [onlyNotReady, portfolioId, names, visible],
  );
  if (browsesNoProject(report)) {
    return <NoBrowsableProjectsState testId="gates-empty" what="Stage gates" />;
  }
  if (report.compliance === null || gates.length === 0) {
    return (
      <NoStandardsState
        testId="gates-empty"
        header="No stage gate applies to this portfolio"
        description="Gates are checklists in a PMO standard, tied to a lifecycle stage and the issue types they apply to (typically epics); once one applies here, this page shows how ready each issue is for its next gate."
      />
    );
  }
  const tiles = [
    { id: 'gated', label: 'Issues with a gate', value: formatCount(figures.gated) },
    { id: 'missed', label: 'Passed a gate unticked', value: formatCount(figures.missed) },
    { id: 'ready', label: 'Ready for their next gate', value: formatCount(figures.ready) },
    { id: 'not-ready', label: 'Not ready yet', value: formatCount(figures.notReady) },
    { id: 'none', label: 'Past their last gate, all ticked', value: formatCount(figures.noGateAhead) },
  ];
  return (
    <div className="pmo-stack">
      <section aria-label="Gate figures">
        <FigureTiles tiles={tiles} testIdPrefix="gates-kpi" />
      </section>
      {report.compliance.truncated.gates ? (
        <SectionMessage appearance="information" testId="gates-truncated">
          <p>
            The portfolio has more gated issues than the report lists, so this page shows the first{' '}
            {formatCount(gates.length)}.
          </p>
        </SectionMessage>
      ) : null}
      <ReportSection
        headingId="gates-heading"
        title="Gated issues by project"
        actions={
          <IssueListActions issues={visible} noun="gated issue" build={build} list="gates">
            <label className="pmo-gate-toggle">
              <input
                type="checkbox"
                checked={onlyNotReady}
                onChange={(event) => update({ onlyNotReady: event.target.checked })}
                data-testid="gates-only-not-ready"
              />
              Only not ready or passed unticked
            </label>
          </IssueListActions>
        }
        header={
          <p className="pmo-subtle">
            Readiness counts the mandatory checklist items of the next gate that are ticked. An issue that
            reached a gate’s stage without them is marked “Gate passed unticked”: those are the gate
            standards’ violations on the Compliance page. An issue not ready for the gate ahead is not a
            violation until it enters that stage. Open the evidence to see who ticked what, and when.
          </p>
        }
      >
        <p className="pmo-subtle" role="status" data-testid="gates-count">
          {onlyNotReady
            ? `${formatCount(visible.length)} of ${formatCount(gates.length)} gated issues are not ready for their next gate or passed one unticked`
            : `${formatCount(visible.length)} gated ${visible.length === 1 ? 'issue' : 'issues'}`}
        </p>
        {visible.length === 0 ? (
          <EmptyMessage
            testId="gates-table"
            rows={0}
            header="Every gated issue is ready for its next gate"
            headingLevel={3}
            headingSize="xsmall"
            description="Clear “Only not ready or passed unticked” to see them all."
          />
        ) : (
          <div className="pmo-gates-scroll">
            <table className="pmo-table pmo-gates-table" data-testid="gates-table" data-rows={visible.length}>
              <caption className="pmo-visually-hidden">Gated issues by project, with their next gate</caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Current stage</th>
                  <th scope="col">Next gate</th>
                  <th scope="col">Readiness</th>
                  <th scope="col">Ready</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.projectKey} data-testid={`gates-project-${group.projectKey}`}>
                  <tr className="pmo-gates-table__group">
                    <th scope="colgroup" colSpan={6}>
                      <span>{group.projectName}</span>{' '}
                      <span className="pmo-key pmo-subtle">{group.projectKey}</span>
                      <span className="pmo-subtlest">
                        {' '}
                        · {group.gates.length} {group.gates.length === 1 ? 'issue' : 'issues'}
                        {onlyNotReady ? '' : `, ${group.ready} ready`}
                      </span>
                    </th>
                  </tr>
                  {group.gates.map((gate) => (
                    <GateRow key={gate.key} gate={gate} />
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </ReportSection>
    </div>
  );
}

/**
 * Stage gates of the selected portfolio: where each gated issue (typically an epic) stands in its
 * lifecycle, and how far the checklist of its next gate is ticked. From the shared report.
 */
export default function GatesPage() {
  return (
    <ReportPage
      title="Stage gates"
      routeId="gates"
      subject="the stage gates"
      staleSubject="the gates below are"
      contentTestId="gates-content"
    >
      {(report, portfolioId) => <GatesContent report={report} portfolioId={portfolioId} />}
    </ReportPage>
  );
}
