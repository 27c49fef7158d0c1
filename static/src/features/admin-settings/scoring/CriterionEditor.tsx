import type { Criterion, CriterionInput } from '@domain/scoring/schema';
import type { SiteCatalog } from '../catalog';
import { fieldRefChoices, fieldRefFromValue, fieldRefValue } from '../catalog';
import { type Problems, problemsAt } from '../draft/validation';
import type { Choice } from '../ui/choices';
import { ProblemText } from '../ui/FieldFrame';
import { RowButton } from '../ui/RowButton';
import { SelectField } from '../ui/SelectField';
import { NumberField, TextField } from '../ui/TextFields';
import { inputOfKind } from './scoring-edits';

const INPUT_CHOICES: readonly Choice<CriterionInput['kind']>[] = [
  { value: 'scale', label: 'Rated on a 1–5 scale' },
  { value: 'theme', label: 'Strategic theme (alignment 0–3)' },
  { value: 'field', label: 'A numeric Jira field' },
];

type ScaleLevel = Extract<CriterionInput, { kind: 'scale' }>['levels'][number];

const DIRECTION_CHOICES: readonly Choice<Criterion['direction']>[] = [
  { value: 'higherIsBetter', label: 'Higher is better (value)' },
  { value: 'higherIsWorse', label: 'Higher is worse (size, cost, risk)' },
];

/** One criterion of a model: name, weight, direction and where its value comes from. */
export function CriterionEditor({
  criterion,
  onChange,
  onRemove,
  canRemove,
  catalog,
  problems,
  path,
  testId,
}: {
  criterion: Criterion;
  onChange: (criterion: Criterion) => void;
  onRemove: () => void;
  canRemove: boolean;
  catalog: SiteCatalog;
  problems: Problems;
  path: (string | number)[];
  testId: string;
}) {
  const input = criterion.input;
  const setInput = (next: CriterionInput) => onChange({ ...criterion, input: next });
  /** Changes the label or the value of one level of a scale. */
  const setLevel = (levels: readonly ScaleLevel[], index: number, change: Partial<ScaleLevel>) =>
    setInput({
      kind: 'scale',
      levels: levels.map((level, i) => (i === index ? { ...level, ...change } : level)),
    });
  return (
    <div className="pmo-rule pmo-criterion" data-testid={testId}>
      <div className="pmo-inline-fields">
        <TextField
          label="Criterion"
          value={criterion.name}
          onChange={(name) => onChange({ ...criterion, name })}
          problems={problemsAt(problems, [...path, 'name'])}
          maxLength={120}
          width="medium"
          testId={`${testId}-name`}
        />
        <NumberField
          label="Weight"
          value={criterion.weight}
          onChange={(weight) => onChange({ ...criterion, weight })}
          problems={problemsAt(problems, [...path, 'weight'])}
          min={0}
          max={1000}
          step={0.5}
          testId={`${testId}-weight`}
        />
        <SelectField
          label="Direction"
          value={criterion.direction}
          options={DIRECTION_CHOICES}
          onChange={(direction) => onChange({ ...criterion, direction })}
          testId={`${testId}-direction`}
          className="pmo-criterion__select"
        />
        <SelectField
          label="Value from"
          value={input.kind}
          options={INPUT_CHOICES}
          onChange={(kind) => setInput(inputOfKind(kind, input))}
          testId={`${testId}-input`}
          className="pmo-criterion__select"
        />
        <span className="pmo-row-actions">
          <RowButton
            label={`Remove criterion ${criterion.name}`}
            action="remove"
            onClick={onRemove}
            disabled={!canRemove}
            testId={`${testId}-remove`}
          />
        </span>
      </div>
      {input.kind === 'scale' ? (
        <fieldset className="pmo-plain-fieldset">
          <legend className="pmo-subtle">
            Levels 1 to 5: what scorers see, and the number the formula uses
          </legend>
          <ol className="pmo-scale-levels">
            {input.levels.map((level, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are positions, not items
              <li key={index} className="pmo-inline-fields">
                <TextField
                  label={`Level ${index + 1} label`}
                  value={level.label}
                  onChange={(label) => setLevel(input.levels, index, { label })}
                  problems={problemsAt(problems, [...path, 'input', 'levels', index, 'label'])}
                  maxLength={80}
                  width="medium"
                  testId={`${testId}-level-${index + 1}-label`}
                />
                <NumberField
                  label={`Level ${index + 1} value`}
                  value={level.value}
                  onChange={(value) => setLevel(input.levels, index, { value })}
                  problems={problemsAt(problems, [...path, 'input', 'levels', index, 'value'])}
                  step={0.05}
                  testId={`${testId}-level-${index + 1}-value`}
                />
              </li>
            ))}
          </ol>
          <ProblemText messages={problemsAt(problems, [...path, 'input', 'levels'])} />
        </fieldset>
      ) : null}
      {input.kind === 'field' ? (
        <div className="pmo-inline-fields">
          <SelectField
            label="Jira field"
            value={fieldRefValue(input.field)}
            options={fieldRefChoices(catalog)}
            onChange={(value) => {
              const field = fieldRefFromValue(value, catalog);
              if (field) setInput({ ...input, field });
            }}
            testId={`${testId}-field`}
            className="pmo-criterion__select"
          />
          <NumberField
            label="Lowest value"
            value={input.min}
            onChange={(min) => setInput({ ...input, min })}
            problems={problemsAt(problems, [...path, 'input', 'min'])}
            testId={`${testId}-min`}
          />
          <NumberField
            label="Highest value"
            value={input.max}
            onChange={(max) => setInput({ ...input, max })}
            problems={problemsAt(problems, [...path, 'input', 'max'])}
            help="A weighted model places the field's number between these two."
            testId={`${testId}-max`}
          />
        </div>
      ) : null}
      {input.kind === 'theme' ? (
        <p className="pmo-subtle">
          Scorers rate how well the candidate serves this theme: 0 none, 1 weak, 2 good, 3 strong.
        </p>
      ) : null}
    </div>
  );
}
