import Heading from '@atlaskit/heading';
import type { LiveSettings } from '../AdminSettingsTypes';
import { formatDateTime } from '../audit/audit-format';

/** The page title and which version is live. */
export function SettingsHeader({ live }: { live: LiveSettings }) {
  return (
    <header className="pmo-admin__header">
      <div>
        <Heading size="large" as="h1">
          PMO settings
        </Heading>
        <p className="pmo-subtle" data-testid="live-version">
          {live.version === 0
            ? 'The built-in defaults are in force: nothing has been published yet.'
            : `Live: version ${live.version}, published ${formatDateTime(live.savedAt)} by ${live.authorName ?? 'Unknown user'}.`}
        </p>
      </div>
    </header>
  );
}
