import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ReactNode } from 'react';

/** The server's reason (a sentence) as a title, or one made from the PMO group. */
export function readOnlyTitle(reason: string | null, group: string | null): string {
  if (reason !== null && reason.trim() !== '') return reason.trim().replace(/\.$/, '');
  return group === null
    ? 'Only Jira administrators can change PMO settings'
    : `Only Jira administrators and members of the group "${group}" can change PMO settings`;
}

/** One message above the sections, with at most one action (Retry, Dismiss). */
function Banner({
  appearance,
  title,
  action,
  testId,
  children,
}: {
  appearance: 'warning' | 'information';
  title?: string;
  action?: { label: string; onClick: () => void };
  testId?: string;
  children: ReactNode;
}) {
  const actions = action
    ? [
        <SectionMessageAction key={action.label} onClick={action.onClick}>
          {action.label}
        </SectionMessageAction>,
      ]
    : undefined;
  return (
    <div className="pmo-admin__banner" data-testid={testId}>
      <SectionMessage appearance={appearance} title={title} actions={actions}>
        {children}
      </SectionMessage>
    </div>
  );
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
        <Banner appearance="warning" title={lockedTitle} testId="readonly-banner">
          <p>
            You can look at every setting, but not change them. Ask a Jira administrator if something should
            change.
          </p>
        </Banner>
      ) : null}
      {catalogFailed ? (
        <Banner
          appearance="warning"
          title="We couldn't read this site's projects, statuses and fields"
          action={{ label: 'Retry', onClick: onRetryCatalog }}
        >
          <p>The pickers are empty until Jira answers. What is already set is kept.</p>
        </Banner>
      ) : null}
      {notice ? (
        <Banner appearance="information" action={{ label: 'Dismiss', onClick: onDismissNotice }}>
          <p role="status" data-testid="settings-notice">
            {notice}
          </p>
        </Banner>
      ) : null}
    </>
  );
}
