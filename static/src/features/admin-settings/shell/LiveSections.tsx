import type { LiveSettings } from '../AdminSettingsTypes';
import { AuditSection } from '../audit/AuditSection';
import type { SiteCatalog } from '../catalog';
import { ImportExportSection } from '../import-export/ImportExportSection';
import { OverridesSection } from '../overrides/OverridesSection';
import type { SectionId } from '../sections';
import { VersionsSection } from '../versions/VersionsSection';

/**
 * The section being shown when it acts on the live settings at once (an override, a restore, an
 * import each make a new version; the audit log only reads); nothing for the draft's sections.
 */
export function LiveSections({
  section,
  live,
  names,
  catalog,
  readOnly,
  dirty,
  onOverridesChanged,
  onLiveReplaced,
}: {
  section: SectionId;
  live: LiveSettings;
  /** Display names of the people the live settings name (override authors), by account id. */
  names: Readonly<Record<string, string>>;
  catalog: SiteCatalog;
  readOnly: boolean;
  /** The draft has unsaved changes (a restore or an import would replace them). */
  dirty: boolean;
  /** An override was saved or cleared: the draft moves onto the new version and keeps its edits. */
  onOverridesChanged: () => Promise<void>;
  /** A restore or an import made a new version live: the draft is replaced by it. */
  onLiveReplaced: (message: string) => Promise<void>;
}) {
  return (
    <>
      {section === 'overrides' ? (
        <OverridesSection
          live={{ version: live.version, config: live.config }}
          names={names}
          catalog={catalog}
          readOnly={readOnly}
          onChanged={onOverridesChanged}
        />
      ) : null}
      {section === 'versions' ? (
        <VersionsSection
          key={live.version}
          liveVersion={live.version}
          dirty={dirty}
          canEdit={!readOnly}
          onRestored={(version) =>
            onLiveReplaced(`Version ${version} is live: it restores the earlier settings.`)
          }
        />
      ) : null}
      {section === 'audit' ? <AuditSection canEdit={!readOnly} liveVersion={live.version} /> : null}
      {section === 'import-export' ? (
        <ImportExportSection
          liveVersion={live.version}
          dirty={dirty}
          canEdit={!readOnly}
          onImported={(version) => onLiveReplaced(`Version ${version} is live: the imported settings.`)}
        />
      ) : null}
    </>
  );
}
