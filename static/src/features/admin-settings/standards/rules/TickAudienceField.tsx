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

/**
 * Who may act on something (tick a checklist item, score, authorise); the group or role name when one
 * is chosen. An unset audience means `unsetMeans`: anyone who can edit the issue (the default), or
 * the PMO where editors are not an option (authorising at a gate), so the PMO choice stores nothing.
 */
export function TickAudienceField({
  audience,
  onChange,
  problems,
  itemLabel,
  testId,
  action = 'tick',
  unsetMeans = 'editors',
}: {
  audience: TickAudience | undefined;
  onChange: (audience: TickAudience | undefined) => void;
  problems: readonly string[];
  itemLabel: string;
  testId: string;
  /** The verb of the field's label: "Who may {action} {itemLabel}". */
  action?: string;
  unsetMeans?: 'editors' | 'pmo';
}) {
  const namedAudience = audience !== undefined && audience.kind !== 'pmo' ? audience : null;
  const choices = unsetMeans === 'pmo' ? CHOICES.filter((choice) => choice.value !== 'editors') : CHOICES;
  const choose = (kind: AudienceKind) => {
    if (kind === unsetMeans) onChange(undefined);
    else if (kind === 'pmo') onChange({ kind: 'pmo' });
    else if (kind !== 'editors')
      onChange(named(kind, namedAudience?.kind === kind ? nameOf(namedAudience) : ''));
  };
  const nameField = namedAudience ? NAME_FIELDS[namedAudience.kind] : null;
  return (
    <div className="pmo-tick-audience">
      <SelectField
        label={`Who may ${action} ${itemLabel}`}
        hideLabel
        value={audience?.kind ?? unsetMeans}
        options={choices}
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
