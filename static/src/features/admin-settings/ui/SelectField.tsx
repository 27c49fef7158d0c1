import Select, { type StylesConfig } from '@atlaskit/select';
import type { Choice } from './choices';
import { choiceFor } from './choices';
import { FieldFrame, type FieldProps } from './FieldFrame';
import { useReadOnly } from './read-only';

type SelectFieldProps<V extends string> = FieldProps & {
  value: V | '';
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  /** Atlaskit's test ids hang off this: `${testId}-select--control`, `--value-container`... */
  testId?: string;
  /** Offered as an empty first choice (e.g. "Any stage"); choosing it calls onChange(''). */
  placeholder?: string;
};

/** A long chosen value wraps instead of ending in "…". */
function wrapChosenValue<V extends string>(): StylesConfig<Choice<V>, false> {
  return {
    singleValue: (base) => ({ ...base, whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' }),
  };
}

/** One value from a list, with Atlaskit's select. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  placeholder,
  ...field
}: SelectFieldProps<V>) {
  const readOnly = useReadOnly();
  const className = ['pmo-select-field', field.className].filter(Boolean).join(' ');
  const empty = { value: '', label: placeholder ?? 'Choose…' } as Choice<V>;
  const offered = placeholder === undefined ? options : [empty, ...options];
  return (
    <FieldFrame label={label} {...field} className={className}>
      {({ id, describedBy, invalid }) => (
        <Select<Choice<V>>
          inputId={id}
          value={value === '' ? null : choiceFor(value as V, options)}
          options={offered}
          placeholder={placeholder ?? 'Choose…'}
          aria-describedby={describedBy}
          isInvalid={invalid}
          isDisabled={readOnly}
          isSearchable={options.length > 8}
          styles={wrapChosenValue<V>()}
          testId={testId}
          onChange={(picked) => {
            if (picked) onChange(picked.value);
          }}
        />
      )}
    </FieldFrame>
  );
}
