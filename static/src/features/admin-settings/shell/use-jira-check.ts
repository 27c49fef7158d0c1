import type { SettingsProblem } from '@contracts/settings';
import type { PmoConfig } from '@domain/config/schema';
import { useState } from 'react';
import { useResolverAction } from '../../../shared/api/use-resolver-action';

/** "Check with Jira": the server validates the draft; its problems show at their fields. */
export function useJiraCheck({
  onProblems,
  onNotice,
}: {
  onProblems: (found: { draft: PmoConfig; problems: SettingsProblem[] }) => void;
  onNotice: (message: string) => void;
}) {
  const validateSettingsCall = useResolverAction('validateSettings');
  const [checking, setChecking] = useState(false);

  const check = async (draft: PmoConfig) => {
    setChecking(true);
    try {
      const answer = await validateSettingsCall.run({ config: draft });
      onProblems({ draft, problems: answer.problems });
      const count = answer.problems.length;
      onNotice(
        count === 0
          ? 'Jira found nothing wrong.'
          : `Jira found ${count} thing${count === 1 ? '' : 's'} to look at.`,
      );
    } catch (caught) {
      onNotice(`We couldn't check with Jira: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setChecking(false);
    }
  };

  return { check, checking };
}
