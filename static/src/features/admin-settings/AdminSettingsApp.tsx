import Heading from '@atlaskit/heading';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { SettingsProblem } from '@contracts/settings';
import { diffConfigs } from '@domain/config/diff';
import type { PmoConfig } from '@domain/config/schema';
import { view } from '@forge/bridge';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { callResolver } from '../../shared/api/invoke';
import { useResolver } from '../../shared/api/use-resolver';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import type { LiveSettings, SettingsAnswer } from './AdminSettingsTypes';
import { AccessSection } from './access/AccessSection';
import { AuditSection } from './audit/AuditSection';
import { formatDateTime } from './audit/audit-format';
import type { SiteCatalog } from './catalog';
import { changedParts, draftReducer, initialDraftState, isDirty } from './draft/draft-reducer';
import { mergeProblems } from './draft/server-problems';
import { problemCountBySection, validateDraft } from './draft/validation';
import type { EditorProps, Recipe } from './editor-props';
import { ImportExportSection } from './import-export/ImportExportSection';
import { LifecycleSection } from './lifecycle/LifecycleSection';
import { MappingsSection } from './mappings/MappingsSection';
import { OverridesSection } from './overrides/OverridesSection';
import { PortfoliosSection } from './portfolios/PortfoliosSection';
import { ConflictMessage } from './publish/ConflictMessage';
import { PublishBar } from './publish/PublishBar';
import { RiskMatrixSection } from './risk-matrix/RiskMatrixSection';
import { SETTINGS_SECTIONS, type SectionId, sectionsOfParts } from './sections';
import { StandardsSection } from './standards/StandardsSection';
import { ThresholdsSection } from './thresholds/ThresholdsSection';
import { VersionsSection } from './versions/VersionsSection';
import './admin-settings.css';

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

/** Sections that edit the draft (the others act at once or only read). */
const DRAFT_SECTIONS: ReadonlySet<SectionId> = new Set([
  'portfolios',
  'standards',
  'lifecycle',
  'thresholds',
  'risk-matrix',
  'mappings',
  'access',
]);

