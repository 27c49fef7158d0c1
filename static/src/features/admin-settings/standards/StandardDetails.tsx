import type { Standard } from '@domain/standards/schema';
import { type ProblemPath, type Problems, problemsAt } from '../draft/validation';
import { RadioGroup } from '../ui/ChoiceFields';
import { TextAreaField, TextField } from '../ui/TextFields';
import type { StandardRecipe } from './use-standard-edit';

/** A standard's name, description for teams, and what a transition does when checking fails. */
export function StandardDetails({
  standard,
  path,
  problems,
  testId,
  setStandard,
}: {
  standard: Standard;
  path: ProblemPath;
  problems: Problems;
  testId: string;
  setStandard: (recipe: StandardRecipe) => void;
}) {
  return (
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
  );
}
