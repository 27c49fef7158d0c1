import { safeJiraUrl } from './safe-url';

describe('safeJiraUrl', () => {
  it('keeps site paths and http(s) URLs', () => {
    expect(safeJiraUrl('/browse/ABC')).toBe('/browse/ABC');
    expect(safeJiraUrl(' /jira/software/projects/ABC/boards/1 ')).toBe(
      '/jira/software/projects/ABC/boards/1',
    );
    expect(safeJiraUrl('https://acme.atlassian.net/secure/projectavatar?pid=1')).toBe(
      'https://acme.atlassian.net/secure/projectavatar?pid=1',
    );
  });

  it('drops script, data and protocol-relative URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x',
      '//evil.example/x',
      '/\\evil.example',
    ]) {
      expect(safeJiraUrl(url)).toBeNull();
    }
    expect(safeJiraUrl('')).toBeNull();
    expect(safeJiraUrl(null)).toBeNull();
    expect(safeJiraUrl('browse/ABC')).toBeNull();
  });
});
