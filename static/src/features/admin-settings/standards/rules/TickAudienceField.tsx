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

/** An audience that needs a name: the group's or the role's. */
type NamedAudience = Exclude<TickAudience, { kind: 'pmo' }>;

/** How the name of each named audience is asked for. */
const NAME_FIELDS = {
  group: { label: 'Jira group', placeholder: 'Jira group, e.g. qa-leads', testSuffix: 'group' },
  projectRole: { label: 'Project role', placeholder: 'Project role, e.g. Developers', testSuffix: 'role' },
} as const;

const nameOf = (audience: NamedAudience): string =>
  audience.kind === 'group' ? audience.group : audience.role;

const named = (kind: NamedAudience['kind'], name: string): NamedAudience =>
  kind === 'group' ? { kind, group: name } : { kind, role: name };

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
  const namedAudience = audience !== undefined && audience.kind !== 'pmo' ? audience : null;
  const choose = (kind: AudienceKind) => {
    if (kind === 'editors') onChange(undefined);
    else if (kind === 'pmo') onChange({ kind: 'pmo' });
    else onChange(named(kind, namedAudience?.kind === kind ? nameOf(namedAudience) : ''));
  };
  const nameField = namedAudience ? NAME_FIELDS[namedAudience.kind] : null;
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
      {namedAudience && nameField ? (
        <TextField
          label={`${nameField.label} for ${itemLabel}`}
          hideLabel
          placeholder={nameField.placeholder}
          value={nameOf(namedAudience)}
          onChange={(name) => onChange(named(namedAudience.kind, name))}
          problems={problems}
          width="medium"
          maxLength={255}
          testId={`${testId}-${nameField.testSuffix}`}
        />
      ) : null}
    </div>
  );
}
