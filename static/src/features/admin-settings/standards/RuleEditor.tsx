import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { StatusCategoryKey } from '@domain/model';
import type {
  ChecklistItem,
  FieldCondition,
  FieldRef,
  Lifecycle,
  Rule,
  When,
} from '@domain/standards/schema';
import { useState } from 'react';
import {
  fieldRefChoices,
  fieldRefFromValue,
  fieldRefValue,
  linkTypeChoices,
  type SiteCatalog,
  stageChoices,
  statusChoices,
} from '../catalog';
import { deepEqual } from '../draft/equal';
import { uniqueId } from '../draft/ids';
import { type ProblemPath, type Problems, problemsAt, problemsUnder } from '../draft/validation';
import {
  CheckboxField,
  NumberField,
  ProblemText,
  RowButton,
  SelectField,
  TagPicker,
  TextAreaField,
  TextField,
} from '../ui/controls';
import { move, removeAt, replaceAt, ruleKindLabel } from './rule-templates';

type RuleProps = {
  rule: Rule;
  /** Path of the rule in the configuration, for its problems. */
  path: ProblemPath;
  testId: string;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
  isFirst: boolean;
  isLast: boolean;
  catalog: SiteCatalog;
  lifecycle: Lifecycle;
  problems: Problems;
  readOnly: boolean;
};

const CATEGORY_LABEL: Record<StatusCategoryKey, string> = {
  new: 'To Do',
  indeterminate: 'In progress',
  done: 'Done',
};
const CATEGORIES: StatusCategoryKey[] = ['new', 'indeterminate', 'done'];

/** "Applies" conditions of a rule: statuses, status categories, from a lifecycle stage on. */
function WhenEditor({
  when,
  onChange,
  path,
  testId,
  catalog,
  lifecycle,
  problems,
  readOnly,
}: {
  when: When;
  onChange: (when: When) => void;
  path: ProblemPath;
  testId: string;
  catalog: SiteCatalog;
  lifecycle: Lifecycle;
  problems: Problems;
  readOnly: boolean;
}) {
  const categories = when.statusCategories ?? [];
  const toggleCategory = (category: StatusCategoryKey, on: boolean) => {
    const next = on ? [...categories, category] : categories.filter((c) => c !== category);
    onChange({
      ...when,
      statusCategories: next.length > 0 ? CATEGORIES.filter((c) => next.includes(c)) : undefined,
    });
  };
  return (
    <fieldset className="pmo-when">
      <legend className="pmo-field__label">When it applies</legend>
      <p className="pmo-field__help">
        Every condition you set must hold; with none set, the rule always applies. A transition is checked
        against the status it moves to.
      </p>
      <div className="pmo-when__grid">
        <TagPicker
          label="In statuses"
          values={when.statuses ?? []}
          options={statusChoices(catalog)}
          onChange={(statuses) => onChange({ ...when, statuses: statuses.length > 0 ? statuses : undefined })}
          problems={problemsAt(problems, [...path, 'statuses'])}
          emptyText="Any status"
          testId={`${testId}-statuses`}
          readOnly={readOnly}
        />
        <fieldset className="pmo-radios">
          <legend className="pmo-field__label">In status categories</legend>
          {CATEGORIES.map((category) => (
            <CheckboxField
              key={category}
              label={CATEGORY_LABEL[category]}
              checked={categories.includes(category)}
              onChange={(on) => toggleCategory(category, on)}
              testId={`${testId}-category-${category}`}
            />
          ))}
          <ProblemText messages={problemsAt(problems, [...path, 'statusCategories'])} />
        </fieldset>
        <SelectField
          label="From lifecycle stage on"
          value={when.fromStage ?? ''}
          options={stageChoices(lifecycle)}
          placeholder="Any stage"
          onChange={(fromStage) => onChange({ ...when, fromStage: fromStage === '' ? undefined : fromStage })}
          problems={problemsAt(problems, [...path, 'fromStage'])}
          help="The stage and every later one."
          testId={`${testId}-from-stage`}
        />
      </div>
    </fieldset>
  );
}

function FieldRefPicker({
  label,
  value,
  onChange,
  catalog,
  problems,
  testId,
}: {
  label: string;
  value: FieldRef;
  onChange: (ref: FieldRef) => void;
  catalog: SiteCatalog;
  problems: readonly string[];
  testId: string;
}) {
  return (
    <SelectField
      label={label}
      value={fieldRefValue(value)}
      options={fieldRefChoices(catalog)}
      onChange={(picked) => {
        const ref = fieldRefFromValue(picked, catalog);
        if (ref) onChange(ref);
      }}
      problems={problems}
      testId={testId}
    />
  );
}

/** What every rule-kind editor gets: its rule, where it sits (for problems), and how to change it. */
type RuleKindProps<K extends Rule['kind']> = {
  rule: Extract<Rule, { kind: K }>;
  onChange: (rule: Rule) => void;
  path: ProblemPath;
  testId: string;
  problems: Problems;
};

