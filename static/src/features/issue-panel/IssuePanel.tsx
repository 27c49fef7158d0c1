import Heading from '@atlaskit/heading';
import type { IssueOverview } from '@contracts/resolver-contract';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useIssueKey } from '../../shared/api/context';
import { type UseResolver, useResolver } from '../../shared/api/use-resolver';
import { formatCount } from '../../shared/lib/format';
import { ErrorState } from '../../shared/ui/ErrorState';
import { JiraLink } from '../../shared/ui/JiraLink';
import { LoadingState } from '../../shared/ui/LoadingState';
import { ProjectAvatar } from '../../shared/ui/ProjectAvatar';
import {
  CATEGORY_LABEL,
  CountLozenge,
  type StatusCategory,
  StatusLozenge,
} from '../../shared/ui/StatusLozenges';
import './issue-panel.css';
import { AuthorisationSection } from './AuthorisationSection';
import { ScoringSection } from './ScoringSection';
import { StandardsSection } from './StandardsSection';
import { useIssueAuthorisation } from './use-issue-authorisation';
import { useIssueScoring } from './use-issue-scoring';
import { useIssueStandards } from './use-issue-standards';
import { useRefreshOnIssueChange } from './use-refresh-on-issue-change';

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

function IssueFacts({ issue }: { issue: IssueOverview }) {
  const { project } = issue;
  return (
    <div className="pmo-stack">
      <p className="pmo-subtle pmo-truncate" title={issue.summary} data-testid="issue-summary">
        <span className="pmo-key">{issue.key}</span> · {issue.issueType} · {issue.summary}
      </p>
      <dl className="pmo-facts">
        <dt>Status</dt>
        <dd data-testid="issue-status">
          <StatusLozenge name={issue.status.name} category={issue.status.category} />
        </dd>
        <dt>Project</dt>
        <dd className="pmo-project-cell">
          <ProjectAvatar url={project.avatarUrl} name={project.name} size={20} />
          <span className="pmo-truncate">
            <JiraLink url={project.url}>{project.name}</JiraLink>{' '}
            <span className="pmo-subtle">({project.key})</span>
          </span>
        </dd>
        <dt>Project issues</dt>
        <dd data-testid="project-counts">
          {project.counts === null ? (
            <span className="pmo-subtle">Counts are not available right now</span>
          ) : (
            <ul className="pmo-counts" aria-label={`Issues in ${project.key} by status category`}>
              {CATEGORIES.map((category) => (
                <li key={category}>
                  <span className="pmo-subtlest">{CATEGORY_LABEL[category]}</span>
                  <CountLozenge category={category} value={project.counts?.[category] ?? null} />
                </li>
              ))}
              {project.total !== null ? (
                <li>
                  <span className="pmo-subtlest">Total</span>
                  <span className="pmo-numeric">{formatCount(project.total)}</span>
                </li>
              ) : null}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}

function IssueOverviewSection({ result }: { result: UseResolver<IssueOverview> }) {
  if (result.status === 'loading') return <LoadingState label="Loading PMO details" compact />;
  if (result.status === 'error') {
    return (
      <ErrorState error={result.error} what="load the PMO details of this issue" onRetry={result.reload} />
    );
  }
  return <IssueFacts issue={result.data} />;
}

/** The issue's facts and its PMO standards, both fetched again whenever the issue may have changed. */
function IssueDetailsFor({ issueKey }: { issueKey: string }) {
  const payload = useMemo(() => ({ issueKey }), [issueKey]);
  const overview = useResolver('getIssueOverview', payload);
  const standards = useIssueStandards(issueKey);
  const scoring = useIssueScoring(issueKey);
  const reloadOverview = overview.reload;
  const reloadStandards = standards.reload;
  const reloadScoring = scoring.result.reload;
  // An approval moves the issue: its status, gates and score context are read again.
  const afterDecision = useCallback(() => {
    reloadOverview();
    reloadStandards();
    reloadScoring();
  }, [reloadOverview, reloadStandards, reloadScoring]);
  const authorisation = useIssueAuthorisation(issueKey, afterDecision);
  const reloadAuthorisation = authorisation.result.reload;
  const refresh = useCallback(() => {
    afterDecision();
    reloadAuthorisation();
  }, [afterDecision, reloadAuthorisation]);
  useRefreshOnIssueChange(refresh);
  // A ticked or unticked gate item changes what the Inception gate still needs.
  const standardsData = standards.state.status === 'ready' ? standards.state.data : null;
  const shownStandards = useRef(standardsData);
  useEffect(() => {
    const before = shownStandards.current;
    shownStandards.current = standardsData;
    if (before && standardsData && before !== standardsData) reloadAuthorisation();
  }, [standardsData, reloadAuthorisation]);
  return (
    <>
      <IssueOverviewSection result={overview} />
      <StandardsSection standards={standards} />
      <ScoringSection scoring={scoring} />
      <AuthorisationSection authorisation={authorisation} />
    </>
  );
}

/**
 * The issue panel: the issue's status and its project's figures (compact), then the PMO standards
 * that apply to it. Narrow by design (Jira gives a panel 350-600 px).
 */
export function IssuePanel() {
  const issue = useIssueKey();
  return (
    <main className="pmo-page pmo-page--compact pmo-stack--tight pmo-issue-panel">
      <Heading size="xsmall" as="h1">
        PMO Portfolio{issue.status === 'ready' ? ` for ${issue.issueKey}` : ''}
      </Heading>
      {issue.status === 'loading' ? <LoadingState label="Loading PMO details" compact /> : null}
      {issue.status === 'error' ? (
        <ErrorState error={issue.error} what="find out which issue this is" onRetry={issue.retry} />
      ) : null}
      {issue.status === 'ready' ? <IssueDetailsFor issueKey={issue.issueKey} /> : null}
    </main>
  );
}
