import Button from '@atlaskit/button/new';
import type { ScoringModel } from '@domain/scoring/schema';
import type { SiteCatalog } from '../catalog';
import { type Problems, problemsAt } from '../draft/validation';
import type { Choice } from '../ui/choices';
import { ProblemText } from '../ui/FieldFrame';
import { RowButton } from '../ui/RowButton';
import { SelectField } from '../ui/SelectField';
import { SettingsCard } from '../ui/SettingsCard';
import { TextField } from '../ui/TextFields';
import { CriterionEditor } from './CriterionEditor';
import { newCriterion } from './scoring-edits';

const FORMULA_CHOICES: readonly Choice<ScoringModel['formula']>[] = [
  { value: 'weighted', label: 'Weighted score 0–100' },
  { value: 'ratio', label: 'Ratio: value / size (WSJF)' },
  { value: 'product', label: 'Product: value × … / effort (RICE)' },
];

const FORMULA_HELP: Record<ScoringModel['formula'], string> = {
  weighted: 'Each value is placed 0–1 in its direction; the score is the weighted mean, as 0–100.',
  ratio:
    'The weighted sum of the higher-is-better criteria over the weighted sum of the higher-is-worse ones: (business value + time criticality + risk reduction) / job size.',
  product:
    'The higher-is-better values multiplied, over the higher-is-worse ones multiplied: reach × impact × confidence / effort. Unequal weights act as powers.',
};

/** One scoring model: its name, formula and criteria. */
export function ModelCard({
  model,
  index,
  active,
  onChange,
  onRemove,
  catalog,
  problems,
}: {
  model: ScoringModel;
  index: number;
  active: boolean;
  onChange: (model: ScoringModel) => void;
  onRemove: () => void;
  catalog: SiteCatalog;
  problems: Problems;
}) {
  const path = ['scoring', 'models', index];
  const testId = `scoring-model-${model.id}`;
  return (
    <SettingsCard
      as="section"
      name={
        <>
          {model.name}
          {active ? <span className="pmo-subtle"> · used for scoring</span> : null}
        </>
      }
      summary={`${model.criteria.length} criteria · ${FORMULA_CHOICES.find((choice) => choice.value === model.formula)?.label ?? ''}`}
      actions={
        <RowButton
          label={`Remove model ${model.name}`}
          action="remove"
          onClick={onRemove}
          testId={`${testId}-remove`}
        />
      }
      label={`Scoring model ${model.name}`}
      testId={testId}
    >
      <div className="pmo-inline-fields">
        <TextField
          label="Model name"
          value={model.name}
          onChange={(name) => onChange({ ...model, name })}
          problems={problemsAt(problems, [...path, 'name'])}
          maxLength={120}
          width="medium"
          testId={`${testId}-name`}
        />
        <SelectField
          label="Formula"
          value={model.formula}
          options={FORMULA_CHOICES}
          onChange={(formula) => onChange({ ...model, formula })}
          help={FORMULA_HELP[model.formula]}
          problems={problemsAt(problems, [...path, 'formula'])}
          testId={`${testId}-formula`}
          className="pmo-criterion__select"
        />
      </div>
      <ProblemText messages={problemsAt(problems, [...path, 'criteria'])} />
      <ul className="pmo-rules">
        {model.criteria.map((criterion, c) => (
          <li key={criterion.id}>
            <CriterionEditor
              criterion={criterion}
              onChange={(next) =>
                onChange({ ...model, criteria: model.criteria.map((old, i) => (i === c ? next : old)) })
              }
              onRemove={() => onChange({ ...model, criteria: model.criteria.filter((_, i) => i !== c) })}
              canRemove={model.criteria.length > 1}
              catalog={catalog}
              problems={problems}
              path={[...path, 'criteria', c]}
              testId={`${testId}-criterion-${criterion.id}`}
            />
          </li>
        ))}
      </ul>
      <div className="pmo-add-row">
        <Button
          onClick={() => onChange({ ...model, criteria: [...model.criteria, newCriterion(model)] })}
          testId={`${testId}-add-criterion`}
        >
          Add criterion
        </Button>
      </div>
    </SettingsCard>
  );
}