function useAccountId(): string | null {
  const [accountId, setAccountId] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    view.getContext().then(
      (context: unknown) => {
        const id = (context as { accountId?: unknown } | null)?.accountId;
        if (!cancelled && typeof id === 'string' && id !== '') setAccountId(id);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return accountId;
}

/** Warns before the frame unloads while there are unsaved changes. */
function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** The server's reason (a sentence) as a title, or one made from the PMO group. */
function readOnlyTitle(reason: string | null, group: string | null): string {
  if (reason !== null && reason.trim() !== '') return reason.trim().replace(/\.$/, '');
  return group === null
    ? 'Only Jira administrators can change PMO settings'
    : `Only Jira administrators and members of the group "${group}" can change PMO settings`;
}

function SettingsNav({
  current,
  onSelect,
  unsaved,
  problemCounts,
  warningCounts,
}: {
  current: SectionId;
  onSelect: (section: SectionId) => void;
  unsaved: ReadonlySet<SectionId>;
  problemCounts: ReadonlyMap<SectionId, number>;
  warningCounts: ReadonlyMap<SectionId, number>;
}) {
  return (
    <nav className="pmo-admin__nav" aria-label="Settings sections">
      <ul>
        {SETTINGS_SECTIONS.map((section) => {
          const problems = problemCounts.get(section.id) ?? 0;
          const warnings = warningCounts.get(section.id) ?? 0;
          const changed = unsaved.has(section.id);
          const notes = [
            changed ? 'unsaved changes' : null,
            problems > 0 ? `${problems} to fix` : null,
            warnings > 0 ? `${warnings} to check` : null,
          ].filter(Boolean);
          return (
            <li key={section.id}>
              <button
                type="button"
                className="pmo-admin__nav-item"
                aria-current={section.id === current ? 'page' : undefined}
                data-testid={`settings-nav-${section.id}`}
                onClick={() => onSelect(section.id)}
              >
                <span>{section.label}</span>
                {notes.length > 0 ? <span className="pmo-visually-hidden">({notes.join(', ')})</span> : null}
                <span className="pmo-admin__nav-marks" aria-hidden="true">
                  {problems > 0 ? <span className="pmo-admin__badge">{problems}</span> : null}
                  {warnings > 0 ? (
                    <span className="pmo-admin__badge pmo-admin__badge--warning" title="Worth a look">
                      {warnings}
                    </span>
                  ) : null}
                  {changed ? <span className="pmo-admin__dot" title="Unsaved changes" /> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

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
  const live = settings.live;
  const [state, dispatch] = useReducer(
    draftReducer,
    { version: live.version, config: live.config },
    initialDraftState,
  );
  const [section, setSection] = useState<SectionId>('portfolios');
  const [serverProblems, setServerProblems] = useState<{
    draft: PmoConfig;
    problems: SettingsProblem[];
  } | null>(null);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const accountId = useAccountId();
  const contentRef = useRef<HTMLElement>(null);
  const readOnly = !settings.canEdit;

  const dirty = isDirty(state);
  useUnsavedWarning(dirty);
  const changed = useMemo(
    () => changedParts(state.base.config, state.draft),
    [state.base.config, state.draft],
  );
  const changes = useMemo(() => (dirty ? diffConfigs(state.base.config, state.draft) : []), [dirty, state]);
  const clientProblems = useMemo(() => validateDraft(state.draft), [state.draft]);
  const problems = useMemo(
    () =>
      serverProblems !== null && serverProblems.draft === state.draft
        ? mergeProblems(clientProblems, serverProblems.problems)
        : clientProblems,
    [clientProblems, serverProblems, state.draft],
  );
  const problemCounts = useMemo(() => problemCountBySection(problems), [problems]);
  const warningCounts = useMemo(() => problemCountBySection(problems, 'warning'), [problems]);
  const unsaved = useMemo(() => new Set(sectionsOfParts(changed)), [changed]);

  const fetchLive = useCallback(async (): Promise<LiveSettings> => {
    const fresh = await callResolver('getSettings', NO_PAYLOAD);
    setSettings(fresh);
    return fresh.live;
  }, []);

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

  const update = useCallback((recipe: Recipe) => dispatch({ type: 'update', recipe }), []);

  const editor: EditorProps = { config: state.draft, update, problems, catalog, readOnly };

  const checkWithJira = async () => {
    setChecking(true);
    try {
      const draft = state.draft;
      const answer = await callResolver('validateSettings', { config: draft });
      setServerProblems({ draft, problems: answer.problems });
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
              : `Live: version ${live.version}, published ${formatDateTime(live.savedAt)} by ${live.author ?? 'unknown'}.`}
          </p>
        </div>
      </header>
      {readOnly ? (
        <div className="pmo-admin__banner" data-testid="readonly-banner">
          <SectionMessage
            appearance="warning"
            title={readOnlyTitle(settings.editReason, live.config.access.pmoGroupName)}
          >
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
              <SectionMessageAction key="dismiss" onClick={() => setNotice(null)}>
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
      <div className="pmo-admin__body">
        <SettingsNav
          current={section}
          onSelect={select}
          unsaved={unsaved}
          problemCounts={problemCounts}
          warningCounts={warningCounts}
        />
        <main
          className="pmo-admin__content"
          aria-labelledby="section-heading"
          tabIndex={-1}
          ref={contentRef}
          data-testid={`settings-section-${section}`}
        >
          <fieldset className="pmo-plain-fieldset" disabled={readOnly && DRAFT_SECTIONS.has(section)}>
            {section === 'portfolios' ? (
              <PortfoliosSection
                {...editor}
                accountId={accountId}
                onCheck={() => void checkWithJira()}
                checking={checking}
              />
            ) : null}
            {section === 'standards' ? <StandardsSection {...editor} /> : null}
            {section === 'lifecycle' ? <LifecycleSection {...editor} /> : null}
            {section === 'thresholds' ? <ThresholdsSection {...editor} /> : null}
            {section === 'risk-matrix' ? <RiskMatrixSection {...editor} /> : null}
            {section === 'mappings' ? <MappingsSection {...editor} /> : null}
            {section === 'access' ? (
              <AccessSection {...editor} canEditAccess={settings.canEditAccess && !readOnly} />
            ) : null}
          </fieldset>
          {section === 'overrides' ? (
            <OverridesSection
              live={{ version: live.version, config: live.config }}
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
