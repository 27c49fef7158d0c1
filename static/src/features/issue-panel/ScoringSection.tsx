import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import type { CriterionView, IssueScoring } from '@contracts/scoring';
import { useEffect, useId, useState } from 'react';
import { errorTitle } from '../../shared/api/invoke-error';
import { ScoreBars } from '../../shared/scoring/ScoreBars';
import { formatScore, incompleteText, MISSING_RULE_TEXT } from '../../shared/scoring/score-format';
import { CandidateSection } from './CandidateSection';
import { formatWhen } from './standards-view';
import type { UseIssueScoring } from './use-issue-scoring';

type Candidate = Extract<IssueScoring, { status: 'candidate' }>;

type Option = { value: number; label: string };

const THEME_OPTIONS: Option[] = [
  { value: 0, label: '0 · Not aligned' },
  { value: 1, label: '1 · Weak' },
  { value: 2, label: '2 · Good' },
  { value: 3, label: '3 · Strong' },
];

function optionsOf(criterion: CriterionView): Option[] {
  if (criterion.input.kind === 'theme') return THEME_OPTIONS;
  if (criterion.input.kind === 'scale')
    return criterion.input.levels.map((level, index) => ({
      value: index + 1,
      label: `${index + 1} · ${level.label}`,
    }));
  return [];
}

function RatingField({
  criterion,
  value,
  onChange,
  disabled,
}: {
  criterion: CriterionView;
  value: number | undefined;
  onChange: (value: number) => void;
  disabled: boolean;
}) {
  const id = useId();
  const options = optionsOf(criterion);
  if (criterion.input.kind === 'field') {
    return (
      <div className="pmo-rating">
        <span className="pmo-rating__label">{criterion.name}</span>
        <span className="pmo-subtle" data-testid={`rating-${criterion.id}-field`}>
          {criterion.input.value === null
            ? `${criterion.input.fieldName} is empty`
            : `${criterion.input.value} (from ${criterion.input.fieldName})`}
        </span>
      </div>
    );
  }
  const direction = criterion.direction === 'higherIsWorse' ? 'higher is worse' : 'higher is better';
  return (
    <div className="pmo-rating">
      <label className="pmo-rating__label" htmlFor={id}>
        {criterion.name} <span className="pmo-subtle">({direction})</span>
      </label>
      <Select<Option>
        inputId={id}
        options={options}
        value={options.find((option) => option.value === value) ?? null}
        onChange={(picked) => {
          if (picked) onChange(picked.value);
        }}
        placeholder="Not rated"
        isDisabled={disabled}
        isSearchable={false}
        menuPlacement="auto"
        testId={`rating-${criterion.id}`}
        spacing="compact"
      />
    </div>
  );
}

function ScoreHeadline({ data }: { data: Candidate }) {
  const incomplete = incompleteText(data.result);
  return (
    <div className="pmo-score-headline">
      <span className="pmo-score-headline__value" data-testid="score-value">
        {formatScore(data.result.score, data.model.formula)}
      </span>
      <span className="pmo-subtle">{data.model.name}</span>
      {incomplete ? (
        <span title={MISSING_RULE_TEXT[data.missingValues]}>
          <Lozenge appearance="moved">{incomplete}</Lozenge>
        </span>
      ) : (
        <Lozenge appearance="success">Complete</Lozenge>
      )}
    </div>
  );
}

function Scorers({ data }: { data: Candidate }) {
  if (data.scorers.length === 0) return <p className="pmo-subtle">No one has rated this candidate yet.</p>;
  return (
    <ul className="pmo-scorers" aria-label="Rated by" data-testid="scorers">
      {data.scorers.map((scorer) => (
        <li key={scorer.accountId}>
          <span>{scorer.displayName}</span> <span className="pmo-subtle">{formatWhen(scorer.at)}</span>
          {scorer.counts ? null : (
            <span
              title={`Only ${data.aggregation.designatedName ?? 'the designated scorer'}'s rating counts`}
            >
              {' '}
              <Lozenge>Not counted</Lozenge>
            </span>
          )}
          {scorer.currentVersion ? null : (
            <span
              title={`Rated under model version ${scorer.modelVersion}; the model is now version ${data.model.version}`}
            >
              {' '}
              <Lozenge appearance="moved">Earlier model version</Lozenge>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function RatingForm({ data, scoring }: { data: Candidate; scoring: UseIssueScoring }) {
  const [ratings, setRatings] = useState<Record<string, number>>(data.mine ?? {});
  const [saved, setSaved] = useState(false);
  // The server's answer (after a save or a reload) is what the form starts from.
  useEffect(() => setRatings(data.mine ?? {}), [data.mine]);
  const rateable = data.model.criteria.filter((criterion) => criterion.input.kind !== 'field');
  const changed = JSON.stringify(ratings) !== JSON.stringify(data.mine ?? {});
  return (
    <form
      className="pmo-rating-form"
      aria-label="Your rating"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void scoring.save(ratings).then(setSaved);
      }}
    >
      {data.model.criteria.map((criterion) => (
        <RatingField
          key={criterion.id}
          criterion={criterion}
          value={ratings[criterion.id]}
          disabled={!data.canScore || scoring.saving}
          onChange={(value) => {
            setSaved(false);
            setRatings((current) => ({ ...current, [criterion.id]: value }));
          }}
        />
      ))}
      {data.canScore ? (
        <div className="pmo-row">
          <Button
            type="submit"
            appearance="primary"
            isDisabled={!changed || rateable.length === 0}
            isLoading={scoring.saving}
            testId="score-save"
          >
            {data.mine ? 'Update my rating' : 'Save my rating'}
          </Button>
          {saved && !changed ? (
            <span className="pmo-subtle" role="status">
              Saved
            </span>
          ) : null}
        </div>
      ) : (
        <p className="pmo-subtle" data-testid="score-refused">
          {data.notScorableReason}
        </p>
      )}
      {scoring.saveError ? (
        <SectionMessage
          appearance="error"
          title={`Your rating was not saved: ${errorTitle(scoring.saveError.code).toLowerCase()}`}
          testId="score-error"
        >
          <p>{scoring.saveError.message}</p>
        </SectionMessage>
      ) : null}
    </form>
  );
}

const isCandidate = (data: IssueScoring): data is Candidate => data.status === 'candidate';

/** The candidate's score, its breakdown, who rated it, and the viewer's own rating. */
export function ScoringSection({ scoring }: { scoring: UseIssueScoring }) {
  return (
    <CandidateSection
      result={scoring.result}
      isCandidate={isCandidate}
      title="Scoring"
      name="scoring"
      loadingLabel="Loading the score"
      errorTitle="The score could not be loaded"
    >
      {(data) => (
        <div className="pmo-stack--tight">
          <ScoreHeadline data={data} />
          <ScoreBars result={data.result} label={`Breakdown of ${data.issue.key}'s score`} />
          <Scorers data={data} />
          <RatingForm data={data} scoring={scoring} />
        </div>
      )}
    </CandidateSection>
  );
}
