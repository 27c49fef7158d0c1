/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { OPEN_IN_JIRA_MAX_KEYS, OpenInJiraLink } from './OpenInJiraLink';

jest.mock('@forge/bridge', () => ({ router: { open: jest.fn() } }));

function jqlOf(testId: string): string {
  const href = screen.getByTestId(testId).getAttribute('href') ?? '';
  return new URL(href, 'https://site.example').searchParams.get('jql') ?? '';
}

describe('OpenInJiraLink', () => {
  it('searches the listed issues, leaving out restricted ones', () => {
    render(<OpenInJiraLink issueKeys={['ATLAS-1', '#restricted-2', 'BEACON-3']} testId="open" />);
    expect(jqlOf('open')).toBe('key in ("ATLAS-1", "BEACON-3")');
  });

  it('uses the JQL that defines the list when there is one', () => {
    render(
      <OpenInJiraLink issueKeys={['ATLAS-1']} jql='project = "ATLAS" AND duedate < now()' testId="open" />,
    );
    expect(jqlOf('open')).toBe('project = "ATLAS" AND duedate < now()');
  });

  it('names at most the first 200 issues of a long list, and nothing for an empty one', () => {
    const keys = Array.from({ length: OPEN_IN_JIRA_MAX_KEYS + 5 }, (_, i) => `ATLAS-${i + 1}`);
    const { container } = render(
      <>
        <OpenInJiraLink issueKeys={keys} testId="long" />
        <OpenInJiraLink issueKeys={[]} testId="empty" />
      </>,
    );
    expect(jqlOf('long').split(',')).toHaveLength(OPEN_IN_JIRA_MAX_KEYS);
    expect(container.querySelectorAll('a')).toHaveLength(1);
  });
});
