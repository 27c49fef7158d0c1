import Lozenge from '@atlaskit/lozenge';
import type { DryRunResult as DryRun } from '@contracts/settings';
import type { Rag } from '@domain/health/health';
import { INDICATOR_LABEL } from '@domain/health/indicator-labels';
import { formatTimestamp } from '../../../shared/lib/format';
import { IssueKeyLink } from '../../../shared/ui/IssueKeyLink';
import { RagLozenge } from '../../../shared/ui/RagLozenge';
import { projectName, type SiteCatalog } from '../catalog';
import { dryRunHeadline, dryRunHealthHeadline, dryRunScope } from './dry-run-text';
import { RankingImpact } from './RankingImpact';
import './dry-run.css';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';

const CHANGE_LABEL = { ...INDICATOR_LABEL, override: 'Manual override' } as const;

function RagChange({ from, to }: { from: Rag; to: Rag }) {
  return (
    <span className="pmo-rag-change">
      <RagLozenge rag={from} />
      <span aria-hidden="true">→</span>
      <span className="pmo-visually-hidden">to</span>
      <RagLozenge rag={to} />
    </span>
  );
}

type HealthChange = NonNullable<DryRun['health']>['changes'][number];

/** Why a project's RAG would change: each indicator that moves, from → to, and its reason. */
function HealthReasons({ change }: { change: HealthChange }) {
  return (
    <ul className="pmo-plain-list">
      {change.reasons.map((reason) => (
        <li key={reason.indicator} data-testid={`dry-run-health-${change.projectKey}-${reason.indicator}`}>
          <strong>{CHANGE_LABEL[reason.indicator]}</strong> <RagChange from={reason.from} to={reason.to} />{' '}
          <span className="pmo-wrap">{reason.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** A few of a project's newly non-compliant issues with their messages, and how many more there are. */
function ProjectExamples({ project }: { project: DryRun['perProject'][number] }) {
  return (
    <>
      {project.sample.length === 0 ? <span className="pmo-subtle">—</span> : null}
      <ul className="pmo-plain-list pmo-samples">
        {project.sample.map((issue) => (
          <li key={issue.key} data-testid={`dry-run-example-${issue.key}`}>
            <IssueKeyLink issueKey={issue.key} /> <span>{issue.summary}</span>
            {issue.messages.length > 0 ? (
              <span className="pmo-subtlest pmo-block">{issue.messages.join(' · ')}</span>
            ) : null}
          </li>
        ))}
        {project.affectedIssues > project.sample.length ? (
          <li className="pmo-subtlest">and {project.affectedIssues - project.sample.length} more</li>
        ) : null}
      </ul>
    </>
  );
}

/** Which projects' RAG the draft would change, from → to, with the reasons computed under the draft. */
function HealthImpact({ health }: { health: DryRun['health'] }) {
  return (
    <section aria-labelledby="dry-run-health-heading" data-testid="dry-run-health">
      <h4 id="dry-run-health-heading" className="pmo-dry-run__subhead">
        Project health
      </h4>
      <p data-testid="dry-run-health-headline">{dryRunHealthHeadline(health)}</p>
      {health === null ? null : (
        <p className="pmo-subtle">
          Compared on the portfolio data as of {formatTimestamp(health.asOf) ?? health.asOf}, without reading
          Jira again.
          {health.needsRefresh
            ? ' Changes to blocking links, RAID issue types or risk fields show in health only after the next refresh.'
            : ''}
        </p>
      )}
      {health !== null && health.changes.length > 0 ? (
        <table className="pmo-table pmo-table--compact" aria-label="Projects whose RAG would change">
          <ColumnHeads labels={['Project', 'RAG', 'Why, with the draft settings']} />
          <tbody>
            {health.changes.map((change) => (
              <tr
                key={change.projectKey}
                data-testid={`dry-run-health-${change.projectKey}`}
                data-from={change.from}
                data-to={change.to}
              >
                <td>
                  {change.projectName} <span className="pmo-subtlest pmo-key">{change.projectKey}</span>
                </td>
                <td>
                  <RagChange from={change.from} to={change.to} />
                </td>
                <td>
                  <HealthReasons change={change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The impact of the draft on today's issues, compared with the live configuration. */
export function DryRunResult({
  result,
  catalog,
  stale,
}: {
  result: DryRun;
  catalog: SiteCatalog;
  stale: boolean;
}) {
  const projects = result.perProject.filter(
    (project) => project.issues > 0 || project.newlyBlockedTransitions > 0 || project.affectedIssues > 0,
  );
  return (
    <section className="pmo-dry-run" aria-labelledby="dry-run-heading" data-testid="dry-run-result">
      <h3 id="dry-run-heading" className="pmo-dry-run__headline" data-testid="dry-run-headline">
        {dryRunHeadline(result)}
      </h3>
      <p className="pmo-subtle">
        {dryRunScope(result)}
        {stale ? ' You have changed the draft since: run the dry run again to see its impact.' : ''}
      </p>
      {result.problems.length > 0 ? (
        <ul className="pmo-plain-list pmo-problem-list" aria-label="Rules the dry run could not evaluate">
          {result.problems.map((problem) => (
            <li key={`${problem.standardId}:${problem.ruleId ?? ''}:${problem.message}`}>
              <span className="pmo-key">
                {problem.standardId}
                {problem.ruleId ? ` › ${problem.ruleId}` : ''}
              </span>
              : {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {projects.length > 0 ? (
        <table className="pmo-table pmo-table--compact" aria-label="Impact per project">
          <ColumnHeads labels={['Project', 'Newly non-compliant', 'Newly blocked transitions', 'Examples']} />
          <tbody>
            {projects.map((project) => (
              <tr key={project.projectKey} data-testid={`dry-run-project-${project.projectKey}`}>
                <td>
                  {projectName(catalog, project.projectKey)}{' '}
                  <span className="pmo-subtlest pmo-key">{project.projectKey}</span>
                </td>
                <td className="pmo-numeric">{project.issues}</td>
                <td className="pmo-numeric">{project.newlyBlockedTransitions}</td>
                <td>
                  <ProjectExamples project={project} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.newlyNonCompliant.issues === 0 && result.newlyBlockedTransitions === 0 ? (
        <Lozenge appearance="success">No new violations</Lozenge>
      ) : null}
      <HealthImpact health={result.health} />
      {result.ranking ? <RankingImpact ranking={result.ranking} /> : null}
    </section>
  );
}
