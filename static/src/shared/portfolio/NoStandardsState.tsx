import { EmptyMessage } from '../ui/EmptyMessage';

export const SETTINGS_HINT =
  'PMO standards are set by a Jira admin in the app’s settings: Jira settings → Apps → PMO Portfolio.';

/** The empty state of the compliance and gates pages: what is missing and where it is set up. */
export function NoStandardsState({
  testId,
  header,
  description,
}: {
  testId: string;
  header: string;
  description: string;
}) {
  return (
    <EmptyMessage
      testId={testId}
      header={header}
      headingLevel={2}
      description={`${description} ${SETTINGS_HINT}`}
    />
  );
}
