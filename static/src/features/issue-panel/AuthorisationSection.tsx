import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import type { DecisionView, IssueAuthorisation } from '@contracts/authorisation';
import { type DecisionOutcome, MAX_DECISION_REASON } from '@domain/scoring/decision';
import { useId, useState } from 'react';
import { errorTitle } from '../../shared/api/invoke-error';
import { DecisionLozenge } from '../../shared/authorisation/DecisionLozenge';
import { decisionScoreText } from '../../shared/authorisation/decision-format';
import { CandidateSection } from './CandidateSection';
import { formatWhen } from './standards-view';
import type { UseIssueAuthorisation } from './use-issue-authorisation';

type Candidate = Extract<IssueAuthorisation, { status: 'candidate' }>;

function GateState({ data }: { data: Candidate }) {
  if (!data.inInception) {
    return (
      <p className="pmo-subtle" data-testid="authorisation-stage">
        {data.stageName ? `In ${data.stageName}` : 'Not in a lifecycle stage'}: only candidates before
        Planning are authorised here.
      </p>
    );
  }
  if (data.gateGaps.length === 0) {
    return (
      <p className="pmo-subtle" data-testid="authorisation-gate">
        The Inception gate is ready: approving moves it to {data.planningStatus ?? 'Planning'}.
      </p>
    );
  }
  return (
    <SectionMessage
      appearance="warning"
      title="The Inception gate is not passed yet"
      testId="authorisation-gaps"
    >
      <p>Tick these items in the gate checklist above before approving:</p>
      <ul>
        {data.gateGaps.flatMap((gap) =>
          gap.items.map((item) => <li key={`${gap.standardName}/${item}`}>{item}</li>),
        )}
      </ul>
    </SectionMessage>
  );
}

function DecisionForm({ data, authorisation }: { data: Candidate; authorisation: UseIssueAuthorisation }) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<DecisionOutcome | null>(null);
  const needsReason = reason.trim().length < 3;
  const run = (outcome: DecisionOutcome) => {
    setPending(outcome);
    void authorisation.decide(outcome, reason).then((done) => {
      setPending(null);
      if (done) setReason('');
    });
  };
  return (
    <div className="pmo-stack--tight" data-testid="decision-form">
      <label htmlFor={reasonId} className="pmo-rating__label">
        Reason <span className="pmo-subtle">(required to defer or reject)</span>
      </label>
      <div>
        <TextArea
          id={reasonId}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={MAX_DECISION_REASON}
          minimumRows={2}
          resize="vertical"
          testId="decision-reason"
        />
      </div>
      <div className="pmo-row pmo-row--wrap">
        <Button
          appearance="primary"
          onClick={() => run('approved')}
          isDisabled={data.gateGaps.length > 0 || authorisation.deciding}
          isLoading={pending === 'approved'}
          testId="decision-approve"
        >
          Approve into {data.planningStatus ?? 'Planning'}
        </Button>
        <Button
          onClick={() => run('deferred')}
          isDisabled={needsReason || authorisation.deciding}
          isLoading={pending === 'deferred'}
          testId="decision-defer"
        >
          Defer
        </Button>
        <Button
          appearance="danger"
          onClick={() => run('rejected')}
          isDisabled={needsReason || authorisation.deciding}
          isLoading={pending === 'rejected'}
          testId="decision-reject"
        >
          Reject
        </Button>
      </div>
      {authorisation.decideError ? (
        <SectionMessage
          appearance="error"
          title={`Nothing was recorded: ${errorTitle(authorisation.decideError.code).toLowerCase()}`}
          testId="decision-error"
        >
          <p>{authorisation.decideError.message}</p>
        </SectionMessage>
      ) : null}
    </div>
  );
}

function DecisionItem({ decision }: { decision: DecisionView }) {
  return (
    <li data-testid={`decision-${decision.id}`}>
      <DecisionLozenge decision={decision} /> <span>{decision.byName}</span>{' '}
      <span className="pmo-subtle">{formatWhen(decision.at)}</span>
      <div className="pmo-subtle">
        {decision.score?.value == null ? '' : 'Score '}
        {decisionScoreText(decision.score)}
        {decision.rank === null ? '' : `, rank ${decision.rank}`}
        {decision.move ? ` · moved ${decision.move.from} → ${decision.move.to}` : ''}
      </div>
      {decision.reason ? <p className="pmo-decision__reason">{decision.reason}</p> : null}
    </li>
  );
}

const isCandidate = (data: IssueAuthorisation): data is Candidate => data.status === 'candidate';

/**
 * Authorisation at the Inception gate: whether the gate lets the candidate into Planning, Approve,
 * Defer and Reject for the authorisers, and every decision made on it.
 */
export function AuthorisationSection({ authorisation }: { authorisation: UseIssueAuthorisation }) {
  return (
    <CandidateSection
      result={authorisation.result}
      isCandidate={isCandidate}
      title="Authorisation"
      name="authorisation"
      loadingLabel="Loading the decisions"
      errorTitle="The decisions could not be loaded"
    >
      {(data) => (
        <div className="pmo-stack--tight">
          <GateState data={data} />
          {data.inInception && data.canDecide ? (
            <DecisionForm data={data} authorisation={authorisation} />
          ) : null}
          {data.inInception && !data.canDecide ? (
            <p className="pmo-subtle" data-testid="decision-refused">
              {data.notAllowedReason}
            </p>
          ) : null}
          {data.decisions.length === 0 ? (
            <p className="pmo-subtle">No decision yet.</p>
          ) : (
            <ul className="pmo-scorers pmo-decisions" aria-label="Decisions" data-testid="decisions">
              {data.decisions.map((decision) => (
                <DecisionItem key={decision.id} decision={decision} />
              ))}
            </ul>
          )}
        </div>
      )}
    </CandidateSection>
  );
}
