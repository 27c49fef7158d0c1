import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { useRef } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import type { SiteCatalog } from './catalog';
import './admin-settings.css';
import { SettingsEditor } from './shell/SettingsEditor';

const NO_PAYLOAD = {};

const EMPTY_CATALOG: SiteCatalog = {
  projects: [],
  categories: [],
  issueTypes: [],
  statuses: [],
  fields: [],
  linkTypes: [],
  suggestedFieldMapping: {},
  suggestedBlockingLinks: [],
};

/** PMO settings (the admin page): every setting the other surfaces use, versioned and audited. */
export default function AdminSettingsApp() {
  const settings = useResolver('getSettings', NO_PAYLOAD);
  const catalog = useResolver('getSiteCatalog', NO_PAYLOAD);
  // Once the editor shows, it stays (with its draft) while the catalog is fetched again.
  const started = useRef(false);
  if (settings.status === 'ready' && catalog.status !== 'loading') started.current = true;
  if (started.current && settings.status === 'ready') {
    return (
      <SettingsEditor
        initial={settings.data}
        catalog={catalog.status === 'ready' ? catalog.data : EMPTY_CATALOG}
        catalogFailed={catalog.status === 'error'}
        onRetryCatalog={catalog.reload}
      />
    );
  }
  if (settings.status === 'error' && settings.error.code === 'FORBIDDEN') {
    // Settings hold override reasons and portfolio definitions meant for the PMO: the server answers
    // only settings editors, and everyone else sees this (no retry: asking again changes nothing).
    return (
      <main className="pmo-page" data-testid="settings-no-access">
        <h1 className="pmo-visually-hidden">PMO settings</h1>
        <EmptyState
          header="You don't have access to PMO settings"
          description="Only Jira administrators and members of the PMO group an administrator has named can see and change these settings. Ask your Jira administrator if you need access."
          headingLevel={2}
        />
      </main>
    );
  }
  if (settings.status === 'error') {
    return (
      <main className="pmo-page">
        <Heading size="large" as="h1">
          PMO settings
        </Heading>
        <ErrorState error={settings.error} what="read the PMO settings" onRetry={settings.reload} />
      </main>
    );
  }
  return (
    <main className="pmo-page">
      <h1 className="pmo-visually-hidden">PMO settings</h1>
      <LoadingState label="Loading PMO settings" />
    </main>
  );
}
