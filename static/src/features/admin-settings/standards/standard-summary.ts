import type { Standard } from '@domain/standards/schema';
import type { SiteCatalog } from '../catalog';

/** One line under a standard's name: what it covers and how many rules and gates it has. */
export function scopeSummary(standard: Standard, catalog: SiteCatalog): string {
  const { scope } = standard;
  const parts: string[] = [];
  parts.push(
    scope.issueTypes && scope.issueTypes.length > 0 ? scope.issueTypes.join(', ') : 'All issue types',
  );
  if (scope.projectKeys && scope.projectKeys.length > 0) parts.push(`in ${scope.projectKeys.join(', ')}`);
  if (scope.categoryIds && scope.categoryIds.length > 0) {
    const names = scope.categoryIds.map(
      (id) => catalog.categories.find((category) => category.id === id)?.name ?? id,
    );
    parts.push(`in ${names.join(', ')}`);
  }
  if (!scope.projectKeys?.length && !scope.categoryIds?.length) parts.push('in every project');
  const gates = standard.rules.filter((rule) => rule.kind === 'gateChecklist').length;
  const rules = `${standard.rules.length} rule${standard.rules.length === 1 ? '' : 's'}`;
  return `${parts.join(' ')} · ${rules}${gates > 0 ? ` (${gates} gate${gates === 1 ? '' : 's'})` : ''}`;
}
