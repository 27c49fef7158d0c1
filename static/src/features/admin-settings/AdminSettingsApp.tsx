import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { useCallback, useRef, useState } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import type { LiveSettings, SettingsAnswer } from './AdminSettingsTypes';
import { AuditSection } from './audit/AuditSection';
import { formatDateTime } from './audit/audit-format';
import type { SiteCatalog } from './catalog';
import type { EditorProps, Recipe } from './editor-props';
import { ImportExportSection } from './import-export/ImportExportSection';
import { OverridesSection } from './overrides/OverridesSection';
import { ConflictMessage } from './publish/ConflictMessage';
import { PublishBar } from './publish/PublishBar';
import type { SectionId } from './sections';
import { VersionsSection } from './versions/VersionsSection';
import './admin-settings.css';
import { useSettingsDraft } from './draft/use-settings-draft';
import { DraftSections } from './shell/DraftSections';
import { useAccountId, useUnsavedWarning } from './shell/page-hooks';
import { readOnlyTitle, SettingsBanners } from './shell/SettingsBanners';
import { SettingsNav } from './shell/SettingsNav';

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

function SettingsEditor({
  initial,
  catalog,
  catalogFailed,
  onRetryCatalog,
}: {
  initial: SettingsAnswer;
  catalog: SiteCatalog;
  catalogFailed: boolean;
  onRetryCatalog: () => void;
}) {
  const [settings, setSettings] = useState(initial);
  const getSettingsCall = useResolverAction('getSettings');
  const validateSettingsCall = useResolverAction('validateSettings');
  const live = settings.live;
  const [section, setSection] = useState<SectionId>('portfolios');
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const accountId = useAccountId();
  const contentRef = useRef<HTMLElement>(null);
  const readOnly = !settings.canEdit;

  const draft = useSettingsDraft({ version: live.version, config: live.config });
  const { state, dispatch, dirty, changed, changes, problems, setServerProblems } = draft;
  useUnsavedWarning(dirty);

  const fetchLive = useCallback(async (): Promise<LiveSettings> => {
    const fresh = await getSettingsCall.run(NO_PAYLOAD);
    setSettings(fresh);
    return fresh.live;
  }, [getSettingsCall.run]);

  const select = (next: SectionId) => {
    setSection(next);
    setNotice(null);
    contentRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  };

  /** Opens `next` and moves focus to its first field with a problem. */
  const goToProblem = (next: SectionId) => {
    select(next);
    setTimeout(() => {
      const field = contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    }, 0);
  };

  const update = useCallback((recipe: Recipe) => dispatch({ type: 'update', recipe }), [dispatch]);

  const editor: EditorProps = { config: state.draft, update, problems, catalog, readOnly };

  const checkWithJira = async () => {
    setChecking(true);
    try {
      const checked = state.draft;
      const answer = await validateSettingsCall.run({ config: checked });
      setServerProblems({ draft: checked, problems: answer.problems });
      setNotice(
        answer.problems.length === 0
          ? 'Jira found nothing wrong.'
          : `Jira found ${answer.problems.length} thing${answer.problems.length === 1 ? '' : 's'} to look at.`,
      );
    } catch (caught) {
      setNotice(`We couldn't check with Jira: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setChecking(false);
    }
  };

  const afterLiveChange = async (message: string) => {
    const fresh = await fetchLive();
    dispatch({ type: 'load', base: { version: fresh.version, config: fresh.config } });
    setNotice(message);
  };

  return (
    <div className="pmo-admin">
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
      <SettingsBanners
        lockedTitle={readOnly ? readOnlyTitle(settings.editReason, live.config.access.pmoGroupName) : null}
        catalogFailed={catalogFailed}
        onRetryCatalog={onRetryCatalog}
        notice={notice}
        onDismissNotice={() => setNotice(null)}
      />
      <div className="pmo-admin__body">
        <SettingsNav
          current={section}
          onSelect={select}
          unsaved={draft.unsaved}
          problemCounts={draft.problemCounts}
          warningCounts={draft.warningCounts}
        />
        <main
          className="pmo-admin__content"
          aria-labelledby="section-heading"
          tabIndex={-1}
          ref={contentRef}
          data-testid={`settings-section-${section}`}
        >
          <DraftSections
            section={section}
            editor={editor}
            accountId={accountId}
            onCheck={() => void checkWithJira()}
            checking={checking}
            canEditAccess={settings.canEditAccess && !readOnly}
          />
          {section === 'overrides' ? (
            <OverridesSection
              live={{ version: live.version, config: live.config }}
              names={settings.names ?? {}}
              catalog={catalog}
              readOnly={readOnly}
              onChanged={async () => {
                const fresh = await fetchLive();
                dispatch({ type: 'rebase', base: { version: fresh.version, config: fresh.config } });
              }}
            />
          ) : null}
          {section === 'versions' ? (
            <VersionsSection
              key={live.version}
              liveVersion={live.version}
              dirty={dirty}
              canEdit={!readOnly}
              onRestored={(version) =>
                afterLiveChange(`Version ${version} is live: it restores the earlier settings.`)
              }
            />
          ) : null}
          {section === 'audit' ? <AuditSection canEdit={!readOnly} liveVersion={live.version} /> : null}
          {section === 'import-export' ? (
            <ImportExportSection
              liveVersion={live.version}
              dirty={dirty}
              canEdit={!readOnly}
              onImported={(version) => afterLiveChange(`Version ${version} is live: the imported settings.`)}
            />
          ) : null}
        </main>
      </div>
      {!readOnly && (dirty || state.conflict) ? (
        <div className="pmo-admin__footer">
          {state.conflict ? (
            <ConflictMessage
              conflict={state.conflict}
              base={state.base}
              draft={state.draft}
              fetchLive={fetchLive}
              onKeepMine={(fresh) => {
                dispatch({ type: 'rebase', base: { version: fresh.version, config: fresh.config } });
                setNotice(
                  `Your changes now sit on top of version ${fresh.version}. Check them, then publish.`,
                );
              }}
              onTakeTheirs={(fresh) => {
                dispatch({ type: 'load', base: { version: fresh.version, config: fresh.config } });
                setNotice(`Your changes were discarded; version ${fresh.version} is loaded.`);
              }}
            />
          ) : null}
          {dirty ? (
            <PublishBar
              draft={state.draft}
              baseVersion={state.base.version}
              changes={changes}
              changed={changed}
              problems={problems}
              catalog={catalog}
              blocked={state.conflict !== null}
              onServerProblems={(draft, found) => setServerProblems({ draft, problems: found })}
              onConflict={(liveVersion, message) =>
                dispatch({ type: 'conflict', conflict: { liveVersion, message } })
              }
              onDiscard={() => {
                dispatch({ type: 'discard' });
                setServerProblems(null);
              }}
              onGoTo={goToProblem}
              onPublished={async (version, config) => {
                dispatch({ type: 'published', base: { version, config } });
                setNotice(`Published version ${version}. It is live now.`);
                const fresh = await fetchLive().catch(() => null);
                if (fresh)
                  dispatch({ type: 'rebase', base: { version: fresh.version, config: fresh.config } });
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

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
