import Lozenge from '@atlaskit/lozenge';
import type { ConfigChange } from '@domain/config/diff';
import { groupChangesBySection } from '../draft/diff';

const KIND = {
  added: { label: 'Added', appearance: 'success' },
  removed: { label: 'Removed', appearance: 'removed' },
  changed: { label: 'Changed', appearance: 'inprogress' },
} as const;

/** Changes between two configurations, grouped by settings section, each as a sentence. */
export function ChangeList({
  changes,
  testId,
  emptyText = 'No differences.',
  limit = 200,
}: {
  changes: readonly ConfigChange[];
  testId?: string;
  emptyText?: string;
  limit?: number;
}) {
  if (changes.length === 0) {
    return (
      <p className="pmo-subtle" data-testid={testId}>
        {emptyText}
      </p>
    );
  }
  const groups = groupChangesBySection(changes.slice(0, limit));
  return (
    <div className="pmo-column pmo-gap-150" data-testid={testId}>
      {groups.map((group) => (
        <div key={group.label} className="pmo-changes__group">
          <h4 className="pmo-changes__heading">{group.label}</h4>
          <ul className="pmo-bare-list pmo-column">
            {group.changes.map((change) => (
              <li key={`${change.kind}:${change.path}`} className="pmo-changes__item">
                <span className="pmo-changes__kind">
                  <Lozenge appearance={KIND[change.kind].appearance}>{KIND[change.kind].label}</Lozenge>
                </span>
                <span className="pmo-changes__summary">{change.summary}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {changes.length > limit ? (
        <p className="pmo-subtle">and {changes.length - limit} more changes.</p>
      ) : null}
    </div>
  );
}
