import { formatGatesQuery, parseGatesQuery } from './gates-query';

describe('gates query', () => {
  it('keeps "only not ready" in the URL', () => {
    expect(formatGatesQuery({ onlyNotReady: true })).toBe('?notReady=1');
    expect(parseGatesQuery('?notReady=1')).toEqual({ onlyNotReady: true });
    expect(formatGatesQuery({ onlyNotReady: false })).toBe('');
    expect(parseGatesQuery('?notReady=maybe')).toEqual({ onlyNotReady: false });
  });
});
