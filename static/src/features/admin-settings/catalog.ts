import type { SiteCatalog } from '@contracts/settings';
import type { FieldRef, Lifecycle } from '@domain/standards/schema';
import type { Choice } from './ui/choices';

export type { SiteCatalog };

/**
 * Picker options built from the site catalog (getSiteCatalog): what Jira has, by the names people
 * know, so that nothing that Jira lists has to be typed.
 */

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

export function projectChoices(catalog: SiteCatalog): Choice[] {
  return catalog.projects
    .map((project) => ({ value: project.key, label: `${project.name} (${project.key})` }))
    .sort(byLabel);
}

export function categoryChoices(catalog: SiteCatalog): Choice[] {
  return catalog.categories.map((category) => ({ value: category.id, label: category.name })).sort(byLabel);
}

/** Issue types by name (standards and RAID types match names, case-insensitively), each name once. */
export function issueTypeChoices(catalog: SiteCatalog): Choice[] {
  return uniqueNames(catalog.issueTypes.map((type) => type.name));
}

/** Statuses by name (rules and stages match names), each name once. */
export function statusChoices(catalog: SiteCatalog): Choice[] {
  return uniqueNames(catalog.statuses.map((status) => status.name));
}

export function linkTypeChoices(catalog: SiteCatalog): Choice[] {
  return uniqueNames(catalog.linkTypes.map((type) => type.name));
}

function uniqueNames(names: readonly string[]): Choice[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()].map((name) => ({ value: name, label: name })).sort(byLabel);
}

export function customFieldChoices(catalog: SiteCatalog): Choice[] {
  return catalog.fields
    .filter((field) => field.custom)
    .map((field) => ({ value: field.id, label: `${field.name} (${field.id})` }))
    .sort(byLabel);
}

export function stageChoices(lifecycle: Lifecycle): Choice[] {
  return lifecycle.stages.map((stage) => ({ value: stage.id, label: stage.name || stage.id }));
}

export const ROLE_LABEL = {
  storyPoints: 'Story points',
  startDate: 'Start date',
  team: 'Team',
  riskProbability: 'Risk probability',
  riskImpact: 'Risk impact',
  riskOwner: 'Risk owner',
  roam: 'ROAM status',
} as const;
export type Role = keyof typeof ROLE_LABEL;
export const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** A field reference as one picker value: `role:storyPoints` or `field:duedate`. */
export function fieldRefValue(ref: FieldRef): string {
  return ref.kind === 'role' ? `role:${ref.role}` : `field:${ref.id}`;
}

/**
 * Field picker options: the mapped roles first (they follow the field mapping, so one standard
 * works on every site), then every field of the site.
 */
export function fieldRefChoices(catalog: SiteCatalog): Choice[] {
  const roles = ROLES.map((role) => ({ value: `role:${role}`, label: `${ROLE_LABEL[role]} (mapped field)` }));
  const fields = catalog.fields
    .map((field) => ({
      value: `field:${field.id}`,
      label: field.custom ? `${field.name} (${field.id})` : field.name,
    }))
    .sort(byLabel);
  return [...roles, ...fields];
}

/** The field reference for a picker value, with the field's name captured from the catalog. */
export function fieldRefFromValue(value: string, catalog: SiteCatalog): FieldRef | null {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'role') {
    return (ROLES as string[]).includes(id) ? { kind: 'role', role: id as Role } : null;
  }
  if (kind === 'field') {
    const field = catalog.fields.find((candidate) => candidate.id === id);
    return { kind: 'field', id, name: field?.name ?? id };
  }
  return null;
}

export function projectName(catalog: SiteCatalog, key: string): string {
  return catalog.projects.find((project) => project.key === key)?.name ?? key;
}
