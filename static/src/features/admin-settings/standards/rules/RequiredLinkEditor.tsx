import { linkTypeChoices } from '../../catalog';
import { problemsAt, problemsUnder } from '../../draft/validation';
import { TagPicker } from '../../ui/TagPicker';
import { TextField } from '../../ui/TextFields';
import type { RuleKindProps } from './rule-kind-props';

/** A link rule: which link types count, and how the panel names the issue to link. */
export function RequiredLinkEditor(props: RuleKindProps<'requiredLink'>) {
  const { rule, onChange, path, testId, catalog, problems, readOnly } = props;
  return (
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
  );
}
