import Checkbox from '@atlaskit/checkbox';
import { Fieldset, HelperMessage } from '@atlaskit/form';
import { RadioGroup as AtlaskitRadioGroup } from '@atlaskit/radio';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { type ReactNode, useId } from 'react';
import type { Choice } from './choices';

/** A checkbox with its label and help. Atlaskit puts `${testId}--hidden-checkbox` on the input. */
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
  const helpId = `${useId()}-help`;
  return (
    <div className="pmo-check">
      <Checkbox
        label={label}
        isChecked={checked}
        testId={testId}
        aria-describedby={help ? helpId : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {help ? (
        <div id={helpId} className="pmo-check__help">
          <HelperMessage>{help}</HelperMessage>
        </div>
      ) : null}
    </div>
  );
}

/** Radio buttons under a legend. Each input is `${testId}-${value}--radio-input`. */
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
    <div className="pmo-radios" data-testid={testId}>
      <Fieldset legend={hideLegend ? <VisuallyHidden>{legend}</VisuallyHidden> : legend}>
        <AtlaskitRadioGroup
          name={`${name}-${id}`}
          value={value}
          options={options.map((option) => ({
            value: option.value,
            label: option.help ? (
              <span>
                {option.label}
                <span className="pmo-subtle pmo-block">{option.help}</span>
              </span>
            ) : (
              option.label
            ),
            testId: testId ? `${testId}-${option.value}` : undefined,
          }))}
          onChange={(event) => onChange(event.currentTarget.value as V)}
        />
      </Fieldset>
    </div>
  );
}
