import Button from '@atlaskit/button/new';
import type { ChecklistItem, TickAudience } from '@domain/standards/schema';
import { stageChoices } from '../../catalog';
import { uniqueId } from '../../draft/ids';
import { problemsAt, problemsUnder } from '../../draft/validation';
import { CheckboxField } from '../../ui/ChoiceFields';
import { ProblemText } from '../../ui/FieldFrame';
import { RowButton } from '../../ui/RowButton';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextFields';
import { move, removeAt, replaceAt } from '../rule-templates';
import type { RuleKindProps } from './rule-kind-props';
import { TickAudienceField } from './TickAudienceField';

export function ChecklistEditor(props: RuleKindProps<'gateChecklist'>) {
  const { rule, onChange, path, testId, lifecycle, problems, readOnly } = props;
  const setItems = (items: ChecklistItem[]) => onChange({ ...rule, items });
  const addItem = () =>
    setItems([
      ...rule.items,
      {
        id: uniqueId(
          `item-${rule.items.length + 1}`,
          rule.items.map((item) => item.id),
          'item',
        ),
        text: '',
        mandatory: true,
      },
    ]);
  return (
    <div className="pmo-stack--tight">
      <SelectField
        label="Gate before stage"
        value={rule.stage}
        options={stageChoices(lifecycle)}
        onChange={(stage) => onChange({ ...rule, stage })}
        problems={problemsAt(problems, [...path, 'stage'])}
        help="The items are expected from this stage on; the validator checks them on the way in."
        testId={`${testId}-stage`}
      />
      <fieldset className="pmo-checklist">
        <legend className="pmo-field__label">Checklist items</legend>
        {rule.items.length === 0 ? <p className="pmo-subtle">No items yet.</p> : null}
        <ol className="pmo-checklist__list">
          {rule.items.map((item, index) => {
            const itemPath = [...path, 'items', index];
            return (
              <li key={item.id} className="pmo-checklist__item" data-testid={`${testId}-item-${item.id}`}>
                <TextField
                  label={`Item ${index + 1}`}
                  value={item.text}
                  onChange={(text) => setItems(replaceAt(rule.items, index, { ...item, text }))}
                  problems={problemsUnder(problems, itemPath).map((problem) => problem.message)}
                  hideLabel
                  placeholder="e.g. Sponsor signed off"
                  maxLength={500}
                  testId={`${testId}-item-${item.id}-text`}
                />
                <TickAudienceField
                  audience={item.tickableBy}
                  onChange={(tickableBy) =>
                    setItems(replaceAt(rule.items, index, withAudience(item, tickableBy)))
                  }
                  problems={problemsUnder(problems, [...itemPath, 'tickableBy']).map(
                    (problem) => problem.message,
                  )}
                  itemLabel={`item ${index + 1}`}
                  testId={`${testId}-item-${item.id}`}
                />
                <CheckboxField
                  label="Mandatory"
                  checked={item.mandatory}
                  onChange={(mandatory) => setItems(replaceAt(rule.items, index, { ...item, mandatory }))}
                  testId={`${testId}-item-${item.id}-mandatory`}
                />
                {readOnly ? null : (
                  <span className="pmo-row-actions">
                    <RowButton
                      action="up"
                      label={`Move item ${index + 1} up`}
                      onClick={() => setItems(move(rule.items, index, -1))}
                      disabled={index === 0}
                    />
                    <RowButton
                      action="down"
                      label={`Move item ${index + 1} down`}
                      onClick={() => setItems(move(rule.items, index, 1))}
                      disabled={index === rule.items.length - 1}
                    />
                    <RowButton
                      action="remove"
                      label={`Remove item ${index + 1}`}
                      onClick={() => setItems(removeAt(rule.items, index))}
                    />
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <ProblemText messages={problemsAt(problems, [...path, 'items'])} />
        {readOnly ? null : (
          <Button onClick={addItem} testId={`${testId}-add-item`}>
            Add item
          </Button>
        )}
      </fieldset>
    </div>
  );
}

/** The item with this audience; none (anyone who can edit the issue) leaves the key out. */
function withAudience(item: ChecklistItem, tickableBy: TickAudience | undefined): ChecklistItem {
  const { tickableBy: _previous, ...rest } = item;
  return tickableBy ? { ...rest, tickableBy } : rest;
}
