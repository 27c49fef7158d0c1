import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { HealthIndicator } from '@domain/health/health';
import { INDICATOR_LABEL } from '@domain/health/indicator-labels';
import type { ProjectReport } from '@domain/portfolio/schema';
import { useEffect, useRef } from 'react';
import { SectionHeader } from '../../shared/portfolio/SectionHeader';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { OpenInJiraLink } from '../../shared/ui/OpenInJiraLink';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { indicatorIssues, indicatorValueText, thresholdRagNote } from './drilldown-model';
import { computedReason, overrideByline } from './project-health';

/** What an indicator counts toward the project's RAG, and what its thresholds say when its weight differs. */
function IndicatorRag({ indicator }: { indicator: HealthIndicator }) {
  const note = thresholdRagNote(indicator);
  return (
    <>
      {indicator.rag === 'none' && note ? <Lozenge>Not counted</Lozenge> : <RagLozenge rag={indicator.rag} />}
      {note ? (
        <div className="pmo-subtlest" data-testid={`indicator-${indicator.name}-threshold-rag`}>
          {note}
        </div>
      ) : null}
    </>
  );
}

function IndicatorIssueList({ projectKey, indicator }: { projectKey: string; indicator: HealthIndicator }) {
  const { exampleKeys, jql, complete } = indicatorIssues(projectKey, indicator);
  const testId = `indicator-${indicator.name}`;
  if (exampleKeys.length === 0 && jql === null) {
    return <p className="pmo-subtle">No issues behind this indicator.</p>;
  }
  return (
    <details className="pmo-drilldown__issues" data-testid={`${testId}-issues`}>
      <summary>
        {exampleKeys.length > 0
          ? `${exampleKeys.length} example ${exampleKeys.length === 1 ? 'issue' : 'issues'}`
          : 'The issues behind it'}
      </summary>
      {exampleKeys.length > 0 ? (
        <ul className="pmo-drilldown__keys" aria-label={`Example issues: ${INDICATOR_LABEL[indicator.name]}`}>
          {exampleKeys.map((key) => (
            <li key={key}>
              <IssueKeyLink issueKey={key} testId={`${testId}-issue-${key}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {jql === null ? null : (
        <p>
          <OpenInJiraLink issueKeys={exampleKeys} jql={jql} testId={`${testId}-open-in-jira`} />{' '}
          <span className="pmo-subtle">
            ({complete ? 'every issue behind it' : 'the example issues'}: <code>{jql}</code>)
          </span>
        </p>
      )}
    </details>
  );
}

/**
 * One project's health in full: the RAG shown, the PMO's override (who, when, why) with the computed RAG
 * beside it, and every indicator with its value, RAG and reason, each opening the issues behind it and
 * an "Open in Jira" search. The figures are the report's, as the resolver answered them.
 */
export function ProjectDrilldown({ project, onClose }: { project: ProjectReport; onClose: () => void }) {
  const headingRef = useRef<HTMLDivElement>(null);
  const { health } = project;
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    // Keyboard users land in the drill-down they opened; Close takes them back.
    headingRef.current?.querySelector<HTMLButtonElement>('[data-testid="drilldown-close"]')?.focus();
  }, []);
  const headingId = `drilldown-heading-${project.key}`;
  return (
    <section
      className="pmo-section pmo-drilldown"
      aria-labelledby={headingId}
      data-testid={`drilldown-${project.key}`}
    >
      <div ref={headingRef}>
        <SectionHeader
          headingId={headingId}
          title={`Health of ${project.name} (${project.key})`}
          actions={
            <Button onClick={onClose} testId="drilldown-close">
              Close
            </Button>
          }
        >
          <p className="pmo-drilldown__rag" data-testid="drilldown-rag" data-rag={health.rag}>
            <RagLozenge rag={health.rag} />{' '}
            {health.override ? (
              <span data-testid="drilldown-override">
                set by the PMO: {health.override.reason} ({overrideByline(health.override)}).{' '}
              </span>
            ) : null}
            <span data-testid="drilldown-computed" data-rag={health.computedRag}>
              {health.override ? (
                <>
                  Computed: <RagLozenge rag={health.computedRag} /> {computedReason(health)}
                </>
              ) : (
                'Computed from the worst of the indicators below.'
              )}
            </span>
          </p>
        </SectionHeader>
      </div>
      <table className="pmo-drilldown__table" aria-label={`Health indicators of ${project.name}`}>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">RAG</th>
            <th scope="col">Value</th>
            <th scope="col">Why, and the issues behind it</th>
          </tr>
        </thead>
        <tbody>
          {health.indicators.map((indicator) => (
            <tr
              key={indicator.name}
              data-testid={`indicator-${indicator.name}`}
              data-rag={indicator.rag}
              data-value={indicator.value ?? ''}
            >
              <th scope="row">{INDICATOR_LABEL[indicator.name]}</th>
              <td>
                <IndicatorRag indicator={indicator} />
              </td>
              <td className="pmo-numeric">{indicatorValueText(indicator)}</td>
              <td className="pmo-wrap">
                <p data-testid={`indicator-${indicator.name}-reason`}>{indicator.reason}</p>
                <IndicatorIssueList projectKey={project.key} indicator={indicator} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
