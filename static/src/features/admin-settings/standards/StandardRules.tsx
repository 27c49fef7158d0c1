import Button from '@atlaskit/button/new';
import type { Lifecycle, RuleKind, Standard } from '@domain/standards/schema';
import { useState } from 'react';
import type { SiteCatalog } from '../catalog';
import { type ProblemPath, type Problems, problemsAt } from '../draft/validation';
import { ProblemText } from '../ui/FieldFrame';
import { SelectField } from '../ui/SelectField';
import { RuleEditor } from './RuleEditor';
import { move, newRule, RULE_KINDS, removeAt, replaceAt } from './rule-templates';
import type { StandardRecipe } from './use-standard-edit';

/** A standard's rules in order, each with its editor, and adding a rule of a chosen kind. */
export function StandardRules({
  standard,
  path,
  problems,
  catalog,
  lifecycle,
  readOnly,
  testId,
  setStandard,
}: {
  standard: Standard;
  path: ProblemPath;
  problems: Problems;
  catalog: SiteCatalog;
  lifecycle: Lifecycle;
  readOnly: boolean;
  testId: string;
  setStandard: (recipe: StandardRecipe) => void;
}) {
  const [kindToAdd, setKindToAdd] = useState<RuleKind | ''>('');
  return (
    <fieldset className="pmo-group">
      <legend className="pmo-group__legend">Rules</legend>
      <ProblemText messages={problemsAt(problems, [...path, 'rules'])} />
      <ol className="pmo-rules">
        {standard.rules.map((rule, ruleIndex) => (
          <RuleEditor
            key={rule.id}
            rule={rule}
            path={[...path, 'rules', ruleIndex]}
            testId={`rule-${standard.id}-${rule.id}`}
            onChange={(next) =>
              setStandard((current) => ({
                ...current,
                rules: replaceAt(current.rules, ruleIndex, next),
              }))
            }
            onRemove={() =>
              setStandard((current) => ({ ...current, rules: removeAt(current.rules, ruleIndex) }))
            }
            onMove={(delta) =>
              setStandard((current) => ({ ...current, rules: move(current.rules, ruleIndex, delta) }))
            }
            isFirst={ruleIndex === 0}
            isLast={ruleIndex === standard.rules.length - 1}
            catalog={catalog}
            lifecycle={lifecycle}
            problems={problems}
            readOnly={readOnly}
          />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="pmo-add-row">
          <SelectField
            label="Kind of rule to add"
            value={kindToAdd}
            options={RULE_KINDS.map((entry) => ({ value: entry.kind, label: entry.label }))}
            placeholder="Choose a kind of rule"
            onChange={setKindToAdd}
            help={RULE_KINDS.find((entry) => entry.kind === kindToAdd)?.help}
            testId={`${testId}-rule-kind`}
          />
          <Button
            isDisabled={kindToAdd === ''}
            onClick={() => {
              if (kindToAdd === '') return;
              setStandard((current) => ({
                ...current,
                rules: [...current.rules, newRule(kindToAdd, current, lifecycle)],
              }));
              setKindToAdd('');
            }}
            testId={`${testId}-add-rule`}
          >
            Add rule
          </Button>
        </div>
      )}
    </fieldset>
  );
}
