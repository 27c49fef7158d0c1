import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { type ControlIds, FieldFrame, type FieldProps } from './FieldFrame';

type TextProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
  width?: 'narrow' | 'medium' | 'wide';
};

const WIDTH = { narrow: 'small', medium: 'medium', wide: 'xlarge' } as const;

/** The props a one-line and a multi-line text control share: wiring, value, limits and change. */
function textControlProps(
  { id, describedBy, invalid }: ControlIds,
  { value, onChange, placeholder, maxLength, testId }: TextProps,
) {
  return {
    id,
    value,
    placeholder,
    maxLength,
    'aria-describedby': describedBy,
    isInvalid: invalid,
    testId,
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
  };
}

export function TextField({ width = 'wide', ...props }: TextProps) {
  return (
    <FieldFrame {...props}>
      {(ids) => <Textfield {...textControlProps(ids, props)} width={WIDTH[width]} />}
    </FieldFrame>
  );
}

export function TextAreaField({
  rows = 3,
  monospace = false,
  ...props
}: TextProps & { rows?: number; monospace?: boolean }) {
  return (
    <FieldFrame {...props}>
      {(ids) => (
        <TextArea
          {...textControlProps(ids, props)}
          minimumRows={rows}
          isMonospaced={monospace}
          aria-invalid={ids.invalid || undefined}
        />
      )}
    </FieldFrame>
  );
}

/**
 * A text setting that may be unset (a group, a time zone): a blank input stores null, which the
 * placeholder then describes. Such names are short, so the field is medium wide unless told.
 */
export function OptionalTextField({
  value,
  onChange,
  width = 'medium',
  ...props
}: Omit<TextProps, 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <TextField
      {...props}
      value={value ?? ''}
      onChange={(text) => onChange(text.trim() === '' ? null : text)}
    />
  );
}

/** A number input; an empty input is NaN, which validation reports as "Enter a number." */
export function NumberField({
  value,
  onChange,
  min,
  max,
  step = 1,
  suffix,
  testId,
  ...field
}: FieldProps & {
  value: number | undefined;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  testId?: string;
}) {
  return (
    <FieldFrame {...field}>
      {({ id, describedBy, invalid }) => (
        <span className="pmo-number">
          <Textfield
            id={id}
            type="number"
            width={96}
            value={value === undefined || Number.isNaN(value) ? '' : value}
            min={min}
            max={max}
            step={step}
            aria-describedby={describedBy}
            isInvalid={invalid}
            testId={testId}
            onChange={(event) => {
              const text = event.currentTarget.value;
              onChange(text.trim() === '' ? Number.NaN : Number(text));
            }}
          />
          {suffix ? <span className="pmo-number__suffix">{suffix}</span> : null}
        </span>
      )}
    </FieldFrame>
  );
}
