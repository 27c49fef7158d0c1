import type { LiveSettings } from '../AdminSettingsTypes';
import type { SiteCatalog } from '../catalog';
import type { useSettingsDraft } from '../draft/use-settings-draft';
import { ConflictMessage } from '../publish/ConflictMessage';
import { PublishBar } from '../publish/PublishBar';
import type { SectionId } from '../sections';

type Draft = ReturnType<typeof useSettingsDraft>;

/** The sticky footer while there is something to publish or a conflict to settle. */
export function SettingsFooter({
  draft,
  catalog,
  fetchLive,
  onNotice,
  onGoTo,
}: {
  draft: Draft;
  catalog: SiteCatalog;
  fetchLive: () => Promise<LiveSettings>;
  onNotice: (message: string) => void;
  /** Opens a section to fix a problem there. */
  onGoTo: (section: SectionId) => void;
}) {
  const { state, dispatch, dirty, setServerProblems } = draft;
  if (!dirty && !state.conflict) return null;
  const baseOf = (fresh: LiveSettings) => ({ version: fresh.version, config: fresh.config });
  return (
    <div className="pmo-admin__footer">
      {state.conflict ? (
        <ConflictMessage
          conflict={state.conflict}
          base={state.base}
          draft={state.draft}
          fetchLive={fetchLive}
          onKeepMine={(fresh) => {
            dispatch({ type: 'rebase', base: baseOf(fresh) });
            onNotice(`Your changes now sit on top of version ${fresh.version}. Check them, then publish.`);
          }}
          onTakeTheirs={(fresh) => {
            dispatch({ type: 'load', base: baseOf(fresh) });
            onNotice(`Your changes were discarded; version ${fresh.version} is loaded.`);
          }}
        />
      ) : null}
      {dirty ? (
        <PublishBar
          draft={state.draft}
          baseVersion={state.base.version}
          changes={draft.changes}
          changed={draft.changed}
          problems={draft.problems}
          catalog={catalog}
          blocked={state.conflict !== null}
          onServerProblems={(checked, found) => setServerProblems({ draft: checked, problems: found })}
          onConflict={(liveVersion, message) =>
            dispatch({ type: 'conflict', conflict: { liveVersion, message } })
          }
          onDiscard={() => {
            dispatch({ type: 'discard' });
            setServerProblems(null);
          }}
          onGoTo={onGoTo}
          onPublished={async (version, config) => {
            dispatch({ type: 'published', base: { version, config } });
            onNotice(`Published version ${version}. It is live now.`);
            const fresh = await fetchLive().catch(() => null);
            if (fresh) dispatch({ type: 'rebase', base: baseOf(fresh) });
          }}
        />
      ) : null}
    </div>
  );
}
