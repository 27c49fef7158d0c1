import { type FieldRole, guessFieldRole } from './field-roles';
import type { LinkType } from './model';
import type { BlockingLinkMapping } from './settings';

export interface SiteField {
  id: string;
  name: string;
  custom?: boolean;
}

export type SiteLinkType = Pick<LinkType, 'name' | 'inward' | 'outward'>;

/**
 * A first field mapping from the site's field names (custom field ids differ per site). The first
 * custom field whose name fits a role wins; the admin confirms or changes it in settings.
 */
export function suggestFieldMapping(fields: readonly SiteField[]): Partial<Record<FieldRole, string>> {
  const mapping: Partial<Record<FieldRole, string>> = {};
  for (const field of fields) {
    if (field.custom === false) continue;
    const role = guessFieldRole(field.name);
    if (role && mapping[role] === undefined) mapping[role] = field.id;
  }
  return mapping;
}

/**
 * Which link types mean "blocks", read from their texts: "blocks" on one side means the issue on
 * that side is the blocker; "depends on" / "is blocked by" on one side means the other side is.
 */
export function suggestBlockingLinks(linkTypes: readonly SiteLinkType[]): BlockingLinkMapping[] {
  const blockerText = /^(blocks|is a dependency of|is depended on by|is a prerequisite (for|of))$/i;
  const blockedText = /^(is blocked by|depends on|has prerequisite)$/i;
  const mappings: BlockingLinkMapping[] = [];
  for (const type of linkTypes) {
    const outward = type.outward.trim();
    const inward = type.inward.trim();
    if (blockerText.test(outward) || blockedText.test(inward)) {
      mappings.push({ type: type.name, blockerDirection: 'outward' });
    } else if (blockerText.test(inward) || blockedText.test(outward)) {
      mappings.push({ type: type.name, blockerDirection: 'inward' });
    }
  }
  return mappings;
}
