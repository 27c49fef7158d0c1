import { formatOverviewQuery, parseOverviewQuery } from './overview-query';
import { DEFAULT_PROJECT_SORT } from './portfolio-projects';

describe('overview query', () => {
  it('keeps the project table sort in the URL, and nothing for the default', () => {
    expect(parseOverviewQuery('?sort=health&order=desc')).toEqual({ sort: { key: 'health', order: 'DESC' } });
    expect(formatOverviewQuery({ sort: { key: 'health', order: 'DESC' } })).toBe('?sort=health&order=desc');
    expect(formatOverviewQuery({ sort: DEFAULT_PROJECT_SORT })).toBe('');
    expect(parseOverviewQuery('?sort=password')).toEqual({ sort: DEFAULT_PROJECT_SORT });
  });
});
