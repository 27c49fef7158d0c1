import type { IssueLink } from '../model';
import type { BlockingLinkMapping } from '../settings';

/** Link type name (lower-cased) -> the direction in which the carrying issue is the blocker. */
export type BlockingLinkIndex = ReadonlyMap<string, 'outward' | 'inward'>;

/**
 * Indexes the blocking-link mapping by type name. Names are matched case-insensitively; when a type is
 * listed twice, the first entry wins.
 */
export function indexBlockingLinks(mapping: readonly BlockingLinkMapping[]): BlockingLinkIndex {
  const index = new Map<string, 'outward' | 'inward'>();
  for (const { type, blockerDirection } of mapping) {
    const name = type.trim().toLowerCase();
    if (!index.has(name)) index.set(name, blockerDirection);
  }
  return index;
}

export interface BlockingLinks {
  /** Keys this issue blocks. */
  blocks: string[];
  /** Keys that block this issue. */
  blockedBy: string[];
}

/**
 * The blocking relations an issue's links express (see `BlockingLinkMappingSchema` for the direction
 * rule). Links of unmapped types are ignored; each other key is listed once per side.
 */
export function blockingLinksOf(links: readonly IssueLink[], index: BlockingLinkIndex): BlockingLinks {
  const blocks: string[] = [];
  const blockedBy: string[] = [];
  for (const link of links) {
    const blockerDirection = index.get(link.type.trim().toLowerCase());
    if (blockerDirection === undefined) continue;
    const list = link.direction === blockerDirection ? blocks : blockedBy;
    if (!list.includes(link.otherKey)) list.push(link.otherKey);
  }
  return { blocks, blockedBy };
}
