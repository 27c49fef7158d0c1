import { defaultPmoConfig } from '@domain/config/schema';
import type { SiteCatalog } from '../catalog';
import { blockingChoice, setBlocking, withFieldRole } from './mapping-edits';

const catalog: SiteCatalog = {
  projects: [],
  categories: [],
  issueTypes: [],
  statuses: [],
  fields: [{ id: 'customfield_10050', name: 'ROAM', custom: true, type: 'option' }],
  linkTypes: [],
  suggestedFieldMapping: { roam: 'customfield_10050' },
  suggestedBlockingLinks: [],
};

describe('blocking link mapping', () => {
  const links = [{ type: 'Blocks', blockerDirection: 'outward' as const }];

  it('reads a mapping case-insensitively', () => {
    expect(blockingChoice(links, 'blocks')).toBe('outward');
    expect(blockingChoice(links, 'Relates')).toBe('none');
  });

  it('adds, changes in place and removes', () => {
    const added = setBlocking(links, 'Dependency', 'inward');
    expect(added).toEqual([...links, { type: 'Dependency', blockerDirection: 'inward' }]);
    expect(setBlocking(added, 'Blocks', 'inward')[0]).toEqual({ type: 'Blocks', blockerDirection: 'inward' });
    expect(setBlocking(added, 'blocks', 'none')).toEqual([
      { type: 'Dependency', blockerDirection: 'inward' },
    ]);
  });
});

describe('withFieldRole', () => {
  it('maps a role and keeps the engine field of ROAM and risk owner in step', () => {
    const mapped = withFieldRole(defaultPmoConfig, 'roam', 'customfield_10099', catalog);
    expect(mapped.fieldMapping.roam).toBe('customfield_10099');
    expect(mapped.engine.riskRoamFieldId).toBe('customfield_10099');
    const cleared = withFieldRole(mapped, 'roam', null, catalog);
    expect(cleared.fieldMapping).toEqual({});
    expect(cleared.engine.riskRoamFieldId).toBe('customfield_10050');
    const points = withFieldRole(defaultPmoConfig, 'storyPoints', 'customfield_10016', catalog);
    expect(points.engine).toBe(defaultPmoConfig.engine);
  });
});
