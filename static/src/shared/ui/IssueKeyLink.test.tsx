/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { projectLabel } from '../lib/restricted';
import { IssueKeyLink } from './IssueKeyLink';

// Outside Jira there is no bridge: the link's router is a stand-in here.
jest.mock('@forge/bridge', () => ({ router: { open: jest.fn() } }));

describe('IssueKeyLink', () => {
  it('links an issue the viewer may see to Jira', () => {
    render(<IssueKeyLink issueKey="ATLAS-12" testId="key" />);
    expect(screen.getByTestId('key').textContent).toBe('ATLAS-12');
    expect(screen.getByText('ATLAS-12').closest('a')).not.toBeNull();
  });

  it('shows an issue of a project the viewer cannot browse without its key and without a link', () => {
    const { container } = render(<IssueKeyLink issueKey="#restricted-3" testId="key" />);
    expect(screen.getByTestId('key').textContent).toBe('restricted issue');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).not.toContain('#restricted-3');
  });

  it('names the stand-in project as a restricted project', () => {
    expect(projectLabel('#restricted', '#restricted')).toBe('A restricted project');
    expect(projectLabel('ATLAS', 'Atlas Platform')).toBe('Atlas Platform');
  });
});
