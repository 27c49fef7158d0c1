import { issueSearchUrl, issueUrl, jqlAnd, jqlKeys, jqlProject, jqlValue } from './jira-url';

describe('issueUrl', () => {
  it('points at the issue page and encodes the key', () => {
    expect(issueUrl('ATLAS-1')).toBe('/browse/ATLAS-1');
    expect(issueUrl('A B/1')).toBe('/browse/A%20B%2F1');
  });
});

describe('issueSearchUrl', () => {
  it('opens the issue navigator with the JQL, encoded', () => {
    expect(issueSearchUrl('project = "AT&T" AND key in ("AT-1")')).toBe(
      '/issues/?jql=project%20%3D%20%22AT%26T%22%20AND%20key%20in%20(%22AT-1%22)',
    );
  });
});

describe('JQL building', () => {
  it('quotes values, escaping quotes and backslashes', () => {
    expect(jqlValue('A "B" \\ C')).toBe('"A \\"B\\" \\\\ C"');
    expect(jqlProject('ORDER')).toBe('project = "ORDER"');
  });
  it('joins clauses with AND, leaving out empty ones', () => {
    expect(jqlAnd('project = "A"', null, 'duedate < startOfDay()')).toBe(
      'project = "A" AND duedate < startOfDay()',
    );
  });
  it('lists keys, leaving out restricted issues', () => {
    expect(jqlKeys(['A-1', '#restricted-7', 'B-2'])).toBe('key in ("A-1", "B-2")');
    expect(jqlKeys(['#restricted-7'])).toBeNull();
  });
});
