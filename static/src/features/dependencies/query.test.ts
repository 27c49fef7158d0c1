import { DEFAULT_QUERY, formatDependenciesQuery, parseDependenciesQuery } from './query';

describe('dependencies page query', () => {
  it('reads the view and the drilled pair', () => {
    expect(parseDependenciesQuery('?view=list&from=API&to=WEB')).toEqual({
      view: 'list',
      pair: { from: 'API', to: 'WEB' },
    });
    expect(parseDependenciesQuery('')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery(undefined)).toEqual(DEFAULT_QUERY);
  });

  it('ignores what it does not understand', () => {
    expect(parseDependenciesQuery('?view=table&from=API')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery('?from=<img>&to=WEB')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery('?from=API&to=API')).toEqual(DEFAULT_QUERY);
  });

  it('writes the shortest query and reads back what it wrote', () => {
    expect(formatDependenciesQuery(DEFAULT_QUERY)).toBe('');
    expect(formatDependenciesQuery({ view: 'list', pair: null })).toBe('?view=list');
    const query = { view: 'graph', pair: { from: 'API', to: 'WEB_2' } } as const;
    expect(formatDependenciesQuery(query)).toBe('?from=API&to=WEB_2');
    expect(parseDependenciesQuery(formatDependenciesQuery(query))).toEqual(query);
  });
});
