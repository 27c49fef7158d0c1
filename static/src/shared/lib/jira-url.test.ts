import { issueUrl } from './jira-url';

describe('issueUrl', () => {
  it('points at the issue page and encodes the key', () => {
    expect(issueUrl('ATLAS-1')).toBe('/browse/ATLAS-1');
    expect(issueUrl('A B/1')).toBe('/browse/A%20B%2F1');
  });
});
