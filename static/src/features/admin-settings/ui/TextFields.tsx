import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

type TextProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  problems?: readonly string[];
  hideLabel?: boolean;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
  width?: 'narrow' | 'medium' | 'wide';
  className?: string;
};

const WIDTH = { narrow: 'small', medium: 'medium', wide: 'xlarge' } as const;

export function TextField({ label, value, onChange, width = 'wide', testId, ...field }: TextProps) {
  return (
    <FieldFrame label={label} {...field}>
      {({ id, describedBy, invalid }) => (
        <Textfield
          id={id}
          value={value}
          width={WIDTH[width]}
          placeholder={field.placeholder}
          maxLength={field.maxLength}
          aria-describedby={describedBy}
          isInvalid={invalid}
          testId={testId}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  testId,
  rows = 3,
  monospace = false,
  ...field
}: TextProps & { rows?: number; monospace?: boolean }) {
  return (
    <FieldFrame label={label} {...field}>
      {({ id, describedBy, invalid }) => (
        <TextArea
          id={id}
          value={value}
          minimumRows={rows}
          placeholder={field.placeholder}
          maxLength={field.maxLength}
          isMonospaced={monospace}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          isInvalid={invalid}
          testId={testId}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A number input; an empty input is NaN, which validation reports as "Enter a number." */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  suffix,
  testId,
  ...field
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  help?: ReactNode;
  problems?: readonly string[];
  hideLabel?: boolean;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  testId?: string;
}) {
  return (
    <FieldFrame label={label} {...field}>
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
