import Lozenge from '@atlaskit/lozenge';
import type { DryRunResult as DryRun } from '@contracts/settings';
import { JiraLink } from '../../../shared/ui/JiraLink';
import { projectName, type SiteCatalog } from '../catalog';
import { dryRunHeadline, dryRunScope } from './dry-run-text';

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
    (project) => project.issues > 0 || project.newlyBlockedTransitions > 0,
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
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Newly non-compliant</th>
              <th scope="col">Newly blocked transitions</th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
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
                  {project.sample.length === 0 ? <span className="pmo-subtle">—</span> : null}
                  <ul className="pmo-plain-list pmo-samples">
                    {project.sample.map((issue) => (
                      <li key={issue.key}>
                        <JiraLink url={`/browse/${encodeURIComponent(issue.key)}`} className="pmo-key">
                          {issue.key}
                        </JiraLink>{' '}
                        <span>{issue.summary}</span>
                        {issue.messages.length > 0 ? (
                          <span className="pmo-subtlest pmo-block">{issue.messages.join(' · ')}</span>
                        ) : null}
                      </li>
                    ))}
                    {project.issues > project.sample.length ? (
                      <li className="pmo-subtlest">and {project.issues - project.sample.length} more</li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.newlyNonCompliant.issues === 0 && result.newlyBlockedTransitions === 0 ? (
        <Lozenge appearance="success">No new violations</Lozenge>
      ) : null}
    </section>
  );
}
