import type { ConfigChange } from '@domain/config/diff';
import { SETTINGS_SECTIONS, type SectionId, sectionOfPath } from '../sections';

/**
 * Display helpers for configuration changes. The changes themselves come from the domain's
 * `diffConfigs` (the same sentences the audit log stores): on the server for versions and
 * imports, here for the unsaved draft and the conflict compare.
 */

/** `standards[risk-register].rules[x].when` as its leading keys: ["standards", "risk-register", ...]. */
export function changePathKeys(path: string): string[] {
  return path
    .replace(/\[([^\]]*)\]/g, '.$1')
    .split('.')
    .filter((key) => key !== '');
}

/** The section where a change is made, or null (the schema version, the root). */
export function sectionOfChange(change: Pick<ConfigChange, 'path'>): SectionId | null {
  return sectionOfPath(changePathKeys(change.path));
}

export interface ChangeGroup {
  section: SectionId | null;
  label: string;
  changes: ConfigChange[];
}

/** Changes grouped by section, in navigation order; changes of no section come last as "Other". */
export function groupChangesBySection(changes: readonly ConfigChange[]): ChangeGroup[] {
  const groups = new Map<SectionId | null, ConfigChange[]>();
  for (const change of changes) {
    const section = sectionOfChange(change);
    groups.set(section, [...(groups.get(section) ?? []), change]);
  }
  const ordered: ChangeGroup[] = [];
  for (const section of SETTINGS_SECTIONS) {
    const found = groups.get(section.id);
    if (found) ordered.push({ section: section.id, label: section.label, changes: found });
  }
  const other = groups.get(null);
  if (other) ordered.push({ section: null, label: 'Other', changes: other });
  return ordered;
}

/** "3 changes in Standards & gates, 1 in Health thresholds." */
export function summarizeChanges(changes: readonly ConfigChange[]): string {
  if (changes.length === 0) return 'No differences.';
  const groups = groupChangesBySection(changes);
  const parts = groups.map(
    (group, index) =>
      `${group.changes.length}${index === 0 ? ` change${group.changes.length === 1 ? '' : 's'}` : ''} in ${group.label}`,
  );
  return `${parts.join(', ')}.`;
}