function RequiredFieldsEditor({
  rule,
  onChange,
  path,
  testId,
  catalog,
  problems,
  readOnly,
}: RuleKindProps<'requiredFields'> & { catalog: SiteCatalog; readOnly: boolean }) {
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

const OPS: { value: FieldCondition['op']; label: string }[] = [
  { value: 'notEmpty', label: 'Is filled in' },
  { value: 'oneOf', label: 'Is one of these values' },
  { value: 'range', label: 'Is a number in a range' },
  { value: 'pattern', label: 'Matches a pattern' },
];

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

function FieldConditionEditor({
  rule,
  onChange,
  path,
  testId,
  catalog,
  problems,
}: RuleKindProps<'fieldCondition'> & { catalog: SiteCatalog }) {
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
          <NumberField
            label="Minimum"
            value={condition.min}
            onChange={(min) => setCondition({ ...condition, min: Number.isNaN(min) ? undefined : min })}
            problems={problemsAt(problems, [...conditionPath, 'min'])}
            step={0.5}
            testId={`${testId}-min`}
          />
          <NumberField
            label="Maximum"
            value={condition.max}
            onChange={(max) => setCondition({ ...condition, max: Number.isNaN(max) ? undefined : max })}
            problems={problemsAt(problems, [...conditionPath, 'max'])}
            step={0.5}
            testId={`${testId}-max`}
          />
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

function ChecklistEditor({
  rule,
  onChange,
  path,
  testId,
  lifecycle,
  problems,
  readOnly,
}: RuleKindProps<'gateChecklist'> & { lifecycle: Lifecycle; readOnly: boolean }) {
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
                <CheckboxField
                  label="Mandatory"
                  checked={item.mandatory}
                  onChange={(mandatory) => setItems(replaceAt(rule.items, index, { ...item, mandatory }))}
                  testId={`${testId}-item-${item.id}-mandatory`}
                />
                {readOnly ? null : (
                  <span className="pmo-row-actions">
                    <RowButton
                      label={`Move item ${index + 1} up`}
                      onClick={() => setItems(move(rule.items, index, -1))}
                      disabled={index === 0}
                    >
                      ↑
                    </RowButton>
                    <RowButton
                      label={`Move item ${index + 1} down`}
                      onClick={() => setItems(move(rule.items, index, 1))}
                      disabled={index === rule.items.length - 1}
                    >
                      ↓
                    </RowButton>
                    <RowButton
                      label={`Remove item ${index + 1}`}
                      onClick={() => setItems(removeAt(rule.items, index))}
                      danger
                    >
                      ×
                    </RowButton>
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

/** One rule of a standard: its kind's settings, when it applies, and move/remove. */
export function RuleEditor(props: RuleProps) {
  const { rule, path, testId, onChange, catalog, lifecycle, problems, readOnly } = props;
  const count = problemsUnder(problems, path).length;
  return (
    <li className="pmo-rule" data-testid={testId}>
      <div className="pmo-rule__header">
        <h4 className="pmo-rule__title">
          {ruleKindLabel(rule.kind)} <span className="pmo-subtlest pmo-key">{rule.id}</span>
        </h4>
        {count > 0 ? <Lozenge appearance="removed">{`${count} to fix`}</Lozenge> : null}
        {readOnly ? null : (
          <span className="pmo-row-actions">
            <RowButton
              label={`Move rule ${rule.id} up`}
              onClick={() => props.onMove(-1)}
              disabled={props.isFirst}
            >
              ↑
            </RowButton>
            <RowButton
              label={`Move rule ${rule.id} down`}
              onClick={() => props.onMove(1)}
              disabled={props.isLast}
            >
              ↓
            </RowButton>
            <RowButton
              label={`Remove rule ${rule.id}`}
              onClick={props.onRemove}
              danger
              testId={`${testId}-remove`}
            >
              ×
            </RowButton>
          </span>
        )}
      </div>
      <ProblemText messages={problemsAt(problems, [...path, 'id'])} />
      {rule.kind === 'requiredFields' ? (
        <RequiredFieldsEditor {...{ rule, onChange, path, testId, catalog, problems, readOnly }} />
      ) : null}
      {rule.kind === 'fieldCondition' ? (
        <FieldConditionEditor {...{ rule, onChange, path, testId, catalog, problems }} />
      ) : null}
      {rule.kind === 'gateChecklist' ? (
        <ChecklistEditor {...{ rule, onChange, path, testId, lifecycle, problems, readOnly }} />
      ) : null}
      {rule.kind === 'noOpenBlockers' ? (
        <p className="pmo-subtle">
          Which links count as “blocks” is set under Mappings. Resolved blockers do not count.
        </p>
      ) : null}
      {rule.kind === 'requiredLink' ? (
        <div className="pmo-form-grid">
          <TagPicker
            label="Link types"
            values={rule.linkTypes}
            options={linkTypeChoices(catalog)}
            onChange={(linkTypes) => onChange({ ...rule, linkTypes })}
            problems={problemsUnder(problems, [...path, 'linkTypes']).map((problem) => problem.message)}
            emptyText="No link types yet"
            testId={`${testId}-link-types`}
            readOnly={readOnly}
          />
          <TextField
            label="Described to people as"
            value={rule.description}
            onChange={(description) => onChange({ ...rule, description })}
            problems={problemsAt(problems, [...path, 'description'])}
            placeholder="a mitigation issue"
            help="Completes “Link this issue to …” in the panel."
            maxLength={200}
            testId={`${testId}-description`}
          />
        </div>
      ) : null}
      {'when' in rule ? (
        <WhenEditor
          when={rule.when}
          onChange={(when) => onChange({ ...rule, when })}
          path={[...path, 'when']}
          testId={`${testId}-when`}
          catalog={catalog}
          lifecycle={lifecycle}
          problems={problems}
          readOnly={readOnly}
        />
      ) : null}
    </li>
  );
}
