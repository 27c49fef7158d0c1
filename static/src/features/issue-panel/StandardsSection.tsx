import Lozenge from '@atlaskit/lozenge';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { IssueStandards } from '@contracts/standards';
import { type ReactNode, useId } from 'react';
import { errorTitle, type InvokeError } from '../../shared/api/invoke-error';
import { issueUrl } from '../../shared/lib/jira-url';
import { ErrorState } from '../../shared/ui/ErrorState';
import { JiraLink } from '../../shared/ui/JiraLink';
import { StatusLozenge } from '../../shared/ui/StatusLozenges';
import { NextGate, OtherGate } from './GateChecklist';
import {
  BADGE,
  configVersionLabel,
  formatDay,
  formatWhen,
  groupByStandard,
  historyText,
  MODE,
  orderGates,
  problemText,
  sortDependencies,
  standardsMetSentence,
  type Violation,
} from './standards-view';
import type { UseIssueStandards } from './use-issue-standards';

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  const headingId = useId();
  return (
    <section className="pmo-panel-section" aria-labelledby={headingId} data-testid={testId}>
      <h3 className="pmo-panel-section__title" id={headingId}>
        {title}
      </h3>
      {children}
    </section>
  );
}

function ComplianceBadge({ data }: { data: IssueStandards }) {
  const badge = BADGE[data.badge];
  return (
    <span className="pmo-badge" data-testid="compliance-badge" data-badge={data.badge}>
      <Lozenge appearance={badge.appearance} isBold maxWidth="100%">
        {badge.label}
      </Lozenge>
    </span>
  );
}

function BlockerLinks({ keys }: { keys: readonly string[] }) {
  if (keys.length === 0) return null;
  return (
    <span className="pmo-inline-list">
      {keys.map((key) => (
        <JiraLink key={key} url={issueUrl(key)} className="pmo-key">
          {key}
        </JiraLink>
      ))}
    </span>
  );
}

