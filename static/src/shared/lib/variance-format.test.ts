import { formatScopeChange, formatVarianceDays } from './variance-format';

describe('variance formats', () => {
  it('signs days late and early, and says when there is nothing to compare', () => {
    expect(formatVarianceDays(12)).toBe('+12 days');
    expect(formatVarianceDays(-1)).toBe('−1 day');
    expect(formatVarianceDays(0)).toBe('0 days');
    expect(formatVarianceDays(null)).toBe('—');
  });

  it('signs scope change in percent', () => {
    expect(formatScopeChange(8.5)).toBe('+8.5%');
    expect(formatScopeChange(-20)).toBe('−20%');
    expect(formatScopeChange(0)).toBe('0%');
    expect(formatScopeChange(undefined)).toBe('—');
  });
});
