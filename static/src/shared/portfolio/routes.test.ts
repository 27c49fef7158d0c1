import { matchRoute, PORTFOLIO_ROUTES } from './routes';

describe('matchRoute', () => {
  it('treats the root and an empty path as the overview', () => {
    expect(matchRoute('/')).toBe('overview');
    expect(matchRoute('')).toBe('overview');
    expect(matchRoute(undefined)).toBe('overview');
  });

  it('matches every sub-page by its own path, as a deep link would', () => {
    for (const route of PORTFOLIO_ROUTES) {
      expect(matchRoute(route.path)).toBe(route.id);
    }
  });

  it('ignores a trailing slash, case, query and hash', () => {
    expect(matchRoute('/dependencies/')).toBe('dependencies');
    expect(matchRoute('/RAID')).toBe('raid');
    expect(matchRoute('/gates?project=ABC#top')).toBe('gates');
    expect(matchRoute('/?tab=1')).toBe('overview');
  });

  it('answers null for paths that name no sub-page', () => {
    expect(matchRoute('/nope')).toBeNull();
    expect(matchRoute('/dependencies/extra')).toBeNull();
    expect(matchRoute('/constructor')).toBeNull();
  });
});
