import Select, { type StylesConfig } from '@atlaskit/select';
import { type Choice, choiceFor } from './choices';
import { FieldFrame, type FieldProps } from './FieldFrame';
import { useReadOnly } from './read-only';

/** Chosen values wrap instead of being cut off ("Story points (mapped fi…"). */
const SHOW_WHOLE_NAMES: StylesConfig<Choice, true> = {
  multiValue: (base) => ({ ...base, maxWidth: '100%' }),
  multiValueLabel: (base) => ({ ...base, whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' }),
};

/**
 * Values picked from Jira's list (projects, statuses, issue types...) with Atlaskit's multi-select.
 * Values that are not on this site (an imported configuration, a deleted status) stay visible,
 * marked, and can be removed.
 */
export function TagPicker({
  label,
  values,
  options,
  onChange,
  testId,
  emptyText = 'None',
  readOnly = false,
  ...field
}: FieldProps & {
  values: readonly string[];
  options: readonly Choice[];
  onChange: (values: string[]) => void;
  /** On the wrapper; Atlaskit's ids hang off it too: `${testId}-select--input`... */
  testId?: string;
  emptyText?: string;
  readOnly?: boolean;
}) {
  const locked = useReadOnly() || readOnly;
  return (
    <FieldFrame label={label} {...field}>
      {({ id, describedBy, invalid }) => (
        <div className="pmo-column pmo-gap-100" data-testid={testId}>
          <Select<Choice, true>
            inputId={id}
            isMulti
            value={values.map((value) => choiceFor(value, options))}
            options={options}
            placeholder={emptyText}
            noOptionsMessage={() => 'Nothing left to add'}
            aria-describedby={describedBy}
            isInvalid={invalid}
            isDisabled={locked}
            isClearable={false}
            closeMenuOnSelect={false}
            styles={SHOW_WHOLE_NAMES}
            testId={testId}
            onChange={(picked) => onChange(picked.map((choice) => choice.value))}
          />
        </div>
      )}
    </FieldFrame>
  );
}
