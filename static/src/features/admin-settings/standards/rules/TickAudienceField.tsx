import type { TickAudience } from '@domain/standards/schema';
import type { Choice } from '../../ui/choices';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextFields';

type AudienceKind = 'editors' | TickAudience['kind'];

const CHOICES: readonly Choice<AudienceKind>[] = [
  { value: 'editors', label: 'Anyone who can edit the issue' },
  { value: 'group', label: 'Members of a Jira group' },
  { value: 'projectRole', label: 'A project role' },
  { value: 'pmo', label: 'The PMO' },
];

/** Who may tick one checklist item; the group or role name when one is chosen. */
export function TickAudienceField({
  audience,
  onChange,
  problems,
  itemLabel,
  testId,
}: {
  audience: TickAudience | undefined;
  onChange: (audience: TickAudience | undefined) => void;
  problems: readonly string[];
  itemLabel: string;
  testId: string;
}) {
  const choose = (kind: AudienceKind) => {
    if (kind === 'editors') onChange(undefined);
    else if (kind === 'pmo') onChange({ kind: 'pmo' });
    else if (kind === 'group')
      onChange({ kind: 'group', group: audience?.kind === 'group' ? audience.group : '' });
    else onChange({ kind: 'projectRole', role: audience?.kind === 'projectRole' ? audience.role : '' });
  };
  return (
    <div className="pmo-tick-audience">
      <SelectField
        label={`Who may tick ${itemLabel}`}
        hideLabel
        value={audience?.kind ?? 'editors'}
        options={CHOICES}
        onChange={choose}
        testId={`${testId}-who`}
      />
      {audience?.kind === 'group' ? (
        <TextField
          label={`Jira group for ${itemLabel}`}
          hideLabel
          placeholder="Jira group, e.g. qa-leads"
          value={audience.group}
          onChange={(group) => onChange({ kind: 'group', group })}
          problems={problems}
          width="medium"
          maxLength={255}
          testId={`${testId}-group`}
        />
      ) : null}
      {audience?.kind === 'projectRole' ? (
        <TextField
          label={`Project role for ${itemLabel}`}
          hideLabel
          placeholder="Project role, e.g. Developers"
          value={audience.role}
          onChange={(role) => onChange({ kind: 'projectRole', role })}
          problems={problems}
          width="medium"
          maxLength={255}
          testId={`${testId}-role`}
        />
      ) : null}
    </div>
  );
}
