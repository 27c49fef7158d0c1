import { formatComplianceQuery, parseComplianceQuery } from './compliance-query';

describe('compliance query', () => {
  it('round-trips the matrix cell and the violations sort, and drops what it does not know', () => {
    const query = { filter: { projectKey: 'ATLAS', standardId: 'epic-fields' }, sort: null };
    expect(formatComplianceQuery(query)).toBe('?project=ATLAS&standard=epic-fields');
    expect(parseComplianceQuery(formatComplianceQuery(query))).toEqual(query);
    expect(parseComplianceQuery('?project=<b>&standard=x&sort=misses&order=desc')).toEqual({
      filter: null,
      sort: { key: 'misses', order: 'DESC' },
    });
  });
});
