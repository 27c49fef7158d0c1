import Lozenge from '@atlaskit/lozenge';
import type { Lifecycle, Rule } from '@domain/standards/schema';
import type { SiteCatalog } from '../catalog';
import { type ProblemPath, type Problems, problemsAt, problemsUnder } from '../draft/validation';
import { ProblemText } from '../ui/FieldFrame';
import { RowButton } from '../ui/RowButton';
import { ruleKindLabel } from './rule-templates';
import { ChecklistEditor } from './rules/ChecklistEditor';
import { FieldConditionEditor } from './rules/FieldConditionEditor';
import { RequiredFieldsEditor } from './rules/RequiredFieldsEditor';
import { RequiredLinkEditor } from './rules/RequiredLinkEditor';
import type { RuleContext } from './rules/rule-kind-props';
import { WhenEditor } from './rules/WhenEditor';

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

/** One rule of a standard: its kind's settings, when it applies, and move/remove. */
export function RuleEditor(props: RuleProps) {
  const { rule, path, testId, onChange, catalog, lifecycle, problems, readOnly } = props;
  const count = problemsUnder(problems, path).length;
  const context: RuleContext = { onChange, path, testId, problems, catalog, lifecycle, readOnly };
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
              action="up"
              label={`Move rule ${rule.id} up`}
              onClick={() => props.onMove(-1)}
              disabled={props.isFirst}
            />
            <RowButton
              action="down"
              label={`Move rule ${rule.id} down`}
              onClick={() => props.onMove(1)}
              disabled={props.isLast}
            />
            <RowButton
              action="remove"
              label={`Remove rule ${rule.id}`}
              onClick={props.onRemove}
              testId={`${testId}-remove`}
            />
          </span>
        )}
      </div>
      <ProblemText messages={problemsAt(problems, [...path, 'id'])} />
      {rule.kind === 'requiredFields' ? <RequiredFieldsEditor rule={rule} {...context} /> : null}
      {rule.kind === 'fieldCondition' ? <FieldConditionEditor rule={rule} {...context} /> : null}
      {rule.kind === 'gateChecklist' ? <ChecklistEditor rule={rule} {...context} /> : null}
      {rule.kind === 'noOpenBlockers' ? (
        <p className="pmo-subtle">
          Which links count as “blocks” is set under Mappings. Resolved blockers do not count.
        </p>
      ) : null}
      {rule.kind === 'requiredLink' ? <RequiredLinkEditor rule={rule} {...context} /> : null}
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
