import { contentProblems } from './content';

describe('contentProblems', () => {
  it('accepts plain text, including < and > used as comparisons', () => {
    expect(
      contentProblems({
        name: 'Risks with P x I >= 15 are escalated',
        description: 'Cost < budget and margin > 10%\nsecond line\ttabbed',
        portfolios: [{ scope: { jql: 'duedate<now() AND labels in (a,b)' } }],
        standards: [{ rules: [{ condition: { pattern: '^<[A-Z]+>$' } }] }],
      }),
    ).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<svg onload=alert(1)'],
    ['</b>'],
    ['<!-- hidden -->'],
    ['<iframe src="https://evil.example">'],
    ['<a href="javascript:alert(1)">x</a>'],
  ])('rejects markup %j with its path', (text) => {
    expect(contentProblems({ standards: [{ name: text }] })).toEqual([
      {
        path: 'standards.0.name',
        message: 'contains HTML or script markup, which settings do not accept; use plain text',
      },
    ]);
  });

  it('rejects markup in JQL only where it is not JQL', () => {
    expect(
      contentProblems({ portfolios: [{ name: '<b>x</b>', scope: { jql: 'summary ~ "<b>"' } }] }),
    ).toEqual([expect.objectContaining({ path: 'portfolios.0.name' })]);
  });

  it.each([['\u0000'], ['\u0007'], ['\u001B[31m'], ['\u007F'], ['\u0085'], ['\u202E'], ['\u2066']])(
    'rejects the control character in %j, naming it',
    (text) => {
      const [problem] = contentProblems({ overrides: { ABC: { reason: `before${text}after` } } });
      expect(problem?.path).toBe('overrides.ABC.reason');
      expect(problem?.message).toMatch(
        /^contains an invisible control character \(U\+[0-9A-F]{4}\); remove it$/,
      );
    },
  );

  it('checks keys too', () => {
    expect(contentProblems({ overrides: { 'A\u0000': {} } })).toHaveLength(1);
  });
});
