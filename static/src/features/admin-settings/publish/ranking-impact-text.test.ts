import { rankingHeadline } from './ranking-impact-text';

const base = {
  modelBefore: 'WSJF',
  modelAfter: 'WSJF',
  compared: 12,
  moved: 0,
  changes: [],
  jqlNotChecked: false,
};
const change = { issueKey: 'A-1', summary: 'A', rankBefore: 2, rankAfter: 1, scoreBefore: 1, scoreAfter: 2 };

describe('the ranking part of the dry run', () => {
  it('says how many candidates move, and when only the biggest moves are listed', () => {
    expect(rankingHeadline(base)).toBe('No candidate would change rank (12 candidates compared).');
    expect(rankingHeadline({ ...base, moved: 1, changes: [change] })).toBe(
      '1 of 12 candidates would change rank.',
    );
    expect(rankingHeadline({ ...base, moved: 11, changes: [change] })).toBe(
      '11 of 12 candidates would change rank (the 1 biggest moves listed).',
    );
  });

  it('names a switch of model, on or off', () => {
    expect(rankingHeadline({ ...base, modelAfter: 'RICE' })).toMatch(/from WSJF to RICE/);
    expect(rankingHeadline({ ...base, modelAfter: null })).toMatch(/switched off/);
    expect(rankingHeadline({ ...base, modelBefore: null })).toMatch(/switched on with WSJF/);
  });
});
