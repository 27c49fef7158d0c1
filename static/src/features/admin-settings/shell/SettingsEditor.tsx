import { useCallback, useState } from 'react';
import type { SettingsAnswer } from '../AdminSettingsTypes';
import type { SiteCatalog } from '../catalog';
import { useSettingsDraft } from '../draft/use-settings-draft';
import type { EditorProps, Recipe } from '../editor-props';
import { DraftSections } from './DraftSections';
import { LiveSections } from './LiveSections';
import { useAccountId, useUnsavedWarning } from './page-hooks';
import { readOnlyTitle, SettingsBanners } from './SettingsBanners';
import { SettingsFooter } from './SettingsFooter';
import { SettingsHeader } from './SettingsHeader';
import { SettingsNav } from './SettingsNav';
import { useJiraCheck } from './use-jira-check';
import { useLiveSettings } from './use-live-settings';
import { useSectionFocus } from './use-section-focus';

/** The settings page once loaded: header, banners, nav, the open section, and the publish footer. */
export function SettingsEditor({
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
  const { settings, live, fetchLive } = useLiveSettings(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const { section, select, goToProblem, contentRef } = useSectionFocus(() => setNotice(null));
  const accountId = useAccountId();
  const readOnly = !settings.canEdit;

  const draft = useSettingsDraft({ version: live.version, config: live.config });
  const { state, dispatch, dirty, setServerProblems } = draft;
  useUnsavedWarning(dirty);
  const jira = useJiraCheck({ onProblems: setServerProblems, onNotice: setNotice });

  const update = useCallback((recipe: Recipe) => dispatch({ type: 'update', recipe }), [dispatch]);
  const editor: EditorProps = { config: state.draft, update, problems: draft.problems, catalog, readOnly };
  const footer = { draft, catalog, fetchLive, onNotice: setNotice, onGoTo: goToProblem };

  const reloadLive = async (kind: 'load' | 'rebase') => {
    const fresh = await fetchLive();
    dispatch({ type: kind, base: { version: fresh.version, config: fresh.config } });
  };

  return (
    <div className="pmo-admin">
      <SettingsHeader live={live} />
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
            onCheck={() => void jira.check(state.draft)}
            checking={jira.checking}
            canEditAccess={settings.canEditAccess && !readOnly}
          />
          <LiveSections
            section={section}
            live={live}
            names={settings.names ?? {}}
            catalog={catalog}
            readOnly={readOnly}
            dirty={dirty}
            onOverridesChanged={() => reloadLive('rebase')}
            onLiveReplaced={async (message) => {
              await reloadLive('load');
              setNotice(message);
            }}
          />
        </main>
      </div>
      {readOnly ? null : <SettingsFooter {...footer} />}
    </div>
  );
}
