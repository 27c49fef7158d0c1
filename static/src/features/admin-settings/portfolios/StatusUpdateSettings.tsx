import Heading from '@atlaskit/heading';
import type { PortfolioDefinition } from '@domain/config/schema';
import { DEFAULT_STATUS_SETTINGS, type StatusCadence, type StatusSettings } from '@domain/status/settings';
import { type ProblemPath, type Problems, problemsAt } from '../draft/validation';
import { CheckboxField } from '../ui/ChoiceFields';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextFields';

const CADENCES: { value: StatusCadence; label: string }[] = [
  { value: 'weekly', label: 'Every week' },
  { value: 'fortnightly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Every month' },
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
  (label, index) => ({ value: String(index + 1), label }),
);

type Props = {
  portfolio: PortfolioDefinition;
  path: ProblemPath;
  problems: Problems;
  onChange: (status: StatusSettings) => void;
  testId: string;
};

/** A portfolio's status updates: how often they are due, by which weekday, and who may write them. */
export function StatusUpdateSettings({ portfolio, path, problems, onChange, testId }: Props) {
  const status = portfolio.status ?? DEFAULT_STATUS_SETTINGS;
  const statusPath = [...path, 'status'];
  const set = (next: Partial<StatusSettings>) => onChange({ ...status, ...next });
  const setWriters = (next: Partial<StatusSettings['writers']>) =>
    set({ writers: { ...status.writers, ...next } });
  return (
    <section
      className="pmo-stack--tight"
      aria-labelledby={`${testId}-status-heading`}
      data-testid={`${testId}-status`}
    >
      <Heading size="xsmall" as="h4" id={`${testId}-status-heading`}>
        Status updates
      </Heading>
      <div className="pmo-form-grid pmo-form-grid--2">
        <SelectField
          label="An update is due"
          value={status.cadence}
          options={CADENCES}
          onChange={(cadence) => set({ cadence })}
          problems={problemsAt(problems, [...statusPath, 'cadence'])}
          help="Monthly updates are due on the month's last chosen weekday; fortnightly ones in their second week."
          testId={`${testId}-status-cadence`}
        />
        <SelectField
          label="Due by the end of"
          value={String(status.dueWeekday)}
          options={WEEKDAYS}
          onChange={(day) => set({ dueWeekday: Number(day) })}
          problems={problemsAt(problems, [...statusPath, 'dueWeekday'])}
          help="In the history's time zone. Unpublished updates show as late from the next day."
          testId={`${testId}-status-due`}
        />
      </div>
      <CheckboxField
        label="The project's lead may write it"
        checked={status.writers.projectLead}
        onChange={(projectLead) => setWriters({ projectLead })}
        testId={`${testId}-status-lead`}
      />
      <CheckboxField
        label="The project's administrators may write it"
        checked={status.writers.projectAdmins}
        onChange={(projectAdmins) => setWriters({ projectAdmins })}
        help="People with Administer projects on it in Jira. When a lead has left, project admins and the PMO group may always write."
        testId={`${testId}-status-admins`}
      />
      <TextField
        label="Members of this Jira group may write it"
        value={status.writers.groupName ?? ''}
        onChange={(name) => setWriters({ groupName: name.trim() === '' ? null : name })}
        problems={problemsAt(problems, [...statusPath, 'writers', 'groupName'])}
        placeholder="No group"
        maxLength={255}
        width="medium"
        testId={`${testId}-status-group`}
      />
    </section>
  );
}
