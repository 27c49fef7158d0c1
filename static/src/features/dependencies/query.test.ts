import {
  DEFAULT_QUERY,
  type DependenciesQuery,
  formatDependenciesQuery,
  parseDependenciesQuery,
} from './query';

describe('dependencies page query', () => {
  it('reads the view and the drilled pair', () => {
    expect(parseDependenciesQuery('?view=list&from=API&to=WEB')).toEqual({
      ...DEFAULT_QUERY,
      view: 'list',
      pair: { from: 'API', to: 'WEB' },
    });
    expect(parseDependenciesQuery('')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery(undefined)).toEqual(DEFAULT_QUERY);
  });

  it('reads filters, focus, grouping, search and sort', () => {
    expect(
      parseDependenciesQuery(
        '?late=1&cycles=1&critical=1&focus=API&hops=3&group=1&collapsed=Data&collapsed=Apps&q=WEB-12&sort=late&order=asc',
      ),
    ).toEqual({
      ...DEFAULT_QUERY,
      late: true,
      cycles: true,
      critical: true,
      focus: 'API',
      hops: 3,
      group: true,
      collapsed: ['Apps', 'Data'],
      search: 'WEB-12',
      sort: { key: 'late', order: 'ASC' },
    });
  });

  it('ignores what it does not understand', () => {
    expect(parseDependenciesQuery('?view=table&from=API')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery('?from=<img>&to=WEB')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery('?from=API&to=API')).toEqual(DEFAULT_QUERY);
    expect(parseDependenciesQuery('?hops=9&focus=a b&late=yes&sort=secret')).toEqual(DEFAULT_QUERY);
  });

  it('writes the shortest query and reads back what it wrote', () => {
    expect(formatDependenciesQuery(DEFAULT_QUERY)).toBe('');
    expect(formatDependenciesQuery({ ...DEFAULT_QUERY, view: 'list' })).toBe('?view=list');
    const query: DependenciesQuery = { ...DEFAULT_QUERY, pair: { from: 'API', to: 'WEB_2' } };
    expect(formatDependenciesQuery(query)).toBe('?from=API&to=WEB_2');
    expect(parseDependenciesQuery(formatDependenciesQuery(query))).toEqual(query);
    const full: DependenciesQuery = {
      ...DEFAULT_QUERY,
      late: true,
      focus: 'API',
      hops: 2,
      group: true,
      collapsed: ['Back office', 'Data & AI'],
      search: 'Web',
      sort: { key: 'from', order: 'ASC' },
    };
    expect(parseDependenciesQuery(formatDependenciesQuery(full))).toEqual(full);
  });
});
