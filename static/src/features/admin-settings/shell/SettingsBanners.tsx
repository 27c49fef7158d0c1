import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';

/** The server's reason (a sentence) as a title, or one made from the PMO group. */
export function readOnlyTitle(reason: string | null, group: string | null): string {
  if (reason !== null && reason.trim() !== '') return reason.trim().replace(/\.$/, '');
  return group === null
    ? 'Only Jira administrators can change PMO settings'
    : `Only Jira administrators and members of the group "${group}" can change PMO settings`;
}

/** What the editor says above the sections: read-only access, a site catalog that failed, a notice. */
export function SettingsBanners({
  lockedTitle,
  catalogFailed,
  onRetryCatalog,
  notice,
  onDismissNotice,
}: {
  /** Set when the viewer may only look: why, as a title. */
  lockedTitle: string | null;
  catalogFailed: boolean;
  onRetryCatalog: () => void;
  notice: string | null;
  onDismissNotice: () => void;
}) {
  return (
    <>
      {lockedTitle !== null ? (
        <div className="pmo-admin__banner" data-testid="readonly-banner">
          <SectionMessage appearance="warning" title={lockedTitle}>
            <p>
              You can look at every setting, but not change them. Ask a Jira administrator if something should
              change.
            </p>
          </SectionMessage>
        </div>
      ) : null}
      {catalogFailed ? (
        <div className="pmo-admin__banner">
          <SectionMessage
            appearance="warning"
            title="We couldn't read this site's projects, statuses and fields"
            actions={[
              <SectionMessageAction key="retry" onClick={onRetryCatalog}>
                Retry
              </SectionMessageAction>,
            ]}
          >
            <p>The pickers are empty until Jira answers. What is already set is kept.</p>
          </SectionMessage>
        </div>
      ) : null}
      {notice ? (
        <div className="pmo-admin__banner">
          <SectionMessage
            appearance="information"
            actions={[
              <SectionMessageAction key="dismiss" onClick={onDismissNotice}>
                Dismiss
              </SectionMessageAction>,
            ]}
          >
            <p role="status" data-testid="settings-notice">
              {notice}
            </p>
          </SectionMessage>
        </div>
      ) : null}
    </>
  );
}
