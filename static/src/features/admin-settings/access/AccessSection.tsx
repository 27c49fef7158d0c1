import SectionMessage from '@atlaskit/section-message';
import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { SectionIntro } from '../ui/SectionIntro';
import { OptionalTextField } from '../ui/TextFields';

/** Access: who besides Jira admins may change these settings. Only Jira admins may change it. */
export function AccessSection({
  config,
  update,
  problems,
  canEditAccess,
}: EditorProps & { canEditAccess: boolean }) {
  const group = config.access.pmoGroupName;
  return (
    <div className="pmo-stack">
      <SectionIntro section="access">
        Jira administrators can always change PMO settings. You can let the members of one Jira group (for
        example your PMO leads) change them too.
      </SectionIntro>
      {canEditAccess ? null : (
        <SectionMessage appearance="information" title="Only Jira administrators can change access">
          <p>You can change the other settings, but not who may change them.</p>
        </SectionMessage>
      )}
      <fieldset disabled={!canEditAccess} className="pmo-plain-fieldset">
        <OptionalTextField
          label="Jira group whose members may change settings"
          value={group}
          onChange={(pmoGroupName) =>
            update((draft) => ({ ...draft, access: { ...draft.access, pmoGroupName } }))
          }
          problems={problemsAt(problems, ['access', 'pmoGroupName'])}
          placeholder="Administrators only"
          help="The group's exact name as in Jira's user management. Leave empty for administrators only."
          maxLength={255}
          testId="access-group"
        />
      </fieldset>
    </div>
  );
}
