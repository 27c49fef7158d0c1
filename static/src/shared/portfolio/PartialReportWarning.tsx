import SectionMessage from '@atlaskit/section-message';

/** Said above a view when some projects could not be read completely: what may be missing, and from where. */
export function PartialReportWarning({
  staleProjects,
  what,
  testId,
}: {
  staleProjects: readonly string[];
  /** What of those projects may be missing, e.g. "RAID items". */
  what: string;
  testId: string;
}) {
  return (
    <SectionMessage appearance="warning" title="Some projects could not be read completely" testId={testId}>
      <p>
        {what} of {staleProjects.length === 1 ? 'this project' : 'these projects'} may be missing:{' '}
        {staleProjects.join(', ') || 'unknown projects'}. Refresh to try again.
      </p>
    </SectionMessage>
  );
}
