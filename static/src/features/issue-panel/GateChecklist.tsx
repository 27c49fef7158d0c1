import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import type { GateState } from '@contracts/standards';
import { useId } from 'react';
import { errorTitle } from '../../shared/api/invoke-error';
import { formatWhen, gateSummary, MODE } from './standards-view';
import type { ItemError, ItemRef } from './use-issue-standards';

interface ChecklistProps {
  gate: GateState;
  saving: ItemRef | null;
  itemError: ItemError | null;
  onChange: (item: ItemRef, ticked: boolean) => void;
}

function ChecklistItems({ gate, saving, onChange }: Omit<ChecklistProps, 'itemError'>) {
  const baseId = useId();
  return (
    <ul className="pmo-checklist">
      {gate.items.map((item) => {
        const inputId = `${baseId}-${item.id}`;
        const tickId = `${inputId}-tick`;
        const reasonId = `${inputId}-reason`;
        // Items that name no one share one reason, said once above the gates.
        const showReason = !item.tickable && item.namesWhoMayTick;
        const describedBy = [item.tick !== null ? tickId : '', showReason ? reasonId : '']
          .filter(Boolean)
          .join(' ');
        const isSaving = saving?.ruleId === gate.ruleId && saving.itemId === item.id;
        const ticked = item.tick !== null;
        return (
          <li key={item.id} className="pmo-checklist__item" aria-busy={isSaving || undefined}>
            <input
              id={inputId}
              type="checkbox"
              className="pmo-checkbox"
              checked={ticked}
              disabled={!item.tickable || saving !== null}
              aria-describedby={describedBy || undefined}
              data-tickable={item.tickable ? 'true' : 'false'}
              data-testid={`checklist-item-${gate.ruleId}-${item.id}`}
              data-ticked={ticked ? 'true' : 'false'}
              onChange={(event) => onChange({ ruleId: gate.ruleId, itemId: item.id }, event.target.checked)}
            />
            <div className="pmo-checklist__body">
              <label htmlFor={inputId} className="pmo-checklist__label">
                {item.text}{' '}
                <span className={item.mandatory ? 'pmo-tag pmo-tag--required' : 'pmo-tag'}>
                  {item.mandatory ? 'Required' : 'Optional'}
                </span>
              </label>
              {item.tick !== null ? (
                <span id={tickId} className="pmo-subtlest" data-testid="checklist-tick">
                  Ticked by {item.tick.by.displayName} ·{' '}
                  <time dateTime={item.tick.at} className="pmo-nowrap">
                    {formatWhen(item.tick.at)}
                  </time>
                </span>
              ) : null}
              {showReason ? (
                <span id={reasonId} className="pmo-subtlest" data-testid="checklist-not-tickable">
                  {item.notTickableReason}
                </span>
              ) : null}
            </div>
            {isSaving ? (
              <span className="pmo-checklist__saving" data-testid="checklist-saving">
                <Spinner size="small" label={ticked ? 'Unticking' : 'Ticking'} />
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function ChecklistError({ error }: { error: ItemError }) {
  return (
    <div className="pmo-inline-error" role="alert" data-testid="checklist-error" data-code={error.error.code}>
      <strong>{errorTitle(error.error.code)}.</strong> {error.error.message}
    </div>
  );
}

function GateHeading({ gate }: { gate: GateState }) {
  const mode = MODE[gate.mode];
  return (
    <>
      <span className="pmo-gate__title">{gate.stage.name} gate</span>
      <Lozenge appearance={gate.complete ? 'success' : 'default'}>{gateSummary(gate)}</Lozenge>
      <span className="pmo-subtlest" title={mode.hint}>
        {gate.standardName} · {mode.label}
      </span>
    </>
  );
}

/** The gate into the next stage: always open. */
export function NextGate(props: ChecklistProps) {
  const { gate, itemError } = props;
  const headingId = useId();
  return (
    <section
      className="pmo-gate pmo-gate--next"
      aria-labelledby={headingId}
      data-testid={`gate-${gate.ruleId}`}
    >
      <h4 className="pmo-gate__heading" id={headingId}>
        <GateHeading gate={gate} />
      </h4>
      <ChecklistItems {...props} />
      {itemError?.ruleId === gate.ruleId ? <ChecklistError error={itemError} /> : null}
    </section>
  );
}

/** Gates of later (or passed) stages: collapsed until opened, or while one of its items has an error. */
export function OtherGate(props: ChecklistProps) {
  const { gate, itemError } = props;
  const hasError = itemError?.ruleId === gate.ruleId;
  return (
    <details
      className="pmo-gate pmo-disclosure"
      data-testid={`gate-${gate.ruleId}`}
      open={hasError || undefined}
    >
      <summary className="pmo-gate__heading">
        <GateHeading gate={gate} />
      </summary>
      <ChecklistItems {...props} />
      {hasError && itemError ? <ChecklistError error={itemError} /> : null}
    </details>
  );
}