/** Violations grouped by standard: the standard, its mode, then one line per rule broken. */
function ViolationList({ violations }: { violations: readonly Violation[] }) {
  return (
    <ul className="pmo-violation-groups">
      {groupByStandard(violations).map((group) => {
        const mode = MODE[group.mode];
        return (
          <li key={group.standardId} className={`pmo-violation-group pmo-violation-group--${group.mode}`}>
            <div className="pmo-violation-group__head">
              <span className="pmo-violation-group__name">{group.standardName}</span>
              <span title={mode.hint}>
                <Lozenge appearance={mode.appearance}>{mode.label}</Lozenge>
              </span>
            </div>
            <ul className="pmo-violations">
              {group.violations.map((violation) => (
                <li
                  key={`${violation.ruleId}:${violation.message}`}
                  data-testid={`violation-${violation.standardId}-${violation.ruleId}`}
                  data-mode={violation.mode}
                >
                  <span>{violation.message}</span>
                  {violation.fields.length > 0 ? (
                    <span className="pmo-field-list">
                      <span className="pmo-visually-hidden">Fields: </span>
                      {violation.fields.map((field) => (
                        <span key={field.id} className="pmo-tag" title={field.id}>
                          {field.name}
                        </span>
                      ))}
                    </span>
                  ) : null}
                  <BlockerLinks keys={violation.blockers} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

function Problems({ data }: { data: IssueStandards }) {
  if (data.problems.length === 0) return null;
  const names = new Map(data.applicable.map((standard) => [standard.id, standard.name]));
  return (
    <div data-testid="standards-problems">
      <SectionMessage appearance="warning" title="Some PMO settings can't be applied here">
        <ul className="pmo-problems">
          {data.problems.map((problem) => (
            <li key={`${problem.standardId}/${problem.ruleId ?? ''}/${problem.message}`}>
              {problemText(problem, names)}
            </li>
          ))}
        </ul>
        <p className="pmo-subtle">A Jira admin can fix this in the PMO settings.</p>
      </SectionMessage>
    </div>
  );
}

function Dependencies({ data }: { data: IssueStandards }) {
  if (data.dependencies.length === 0) return null;
  const unreadable = data.dependencies.some((dependency) => dependency.detailsUnavailable);
  return (
    <Section title="Blocked by">
      {unreadable ? (
        <SectionMessage
          appearance="warning"
          title="Blockers could not be read completely"
          testId="dependencies-partial"
        >
          <p>
            Jira did not answer for the blocking issues' due dates, so whether they are late is unknown.
            Reopen the issue to try again.
          </p>
        </SectionMessage>
      ) : null}
      <ul className="pmo-dependencies">
        {sortDependencies(data.dependencies).map((dependency) => (
          <li
            key={dependency.key}
            className={dependency.late ? 'pmo-dependency pmo-dependency--late' : 'pmo-dependency'}
            data-testid={`dependency-warning-${dependency.key}`}
            data-late={dependency.late ? 'true' : 'false'}
          >
            <div className="pmo-dependency__head">
              <JiraLink url={issueUrl(dependency.key)} className="pmo-key">
                {dependency.key}
              </JiraLink>
              {dependency.status ? (
                <StatusLozenge name={dependency.status.name} category={dependency.status.category} />
              ) : null}
              {dependency.late ? <Lozenge appearance="removed">Late</Lozenge> : null}
              {dependency.otherProject ? <span className="pmo-tag">Other project</span> : null}
            </div>
            {dependency.summary !== null ? (
              <span className="pmo-dependency__summary">{dependency.summary}</span>
            ) : null}
            <span className="pmo-subtle">
              {dependency.message}
              {dependency.dueDate !== null && !dependency.message.includes(dependency.dueDate)
                ? ` Due ${formatDay(dependency.dueDate)}.`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function History({ data }: { data: IssueStandards }) {
  if (data.history.length === 0) return null;
  return (
    <details className="pmo-disclosure pmo-panel-section" data-testid="checklist-history">
      <summary className="pmo-panel-section__title">Checklist history ({data.history.length})</summary>
      <ol className="pmo-history">
        {data.history.map((entry) => (
          <li key={`${entry.at}/${entry.ruleId}/${entry.itemId}/${entry.ticked}`}>
            {historyText(entry)} ·{' '}
            <time dateTime={entry.at} className="pmo-nowrap">
              {formatWhen(entry.at)}
            </time>
          </li>
        ))}
      </ol>
    </details>
  );
}

function Gates({ data, standards }: { data: IssueStandards; standards: UseIssueStandards }) {
  if (data.gates.length === 0) return null;
  const { next, others } = orderGates(data.gates);
  const anyTickable = data.gates.some((gate) => gate.items.some((item) => item.tickable));
  const props = {
    saving: standards.saving,
    itemError: standards.itemError,
    onChange: standards.setItem,
  };
  return (
    <Section title="Gate checklists">
      {data.canTick ? null : (
        <p className="pmo-subtle" data-testid="checklist-read-only">
          {anyTickable
            ? `You can tick only the items below that name you; the others need the Edit issues permission on ${data.issue.key}.`
            : `You need the Edit issues permission on ${data.issue.key} to tick gate items.`}
        </p>
      )}
      <div className="pmo-gates">
        {next.map((gate) => (
          <NextGate key={gate.ruleId} gate={gate} {...props} />
        ))}
        {others.map((gate) => (
          <OtherGate key={gate.ruleId} gate={gate} {...props} />
        ))}
      </div>
    </Section>
  );
}

function NextStage({ data }: { data: IssueStandards }) {
  const next = data.stage.next;
  if (next === null || data.applicable.length === 0) return null;
  const title = `Before ${next.name}`;
  return (
    <Section title={title} testId="next-stage-violations">
      {data.nextStageViolations.length === 0 ? (
        <p className="pmo-subtle pmo-ok">
          Nothing more is needed to move to {next.name} ({next.status}).
        </p>
      ) : (
        <>
          <p className="pmo-subtle">
            Moving to {next.status} {data.violations.length > 0 ? 'also needs' : 'needs'}:
          </p>
          <ViolationList violations={data.nextStageViolations} />
        </>
      )}
    </Section>
  );
}

function StandardsBody({ data, standards }: { data: IssueStandards; standards: UseIssueStandards }) {
  if (data.badge === 'not-covered') {
    return (
      <>
        <div className="pmo-panel-empty" data-testid="standards-empty">
          <p>
            No PMO standard applies to this {data.issue.issueType.toLowerCase()} in {data.issue.projectKey}
            {data.stage.current ? ` at the ${data.stage.current.name} stage` : ''}.
          </p>
          <p className="pmo-subtle">
            Standards, gates and checklists are set by a Jira admin in PMO settings.
          </p>
        </div>
        <Dependencies data={data} />
      </>
    );
  }
  return (
    <>
      {data.violations.length > 0 ? (
        <Section title="Missing now">
          <ViolationList violations={data.violations} />
        </Section>
      ) : (
        <p className="pmo-subtle pmo-ok" data-testid="standards-met">
          {standardsMetSentence(data.applicable.length, data.stage.current?.name ?? null)}
        </p>
      )}
      <NextStage data={data} />
      <Gates data={data} standards={standards} />
      <Dependencies data={data} />
      <History data={data} />
    </>
  );
}

function RefreshError({ error, onRetry }: { error: InvokeError; onRetry: () => void }) {
  return (
    <SectionMessage
      appearance="warning"
      title="Showing the last known state"
      actions={[
        <SectionMessageAction key="retry" onClick={onRetry}>
          Retry
        </SectionMessageAction>,
      ]}
    >
      <p>
        {errorTitle(error.code)}: {error.message}
      </p>
    </SectionMessage>
  );
}

/** The PMO settings cannot be read: nothing about the standards is known, and only an admin can fix it. */
function ConfigUnreadable({ error, onRetry }: { error: InvokeError; onRetry: () => void }) {
  return (
    <div className="pmo-error" data-testid="error-state" data-code={error.code}>
      <SectionMessage
        appearance="warning"
        title={errorTitle('CONFIG_UNREADABLE')}
        actions={[
          <SectionMessageAction key="retry" onClick={onRetry}>
            Retry
          </SectionMessageAction>,
        ]}
      >
        <p>
          The stored PMO settings can't be read, so the standards of this issue can't be shown. Ask a Jira
          admin to restore a working version in PMO settings; until then, transitions are not blocked.
        </p>
        <p className="pmo-subtle">{error.message}</p>
      </SectionMessage>
    </div>
  );
}

function StandardsSkeleton() {
  return (
    <div className="pmo-skeleton" role="status" aria-live="polite" data-testid="standards-loading">
      <span className="pmo-visually-hidden">Loading PMO standards</span>
      <span className="pmo-skeleton__line pmo-skeleton__line--short" />
      <span className="pmo-skeleton__line" />
      <span className="pmo-skeleton__line" />
      <span className="pmo-skeleton__line pmo-skeleton__line--medium" />
    </div>
  );
}

/** The PMO standards on this issue: badge, what is missing, gate checklists, blockers, history. */
export function StandardsSection({ standards }: { standards: UseIssueStandards }) {
  const headingId = useId();
  const { state } = standards;
  return (
    <section className="pmo-standards" aria-labelledby={headingId}>
      <div className="pmo-standards__header">
        <h2 className="pmo-standards__title" id={headingId}>
          PMO standards
        </h2>
        {state.status === 'ready' ? (
          <>
            <ComplianceBadge data={state.data} />
            <span className="pmo-subtlest" data-testid="config-version">
              {configVersionLabel(state.data.configVersion)}
            </span>
            {state.refreshing ? <Spinner size="small" label="Refreshing PMO standards" /> : null}
          </>
        ) : null}
      </div>
      {state.status === 'loading' ? <StandardsSkeleton /> : null}
      {state.status === 'error' ? (
        state.error.code === 'CONFIG_UNREADABLE' ? (
          <ConfigUnreadable error={state.error} onRetry={standards.reload} />
        ) : (
          <ErrorState
            error={state.error}
            what="load the PMO standards of this issue"
            onRetry={standards.reload}
          />
        )
      ) : null}
      {state.status === 'ready' ? (
        <div className="pmo-stack--tight">
          {state.refreshError ? <RefreshError error={state.refreshError} onRetry={standards.reload} /> : null}
          <StandardsBody data={state.data} standards={standards} />
          <Problems data={state.data} />
        </div>
      ) : null}
    </section>
  );
}
