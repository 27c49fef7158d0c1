import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { RuleKind, Standard, StandardMode } from '@domain/standards/schema';
import { useState } from 'react';
import { categoryChoices, issueTypeChoices, projectChoices } from '../catalog';
import { problemsAt, problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { RadioGroup } from '../ui/ChoiceFields';
import { ProblemText } from '../ui/FieldFrame';
import { SelectField } from '../ui/SelectField';
import { TagPicker } from '../ui/TagPicker';
import { TextAreaField, TextField } from '../ui/TextFields';
import { RuleEditor } from './RuleEditor';
import {
  duplicateStandard,
  move,
  newRule,
  newStandard,
  RULE_KINDS,
  removeAt,
  replaceAt,
} from './rule-templates';

/** Modes as the header select offers them: what each does, in a few words. */
export const MODE_CHOICES: { value: StandardMode; label: string }[] = [
  { value: 'enforce', label: 'Enforce: block transitions' },
  { value: 'warn', label: 'Warn: guidance only' },
  { value: 'off', label: 'Off' },
];

function scopeSummary(standard: Standard, catalog: EditorProps['catalog']): string {
  const { scope } = standard;
  const parts: string[] = [];
  parts.push(
    scope.issueTypes && scope.issueTypes.length > 0 ? scope.issueTypes.join(', ') : 'All issue types',
  );
  if (scope.projectKeys && scope.projectKeys.length > 0) parts.push(`in ${scope.projectKeys.join(', ')}`);
  if (scope.categoryIds && scope.categoryIds.length > 0) {
    const names = scope.categoryIds.map(
      (id) => catalog.categories.find((category) => category.id === id)?.name ?? id,
    );
    parts.push(`in ${names.join(', ')}`);
  }
  if (!scope.projectKeys?.length && !scope.categoryIds?.length) parts.push('in every project');
  const gates = standard.rules.filter((rule) => rule.kind === 'gateChecklist').length;
  const rules = `${standard.rules.length} rule${standard.rules.length === 1 ? '' : 's'}`;
  return `${parts.join(' ')} · ${rules}${gates > 0 ? ` (${gates} gate${gates === 1 ? '' : 's'})` : ''}`;
}

function StandardCard({
  standard,
  index,
  expanded,
  onToggle,
  props,
}: {
  standard: Standard;
  index: number;
  expanded: boolean;
  onToggle: () => void;
  props: EditorProps;
}) {
  const { config, update, problems, catalog, readOnly } = props;
  const path = ['standards', index];
  const [kindToAdd, setKindToAdd] = useState<RuleKind | ''>('');
  const setStandard = (recipe: (standard: Standard) => Standard) =>
    update((draft) => {
      const current = draft.standards[index];
      return current ? { ...draft, standards: replaceAt(draft.standards, index, recipe(current)) } : draft;
    });
  const setScope = (key: keyof Standard['scope'], values: string[]) =>
    setStandard((current) => ({
      ...current,
      scope: { ...current.scope, [key]: values.length > 0 ? values : undefined },
    }));
  const problemCount = problemsUnder(problems, path).length;
  const bodyId = `standard-body-${standard.id}`;
  const testId = `standard-${standard.id}`;

  return (
    <li className="pmo-card" data-testid={`standard-row-${standard.id}`}>
      <div className="pmo-card__header">
        <div className="pmo-card__title">
          <h3 className="pmo-card__name">
            {standard.name.trim() === '' ? 'Untitled standard' : standard.name}
          </h3>
          <p className="pmo-subtle pmo-card__summary">{scopeSummary(standard, catalog)}</p>
        </div>
        {problemCount > 0 ? <Lozenge appearance="removed">{`${problemCount} to fix`}</Lozenge> : null}
        <SelectField
          label={`Mode of ${standard.name || standard.id}`}
          hideLabel
          value={standard.mode}
          options={MODE_CHOICES}
          onChange={(mode) => setStandard((current) => ({ ...current, mode }))}
          testId={`standard-mode-${standard.id}`}
          className="pmo-card__mode"
        />
        <Button
          appearance="subtle"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={bodyId}
          testId={`standard-edit-${standard.id}`}
        >
          {expanded ? 'Close' : readOnly ? 'View' : 'Edit'}
        </Button>
      </div>
      {expanded ? (
        <div className="pmo-card__body pmo-stack" id={bodyId}>
          <div className="pmo-form-grid">
            <TextField
              label="Name"
              value={standard.name}
              onChange={(name) => setStandard((current) => ({ ...current, name }))}
              problems={problemsAt(problems, [...path, 'name'])}
              maxLength={200}
              testId={`${testId}-name`}
            />
            <TextAreaField
              label="Description"
              value={standard.description}
              onChange={(description) => setStandard((current) => ({ ...current, description }))}
              problems={problemsAt(problems, [...path, 'description'])}
              help="Shown to teams in the issue panel: say why the standard exists."
              maxLength={2000}
              rows={2}
              testId={`${testId}-description`}
            />
            <RadioGroup
              legend="When Jira or the app's storage cannot be read during a transition"
              name={`on-error-${standard.id}`}
              value={standard.onError}
              options={[
                {
                  value: 'open',
                  label: 'Let the transition through',
                  help: 'Logged for the compliance report. Safer for teams.',
                },
                {
                  value: 'closed',
                  label: 'Block the transition',
                  help: 'Stricter: nothing passes that could not be checked.',
                },
              ]}
              onChange={(onError) => setStandard((current) => ({ ...current, onError }))}
            />
          </div>
          <fieldset className="pmo-group">
            <legend className="pmo-group__legend">Scope</legend>
            <p className="pmo-field__help">Every list you fill must match; empty lists cover everything.</p>
            <div className="pmo-form-grid pmo-form-grid--3">
              <TagPicker
                label="Projects"
                values={standard.scope.projectKeys ?? []}
                options={projectChoices(catalog)}
                onChange={(values) => setScope('projectKeys', values)}
                problems={problemsUnder(problems, [...path, 'scope', 'projectKeys']).map((p) => p.message)}
                emptyText="All projects"
                testId={`${testId}-projects`}
                readOnly={readOnly}
              />
              <TagPicker
                label="Project categories"
                values={standard.scope.categoryIds ?? []}
                options={categoryChoices(catalog)}
                onChange={(values) => setScope('categoryIds', values)}
                problems={problemsUnder(problems, [...path, 'scope', 'categoryIds']).map((p) => p.message)}
                emptyText="All categories"
                testId={`${testId}-categories`}
                readOnly={readOnly}
              />
              <TagPicker
                label="Issue types"
                values={standard.scope.issueTypes ?? []}
                options={issueTypeChoices(catalog)}
                onChange={(values) => setScope('issueTypes', values)}
                problems={problemsUnder(problems, [...path, 'scope', 'issueTypes']).map((p) => p.message)}
                emptyText="All issue types"
                testId={`${testId}-issue-types`}
                readOnly={readOnly}
              />
            </div>
          </fieldset>
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
                  lifecycle={config.lifecycle}
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
                      rules: [...current.rules, newRule(kindToAdd, current, config.lifecycle)],
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
          {readOnly ? null : (
            <div className="pmo-card__footer">
              <Button
                onClick={() =>
                  update((draft) => {
                    const current = draft.standards[index];
                    if (!current) return draft;
                    const copy = duplicateStandard(current, draft.standards);
                    return { ...draft, standards: [...draft.standards, copy] };
                  })
                }
                testId={`${testId}-duplicate`}
              >
                Duplicate
              </Button>
              <Button
                appearance="danger"
                onClick={() => update((draft) => ({ ...draft, standards: removeAt(draft.standards, index) }))}
                testId={`${testId}-delete`}
              >
                Delete standard
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** Standards & gates: what issues must carry, when, and how strictly. */
export function StandardsSection(props: EditorProps) {
  const { config, update, problems, readOnly } = props;
  // Open: the admin opened it, or it has something to fix (until the admin closes it).
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const isOpen = (id: string, index: number) =>
    opened.has(id) ||
    (!closed.has(id) && problemsUnder(problems, ['standards', index]).some((p) => p.severity !== 'warning'));
  const toggle = (id: string, open: boolean) => {
    const without = (set: ReadonlySet<string>) => new Set([...set].filter((other) => other !== id));
    setOpened((current) => (open ? without(current) : new Set([...current, id])));
    setClosed((current) => (open ? new Set([...current, id]) : without(current)));
  };
  const counts = {
    enforce: config.standards.filter((s) => s.mode === 'enforce').length,
    warn: config.standards.filter((s) => s.mode === 'warn').length,
  };
  return (
    <div className="pmo-stack">
      <div className="pmo-section-header">
        <div>
          <Heading size="medium" as="h2" id="section-heading">
            Standards &amp; gates
          </Heading>
          <p className="pmo-subtle">
            {config.standards.length} standards: {counts.enforce} enforced, {counts.warn} warning only. A
            directive PMO enforces; a supportive one warns.
          </p>
        </div>
        {readOnly ? null : (
          <Button
            appearance="primary"
            onClick={() => {
              const created = newStandard(config.standards, config.lifecycle);
              update((draft) => ({ ...draft, standards: [...draft.standards, created] }));
              setOpened((current) => new Set([...current, created.id]));
            }}
            testId="standard-add"
          >
            Add standard
          </Button>
        )}
      </div>
      <SectionMessage
        appearance="information"
        title="Workflow validators run only in company-managed projects"
      >
        <p>
          Enforced standards block transitions through the PMO gate validator, which Jira runs only in
          company-managed projects. In team-managed projects they are shown as guidance in the issue panel and
          in reports, and nothing is blocked.
        </p>
      </SectionMessage>
      <ProblemText messages={problemsAt(problems, ['standards'])} />
      {config.standards.length === 0 ? (
        <p className="pmo-subtle">No standards yet. Teams see no guidance and nothing is blocked.</p>
      ) : (
        <ul className="pmo-cards">
          {config.standards.map((standard, index) => (
            <StandardCard
              key={standard.id}
              standard={standard}
              index={index}
              expanded={isOpen(standard.id, index)}
              onToggle={() => toggle(standard.id, isOpen(standard.id, index))}
              props={props}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
