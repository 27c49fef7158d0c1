import Button from '@atlaskit/button/new';
import { type ReactNode, useId, useState } from 'react';

/**
 * Native form controls styled with design tokens (the Atlaskit form packages are not installed),
 * each with a visible label, its help text and its problems wired to it for screen readers.
 */

export function ProblemText({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="pmo-field__problems" id={id} data-testid="field-problem">
      {messages.map((message) => (
        <p key={message} className="pmo-field__problem">
          <span aria-hidden="true" className="pmo-field__problem-icon">
            !
          </span>
          {message}
        </p>
      ))}
    </div>
  );
}

type FieldProps = {
  label: string;
  help?: ReactNode;
  problems?: readonly string[];
  /** Visually hide the label (still read by screen readers), for controls inside table cells. */
  hideLabel?: boolean;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
};

/** A labelled field: label, control, help text, problems. */
export function Field({ label, help, problems = [], hideLabel = false, className, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problems`;
  const describedBy =
    [help ? helpId : null, problems.length > 0 ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['pmo-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'pmo-visually-hidden' : 'pmo-field__label'}>
        {label}
      </label>
      {children({ id, describedBy, invalid: problems.length > 0 })}
      {help ? (
        <div id={helpId} className="pmo-field__help">
          {help}
        </div>
      ) : null}
      <ProblemText id={problemId} messages={problems} />
    </div>
  );
}

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

export function TextField({
  label,
  value,
  onChange,
  help,
  problems,
  hideLabel,
  placeholder,
  testId,
  maxLength,
  width = 'wide',
  className,
}: TextProps) {
  return (
    <Field label={label} help={help} problems={problems} hideLabel={hideLabel} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          className={`pmo-input pmo-input--${width}`}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  help,
  problems,
  placeholder,
  testId,
  maxLength,
  rows = 3,
  monospace = false,
}: TextProps & { rows?: number; monospace?: boolean }) {
  return (
    <Field label={label} help={help} problems={problems}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className={monospace ? 'pmo-input pmo-textarea pmo-textarea--code' : 'pmo-input pmo-textarea'}
          value={value}
          rows={rows}
          placeholder={placeholder}
          maxLength={maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A number input; an empty input is NaN, which validation reports as "Enter a number." */
export function NumberField({
  label,
  value,
  onChange,
  help,
  problems,
  hideLabel,
  min,
  max,
  step = 1,
  suffix,
  testId,
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
    <Field label={label} help={help} problems={problems} hideLabel={hideLabel}>
      {({ id, describedBy, invalid }) => (
        <span className="pmo-number">
          <input
            id={id}
            type="number"
            className="pmo-input pmo-input--number"
            value={value === undefined || Number.isNaN(value) ? '' : value}
            min={min}
            max={max}
            step={step}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            data-testid={testId}
            onChange={(event) =>
              onChange(event.target.value.trim() === '' ? Number.NaN : Number(event.target.value))
            }
          />
          {suffix ? <span className="pmo-number__suffix">{suffix}</span> : null}
        </span>
      )}
    </Field>
  );
}

export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  help,
  problems,
  hideLabel,
  testId,
  placeholder,
  className,
}: {
  label: string;
  value: V | '';
  options: readonly Choice<V>[];
  onChange: (value: V) => void;
  help?: ReactNode;
  problems?: readonly string[];
  hideLabel?: boolean;
  testId?: string;
  /** An empty first option, e.g. "Choose a stage". */
  placeholder?: string;
  className?: string;
}) {
  const known = value === '' || options.some((option) => option.value === value);
  const missingNote = options.length > 0 ? ' (not on this site)' : '';
  return (
    <Field label={label} help={help} problems={problems} hideLabel={hideLabel} className={className}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="pmo-input pmo-select"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {placeholder !== undefined || value === '' ? (
            <option value="">{placeholder ?? 'Choose…'}</option>
          ) : null}
          {known ? null : (
            <option value={value}>
              {value}
              {missingNote}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  help,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="pmo-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {help ? (
        <div id={`${id}-help`} className="pmo-field__help pmo-check__help">
          {help}
        </div>
      ) : null}
    </div>
  );
}

/** A group of radio buttons with a legend. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  testId,
  hideLegend = false,
}: {
  legend: string;
  name: string;
  value: V;
  options: readonly (Choice<V> & { help?: string })[];
  onChange: (value: V) => void;
  testId?: string;
  hideLegend?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="pmo-radios" data-testid={testId}>
      <legend className={hideLegend ? 'pmo-visually-hidden' : 'pmo-field__label'}>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="pmo-check">
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={`${name}-${id}`}
            value={option.value}
            checked={value === option.value}
            data-testid={testId ? `${testId}-${option.value}` : undefined}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.help ? <div className="pmo-field__help pmo-check__help">{option.help}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A list of values picked from Jira's list (projects, statuses, issue types...): the chosen ones as
 * tags with a remove button, and a select with an Add button for more. Values that are not on this
 * site (an imported configuration, a deleted status) stay visible, marked, and can be removed.
 */
export function TagPicker({
  label,
  values,
  options,
  onChange,
  help,
  problems = [],
  testId,
  emptyText = 'None',
  readOnly = false,
}: {
  label: string;
  values: readonly string[];
  options: readonly Choice[];
  onChange: (values: string[]) => void;
  help?: ReactNode;
  problems?: readonly string[];
  testId?: string;
  emptyText?: string;
  readOnly?: boolean;
}) {
  const [pending, setPending] = useState('');
  const labelOf = new Map(options.map((option) => [option.value, option.label]));
  const available = options.filter((option) => !values.includes(option.value));
  const chosen = available.some((option) => option.value === pending) ? pending : '';
  const add = () => {
    if (chosen === '') return;
    onChange([...values, chosen]);
    setPending('');
  };
  return (
    <Field label={label} help={help} problems={problems}>
      {({ id, describedBy, invalid }) => (
        <div className="pmo-tags" data-testid={testId}>
          <ul className="pmo-tags__list" aria-label={`${label}: chosen`}>
            {values.length === 0 ? <li className="pmo-subtle pmo-tags__empty">{emptyText}</li> : null}
            {values.map((value) => {
              const name = labelOf.get(value);
              // With no list at all (Jira did not answer), nothing is marked as missing.
              const unknown = name === undefined && options.length > 0;
              return (
                <li key={value} className={unknown ? 'pmo-tag pmo-tag--unknown' : 'pmo-tag'}>
                  <span>{name ?? value}</span>
                  {unknown ? <span className="pmo-tag__note">not on this site</span> : null}
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="pmo-tag__remove"
                      aria-label={`Remove ${name ?? value}`}
                      data-testid={testId ? `${testId}-remove-${value}` : undefined}
                      onClick={() => onChange(values.filter((other) => other !== value))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {readOnly ? null : (
            <div className="pmo-tags__add">
              <select
                id={id}
                className="pmo-input pmo-select"
                value={chosen}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                data-testid={testId ? `${testId}-select` : undefined}
                disabled={available.length === 0}
                onChange={(event) => setPending(event.target.value)}
              >
                <option value="">{available.length === 0 ? 'Nothing left to add' : 'Choose…'}</option>
                {available.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              <Button
                onClick={add}
                isDisabled={chosen === ''}
                testId={testId ? `${testId}-add` : undefined}
                aria-label={`Add to ${label}`}
              >
                Add
              </Button>
            </div>
          )}
        </div>
      )}
    </Field>
  );
}

/** A small icon-like text button (move up, move down, remove) with an accessible name. */
export function RowButton({
  label,
  onClick,
  children,
  disabled = false,
  testId,
  danger = false,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  disabled?: boolean;
  testId?: string;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={danger ? 'pmo-row-button pmo-row-button--danger' : 'pmo-row-button'}
      aria-label={label}
      title={label}
      disabled={disabled}
      data-testid={testId}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
