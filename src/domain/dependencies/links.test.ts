import type { IssueLink } from '../model';
import { defaultEngineSettings } from '../settings';
import { blockingLinksOf, indexBlockingLinks } from './links';

const link = (type: string, direction: 'outward' | 'inward', otherKey: string): IssueLink => ({
  type,
  direction,
  otherKey,
  otherStatusCategory: 'new',
});

describe('blocking link mapping', () => {
  const index = indexBlockingLinks(defaultEngineSettings.blockingLinks);

  it('reads Blocks: outward "blocks" makes the carrying issue the blocker', () => {
    expect(blockingLinksOf([link('Blocks', 'outward', 'B-1')], index)).toEqual({
      blocks: ['B-1'],
      blockedBy: [],
    });
    expect(blockingLinksOf([link('Blocks', 'inward', 'B-1')], index)).toEqual({
      blocks: [],
      blockedBy: ['B-1'],
    });
  });

  it('reads Dependency: inward "depends on" means the carrying issue is blocked by the other', () => {
    expect(blockingLinksOf([link('Dependency', 'inward', 'B-1')], index)).toEqual({
      blocks: [],
      blockedBy: ['B-1'],
    });
    expect(blockingLinksOf([link('Dependency', 'outward', 'B-1')], index)).toEqual({
      blocks: ['B-1'],
      blockedBy: [],
    });
  });

  it('follows a site mapping where the inward side is the blocker', () => {
    const custom = indexBlockingLinks([{ type: 'Prerequisite', blockerDirection: 'inward' }]);
    expect(blockingLinksOf([link('Prerequisite', 'inward', 'B-1')], custom)).toEqual({
      blocks: ['B-1'],
      blockedBy: [],
    });
  });

  it('ignores unmapped types, matches names case-insensitively and lists each key once', () => {
    const links = [
      link('Relates', 'outward', 'R-1'),
      link('blocks', 'outward', 'B-1'),
      link('Blocks', 'outward', 'B-1'),
      link('Cloners', 'inward', 'C-1'),
    ];
    expect(blockingLinksOf(links, index)).toEqual({ blocks: ['B-1'], blockedBy: [] });
  });
});
