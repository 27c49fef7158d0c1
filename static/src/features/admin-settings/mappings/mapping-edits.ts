import type { PmoConfig } from '@domain/config/schema';
import type { BlockingLinkMapping } from '@domain/settings';
import type { Role, SiteCatalog } from '../catalog';

export type BlockingChoice = 'none' | BlockingLinkMapping['blockerDirection'];

/** How link type `type` is mapped: not at all, or the direction whose carrier is the blocker. */
export function blockingChoice(links: readonly BlockingLinkMapping[], type: string): BlockingChoice {
  const mapping = links.find((link) => link.type.toLowerCase() === type.toLowerCase());
  return mapping ? mapping.blockerDirection : 'none';
}

/** `links` with link type `type` mapped as `choice` (keeping the position of an existing mapping). */
export function setBlocking(
  links: readonly BlockingLinkMapping[],
  type: string,
  choice: BlockingChoice,
): BlockingLinkMapping[] {
  const same = (link: BlockingLinkMapping) => link.type.toLowerCase() === type.toLowerCase();
  if (choice === 'none') return links.filter((link) => !same(link));
  if (links.some(same)) return links.map((link) => (same(link) ? { type, blockerDirection: choice } : link));
  return [...links, { type, blockerDirection: choice }];
}

/**
 * The configuration with `role` mapped to custom field `id` (null: found by name again). The risk
 * owner and ROAM roles are also what the portfolio engine reads (`engine.riskOwnerFieldId`,
 * `engine.riskRoamFieldId`), so those follow: the chosen field, else the one suggested by name.
 */
export function withFieldRole(
  config: PmoConfig,
  role: Role,
  id: string | null,
  catalog: SiteCatalog,
): PmoConfig {
  const fieldMapping = { ...config.fieldMapping };
  if (id === null) delete fieldMapping[role];
  else fieldMapping[role] = id;
  const effective = id ?? catalog.suggestedFieldMapping[role] ?? null;
  let engine = config.engine;
  if (role === 'roam') engine = { ...engine, riskRoamFieldId: effective };
  if (role === 'riskOwner') engine = { ...engine, riskOwnerFieldId: effective };
  return { ...config, fieldMapping, engine };
}
