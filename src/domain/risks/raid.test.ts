import { defaultEngineSettings } from '../settings';
import {
  buildHeatMap,
  indexRaidTypes,
  raidKindOf,
  readAccountId,
  readRoam,
  riskLevel,
  scoreRisk,
} from './raid';
import { riskEntry as risk } from './test-data';

describe('risk scoring', () => {
  it('scores probability x impact and classifies with the matrix (high >= 15, medium >= 8)', () => {
    expect(scoreRisk(5, 3, defaultEngineSettings)).toEqual({
      probability: 5,
      impact: 3,
      score: 15,
      level: 'high',
      assumed: false,
    });
    expect(scoreRisk(2, 4, defaultEngineSettings).level).toBe('medium');
    expect(scoreRisk(1, 7 as number, defaultEngineSettings)).toMatchObject({
      impact: 3,
      score: 3,
      assumed: true,
    });
    expect(riskLevel(7, defaultEngineSettings.riskMatrix)).toBe('low');
    expect(riskLevel(14, { high: 12, medium: 6 })).toBe('high');
  });

  it('treats a missing probability or impact as 3 and flags the score as assumed', () => {
    expect(scoreRisk(null, 5, defaultEngineSettings)).toEqual({
      probability: 3,
      impact: 5,
      score: 15,
      level: 'high',
      assumed: true,
    });
    expect(scoreRisk(null, null, defaultEngineSettings)).toMatchObject({
      score: 9,
      level: 'medium',
      assumed: true,
    });
  });
});

describe('heat map', () => {
  it('puts each open, unresolved risk in the cell of its probability and impact', () => {
    const map = buildHeatMap(
      [
        risk('R-1', 5, 5),
        risk('R-2', 5, 5),
        risk('R-3', 1, 4),
        risk('R-4', 2, 3, { open: false }),
        risk('R-5', 2, 3, { roam: 'resolved' }),
        risk('R-6', 2, 3, { roam: 'mitigated' }),
      ],
      defaultEngineSettings.riskMatrix,
    );
    expect(map.total).toBe(4);
    expect(map.cells[4]?.[4]).toEqual({
      probability: 5,
      impact: 5,
      score: 25,
      level: 'high',
      count: 2,
      keys: ['R-1', 'R-2'],
    });
    expect(map.cells[0]?.[3]).toMatchObject({
      probability: 1,
      impact: 4,
      score: 4,
      level: 'low',
      count: 1,
      keys: ['R-3'],
    });
    expect(map.cells[1]?.[2]).toMatchObject({ score: 6, count: 1, keys: ['R-6'] });
    const counted = map.cells.flat().reduce((sum, cell) => sum + cell.count, 0);
    expect(counted).toBe(4);
  });
});

describe('field readers', () => {
  it.each([
    ['Mitigated', 'mitigated'],
    [{ value: 'Owned' }, 'owned'],
    [{ name: ' accepted ' }, 'accepted'],
    [[{ value: 'Resolved' }], 'resolved'],
    ['Maybe', 'unroamed'],
    [null, 'unroamed'],
    [42, 'unroamed'],
  ])('reads ROAM %p as %s', (value, roam) => {
    expect(readRoam(value)).toBe(roam);
  });

  it('reads account ids from user fields', () => {
    expect(readAccountId({ accountId: 'abc', displayName: 'A' })).toBe('abc');
    expect(readAccountId('xyz')).toBe('xyz');
    expect(readAccountId({ displayName: 'no id' })).toBeNull();
  });

  it('classifies RAID issue types case-insensitively', () => {
    const index = indexRaidTypes({ ...defaultEngineSettings.raidTypes, risk: ['Risk', 'Threat'] });
    expect(raidKindOf('threat', index)).toBe('risk');
    expect(raidKindOf('Decision', index)).toBe('decision');
    expect(raidKindOf('Story', index)).toBeNull();
  });
});
