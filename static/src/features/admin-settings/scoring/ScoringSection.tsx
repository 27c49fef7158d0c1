import Button from '@atlaskit/button/new';
import type { MissingValueRule } from '@domain/scoring/schema';
import type { TickAudience } from '@domain/standards/schema';
import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { TickAudienceField } from '../standards/rules/TickAudienceField';
import { CheckboxField, RadioGroup } from '../ui/ChoiceFields';
import { type ScopePicker, ScopePickers } from '../ui/ScopePickers';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { OptionalTextField, TextField } from '../ui/TextFields';
import { ModelCard } from './ModelCard';
import { addPresetModel, PRESET_CHOICES, removeModel, replaceModel, withScoring } from './scoring-edits';

const MISSING_CHOICES: readonly { value: MissingValueRule; label: string; help: string }[] = [
  {
    value: 'unranked',
    label: 'Leave it unranked',
    help: 'Shown as incomplete; ranked once every criterion is rated.',
  },
  {
    value: 'worst',
    label: 'Count missing values as the worst level',
    help: 'Ranked now, never above what a full rating could give.',
  },
  { value: 'skip', label: 'Score from the rated criteria alone', help: 'Ranked now on what is known.' },
];

const CANDIDATE_PICKERS: readonly ScopePicker<'issueTypes' | 'projectKeys'>[] = [
  { list: 'issueTypes', emptyText: 'Any issue type', testSuffix: 'types' },
  { list: 'projectKeys', emptyText: 'Any project', testSuffix: 'projects' },
];

/** Scoring: the models candidates are scored with, which issues are candidates, who rates them. */
export function ScoringSection({ config, update, problems, catalog }: EditorProps) {
  const scoring = config.scoring;
  const change = (recipe: Parameters<typeof withScoring>[1]) => update((draft) => withScoring(draft, recipe));
  const aggregation = scoring.aggregation;
  /** Who may score or authorise, edited in place; unset is the default audience, so it stores nothing. */
  const audienceOf = (key: 'scorers' | 'authorisers') => ({
    audience: scoring[key],
    onChange: (audience: TickAudience | undefined) =>
      change((s) => {
        const { [key]: _previous, ...rest } = s;
        return audience ? { ...rest, [key]: audience } : rest;
      }),
    problems: problemsAt(problems, ['scoring', key]),
    testId: `scoring-${key}`,
  });
  return (
    <div className="pmo-stack">
      <SectionIntro section="scoring">
        Score proposals with your criteria, rank them in the portfolio's Prioritise view, and authorise them
        through the Inception gate.
      </SectionIntro>
      <CheckboxField
        label="Score and prioritise candidates"
        checked={scoring.enabled}
        onChange={(enabled) => change((s) => ({ ...s, enabled }))}
        help="Adds a Scoring section to the issue panel of candidates and the Prioritise view to the portfolio page."
        testId="scoring-enabled"
      />

      <fieldset className="pmo-group">
        <legend>Candidates</legend>
        <p className="pmo-subtle">
          Issues that match every condition you set, for example the Proposal type of an intake project, or
          epics.
        </p>
        <ScopePickers
          pickers={CANDIDATE_PICKERS}
          values={scoring.candidates}
          onChange={(list, values) =>
            change((s) => ({ ...s, candidates: { ...s.candidates, [list]: values } }))
          }
          problemsOf={(list) => problemsAt(problems, ['scoring', 'candidates', list])}
          catalog={catalog}
          testId="scoring-candidate"
        />
        <OptionalTextField
          label="And matching JQL"
          value={scoring.candidates.jql}
          onChange={(jql) => change((s) => ({ ...s, candidates: { ...s.candidates, jql } }))}
          problems={problemsAt(problems, ['scoring', 'candidates', 'jql'])}
          placeholder='e.g. labels = "intake-2027"'
          help="Optional. Checked with Jira when you publish."
          maxLength={4000}
          width="wide"
          testId="scoring-candidate-jql"
        />
      </fieldset>

      <fieldset className="pmo-group">
        <legend>Who may score</legend>
        <TickAudienceField {...audienceOf('scorers')} itemLabel="candidates" action="score" />
        <RadioGroup
          legend="When several people score"
          name="scoring-aggregation"
          value={aggregation.kind}
          options={[
            {
              value: 'average',
              label: 'Average their ratings',
              help: 'Each criterion is the mean of everyone who rated it.',
            },
            {
              value: 'designated',
              label: 'Only one designated scorer counts',
              help: 'Others may rate; their ratings are kept but not counted.',
            },
          ]}
          onChange={(kind) =>
            change((s) => ({
              ...s,
              aggregation:
                kind === 'average'
                  ? { kind }
                  : { kind, accountId: aggregation.kind === 'designated' ? aggregation.accountId : '' },
            }))
          }
          testId="scoring-aggregation"
        />
        {aggregation.kind === 'designated' ? (
          <TextField
            label="Designated scorer's Atlassian account id"
            value={aggregation.accountId}
            onChange={(accountId) =>
              change((s) => ({ ...s, aggregation: { kind: 'designated', accountId } }))
            }
            problems={problemsAt(problems, ['scoring', 'aggregation', 'accountId'])}
            maxLength={128}
            width="medium"
            testId="scoring-designated"
          />
        ) : null}
        <RadioGroup
          legend="A score with missing ratings"
          name="scoring-missing"
          value={scoring.missingValues}
          options={MISSING_CHOICES}
          onChange={(missingValues) => change((s) => ({ ...s, missingValues }))}
          testId="scoring-missing"
        />
      </fieldset>

      <fieldset className="pmo-group">
        <legend>Who may authorise at the Inception gate</legend>
        <p className="pmo-subtle">
          Approve, defer or reject a proposal in the issue panel. Approving moves it into Planning.
        </p>
        <TickAudienceField
          {...audienceOf('authorisers')}
          itemLabel="proposals"
          action="authorise"
          unsetMeans="pmo"
        />
      </fieldset>

      <fieldset className="pmo-group">
        <legend>Models</legend>
        <SelectField
          label="Score candidates with"
          value={scoring.activeModelId ?? ''}
          options={scoring.models.map((model) => ({ value: model.id, label: model.name }))}
          onChange={(activeModelId) =>
            change((s) => ({ ...s, activeModelId: activeModelId === '' ? null : activeModelId }))
          }
          problems={problemsAt(problems, ['scoring', 'activeModelId'])}
          placeholder="No model"
          help="Changing weights or scales later keeps old scores, marked with the model version they were made with."
          testId="scoring-active-model"
        />
        <ul className="pmo-cards">
          {scoring.models.map((model, index) => (
            <li key={model.id}>
              <ModelCard
                model={model}
                index={index}
                active={model.id === scoring.activeModelId}
                onChange={(next) => change((s) => replaceModel(s, next, index))}
                onRemove={() => change((s) => removeModel(s, model.id))}
                catalog={catalog}
                problems={problems}
              />
            </li>
          ))}
        </ul>
        <div className="pmo-row pmo-row--wrap">
          <span className="pmo-subtle">Add a model from a preset:</span>
          {PRESET_CHOICES.map((preset) => (
            <Button
              key={preset.value}
              onClick={() => change((s) => addPresetModel(s, preset.value))}
              testId={`scoring-add-${preset.value}`}
            >
              {preset.label}
            </Button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
