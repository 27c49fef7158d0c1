import type { StatusCategoryKey } from '@domain/model';
import type { Lifecycle, When } from '@domain/standards/schema';
import { type SiteCatalog, stageChoices, statusChoices } from '../../catalog';
import { type ProblemPath, type Problems, problemsAt } from '../../draft/validation';
import { CheckboxField } from '../../ui/ChoiceFields';
import { ProblemText } from '../../ui/FieldFrame';
import { SelectField } from '../../ui/SelectField';
import { TagPicker } from '../../ui/TagPicker';

const CATEGORY_LABEL: Record<StatusCategoryKey, string> = {
  new: 'To Do',
  indeterminate: 'In progress',
  done: 'Done',
};

const CATEGORIES: StatusCategoryKey[] = ['new', 'indeterminate', 'done'];

/** "Applies" conditions of a rule: statuses, status categories, from a lifecycle stage on. */
export function WhenEditor({
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
