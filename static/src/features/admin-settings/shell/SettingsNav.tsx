import { SETTINGS_SECTIONS, type SectionId } from '../sections';

/** The sections of the settings, with marks for unsaved changes, problems to fix and warnings. */
export function SettingsNav({
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
