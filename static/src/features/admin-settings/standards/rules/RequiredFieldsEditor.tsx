import type { FieldRef } from '@domain/standards/schema';
import { fieldRefChoices, fieldRefFromValue, fieldRefValue } from '../../catalog';
import { problemsUnder } from '../../draft/validation';
import { TagPicker } from '../../ui/TagPicker';
import type { RuleKindProps } from './rule-kind-props';

export function RequiredFieldsEditor(props: RuleKindProps<'requiredFields'>) {
  const { rule, onChange, path, testId, catalog, problems, readOnly } = props;
  // Fields the rule names that the catalog no longer has keep their captured name.
  const choices = fieldRefChoices(catalog);
  const known = new Set(choices.map((choice) => choice.value));
  const extra = rule.fields
    .filter((ref) => !known.has(fieldRefValue(ref)) && ref.kind === 'field')
    .map((ref) => ({
      value: fieldRefValue(ref),
      label: `${ref.kind === 'field' ? ref.name : ''} (not on this site)`,
    }));
  return (
    <TagPicker
      label="Fields"
      values={rule.fields.map(fieldRefValue)}
      options={[...choices, ...extra]}
      onChange={(values) => {
        const fields = values
          .map(
            (value) =>
              rule.fields.find((ref) => fieldRefValue(ref) === value) ?? fieldRefFromValue(value, catalog),
          )
          .filter((ref): ref is FieldRef => ref !== null);
        onChange({ ...rule, fields });
      }}
      problems={problemsUnder(problems, [...path, 'fields']).map((problem) => problem.message)}
      help="Mapped fields (story points, risk probability...) follow the field mapping under Mappings."
      emptyText="No fields yet"
      testId={`${testId}-fields`}
      readOnly={readOnly}
    />
  );
}
