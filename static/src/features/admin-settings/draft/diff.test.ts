import { diffConfigs } from '@domain/config/diff';
import { defaultPmoConfig } from '@domain/config/schema';
import { editedConfig } from '@domain/config/test-data';
import { changePathKeys, groupChangesBySection, sectionOfChange, summarizeChanges } from './diff';

describe('change display helpers', () => {
  it('reads the keys of a change path', () => {
    expect(changePathKeys('standards[risk-register].rules[x].when')).toEqual([
      'standards',
      'risk-register',
      'rules',
      'x',
      'when',
    ]);
    expect(changePathKeys('engine.health.schedule.red')).toEqual(['engine', 'health', 'schedule', 'red']);
  });

  it('finds the section of each change', () => {
    expect(sectionOfChange({ path: 'standards[a].mode' })).toBe('standards');
    expect(sectionOfChange({ path: 'engine.riskMatrix.high' })).toBe('risk-matrix');
    expect(sectionOfChange({ path: 'engine.blockingLinks' })).toBe('mappings');
    expect(sectionOfChange({ path: 'overrides.ABC' })).toBe('overrides');
    expect(sectionOfChange({ path: 'schemaVersion' })).toBeNull();
  });

  it('groups and summarises the changes of a draft in navigation order', () => {
    const after = editedConfig((c) => {
      if (c.standards[0]) c.standards[0].mode = 'enforce';
      if (c.standards[1]) c.standards[1].mode = 'off';
      c.engine.health.schedule.red = 30;
    });
    const groups = groupChangesBySection(diffConfigs(defaultPmoConfig, after));
    expect(groups.map((group) => [group.label, group.changes.length])).toEqual([
      ['Standards & gates', 2],
      ['Health thresholds', 1],
    ]);
    expect(summarizeChanges(diffConfigs(defaultPmoConfig, after))).toBe(
      '2 changes in Standards & gates, 1 in Health thresholds.',
    );
    expect(summarizeChanges([])).toBe('No differences.');
  });
});
