import Button from '@atlaskit/button/new';
import type { Standard, StandardMode } from '@domain/standards/schema';
import { problemsUnder } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { SelectField } from '../ui/SelectField';
import { SettingsCard } from '../ui/SettingsCard';
import { duplicateStandard, removeAt } from './rule-templates';
import { StandardDetails } from './StandardDetails';
import { StandardRules } from './StandardRules';
import { StandardScope } from './StandardScope';
import { scopeSummary } from './standard-summary';
import { useStandardEdit } from './use-standard-edit';

/** Modes as the header select offers them: what each does, in a few words. */
const MODE_CHOICES: { value: StandardMode; label: string }[] = [
  { value: 'enforce', label: 'Enforce: block transitions' },
  { value: 'warn', label: 'Warn: guidance only' },
  { value: 'off', label: 'Off' },
];

/** One standard: a header with its mode, and when expanded its details, scope, rules and actions. */
export function StandardCard({
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
  const { setStandard, setScope } = useStandardEdit(index, update);
  const problemCount = problemsUnder(problems, path).length;
  const bodyId = `standard-body-${standard.id}`;
  const testId = `standard-${standard.id}`;
  const parts = { standard, path, problems, testId };

  return (
    <SettingsCard
      name={standard.name.trim() === '' ? 'Untitled standard' : standard.name}
      summary={scopeSummary(standard, catalog)}
      problemCount={problemCount}
      actions={
        <>
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
        </>
      }
      bodyId={bodyId}
      testId={`standard-row-${standard.id}`}
    >
      {expanded ? (
        <>
          <StandardDetails {...parts} setStandard={setStandard} />
          <StandardScope {...parts} catalog={catalog} readOnly={readOnly} setScope={setScope} />
          <StandardRules
            {...parts}
            catalog={catalog}
            lifecycle={config.lifecycle}
            readOnly={readOnly}
            setStandard={setStandard}
          />
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
        </>
      ) : null}
    </SettingsCard>
  );
}
