import type { FieldCondition } from '@domain/standards/schema';
import { useState } from 'react';
import { deepEqual } from '../../draft/equal';
import { problemsAt, problemsUnder } from '../../draft/validation';
import { CheckboxField } from '../../ui/ChoiceFields';
import { SelectField } from '../../ui/SelectField';
import { NumberField, TextAreaField, TextField } from '../../ui/TextFields';
import { FieldRefPicker } from './FieldRefPicker';
import type { RuleKindProps } from './rule-kind-props';

const OPS: { value: FieldCondition['op']; label: string }[] = [
  { value: 'notEmpty', label: 'Is filled in' },
  { value: 'oneOf', label: 'Is one of these values' },
  { value: 'range', label: 'Is a number in a range' },
  { value: 'pattern', label: 'Matches a pattern' },
];

/** The two ends of a range; an empty one leaves that side open. */
const BOUNDS = [
  { key: 'min', label: 'Minimum' },
  { key: 'max', label: 'Maximum' },
] as const;

function conditionFor(op: FieldCondition['op'], previous: FieldCondition): FieldCondition {
  if (op === previous.op) return previous;
  switch (op) {
    case 'notEmpty':
      return { op };
    case 'oneOf':
      return { op, values: [] };
    case 'range':
      return { op, min: 0 };
    case 'pattern':
      return { op, pattern: '' };
  }
}

function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** One value per line. The text is kept as typed (blank lines too) while it means the same values. */
function ValuesEditor({
  values,
  onChange,
  problems,
  testId,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  problems: readonly string[];
  testId: string;
}) {
  const [text, setText] = useState(values.join('\n'));
  const shown = deepEqual(parseLines(text), values) ? text : values.join('\n');
  return (
    <TextAreaField
      label="Allowed values, one per line"
      value={shown}
      onChange={(next) => {
        setText(next);
        onChange(parseLines(next));
      }}
      problems={problems}
      rows={3}
      help="Compared with the field's value as Jira shows it (an option's name, a label, a number)."
      testId={`${testId}-values`}
    />
  );
}

export function FieldConditionEditor(props: RuleKindProps<'fieldCondition'>) {
  const { rule, onChange, path, testId, catalog, problems } = props;
  const { condition } = rule;
  const conditionPath = [...path, 'condition'];
  const setCondition = (next: FieldCondition) => onChange({ ...rule, condition: next });
  return (
    <div className="pmo-form-grid">
      <FieldRefPicker
        label="Field"
        value={rule.field}
        onChange={(field) => onChange({ ...rule, field })}
        catalog={catalog}
        problems={problemsUnder(problems, [...path, 'field']).map((problem) => problem.message)}
        testId={`${testId}-field`}
      />
      <SelectField
        label="Condition"
        value={condition.op}
        options={OPS}
        onChange={(op) => setCondition(conditionFor(op, condition))}
        problems={problemsAt(problems, conditionPath)}
        testId={`${testId}-op`}
      />
      {condition.op === 'oneOf' ? (
        <ValuesEditor
          values={condition.values}
          onChange={(values) => setCondition({ ...condition, values })}
          problems={problemsUnder(problems, [...conditionPath, 'values']).map((problem) => problem.message)}
          testId={testId}
        />
      ) : null}
      {condition.op === 'range' ? (
        <div className="pmo-inline-fields">
          {BOUNDS.map(({ key, label }) => (
            <NumberField
              key={key}
              label={label}
              value={condition[key]}
              onChange={(bound) =>
                setCondition({ ...condition, [key]: Number.isNaN(bound) ? undefined : bound })
              }
              problems={problemsAt(problems, [...conditionPath, key])}
              step={0.5}
              testId={`${testId}-${key}`}
            />
          ))}
        </div>
      ) : null}
      {condition.op === 'pattern' ? (
        <>
          <TextField
            label="Pattern (regular expression)"
            value={condition.pattern}
            onChange={(pattern) => setCondition({ ...condition, pattern })}
            problems={problemsAt(problems, [...conditionPath, 'pattern'])}
            testId={`${testId}-pattern`}
            maxLength={200}
          />
          <TextField
            label="Described to people as"
            value={condition.description ?? ''}
            onChange={(description) =>
              setCondition({ ...condition, description: description === '' ? undefined : description })
            }
            problems={problemsAt(problems, [...conditionPath, 'description'])}
            placeholder="a change ticket reference like CHG-123"
            help="Shown instead of the pattern in the issue panel and in the validator's message."
            maxLength={200}
          />
        </>
      ) : null}
      <CheckboxField
        label="The field must be filled in"
        checked={rule.required}
        onChange={(required) => onChange({ ...rule, required })}
        help="When off, an empty field passes; only filled-in values are checked."
        testId={`${testId}-required`}
      />
    </div>
  );
}
