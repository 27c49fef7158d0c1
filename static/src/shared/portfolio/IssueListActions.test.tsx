/** @jest-environment jsdom */
import '../theme/feature-flags';
import { fireEvent, render, screen } from '@testing-library/react';
import { downloadCsv } from '../csv/csv';
import { IssueListActions } from './IssueListActions';

jest.mock('@forge/bridge', () => ({ router: { open: jest.fn() } }));
jest.mock('../csv/csv', () => ({ downloadCsv: jest.fn() }));

describe('IssueListActions', () => {
  it('opens the listed issues in Jira and exports as many rows as it lists', () => {
    const build = jest.fn(() => ({ filename: 'pmo-risks.csv', csv: 'Key\r\nATLAS-1\r\nBEACON-2' }));
    render(
      <IssueListActions
        issues={[{ key: 'ATLAS-1' }, { key: 'BEACON-2' }]}
        noun="risk"
        build={build}
        list="register"
      >
        <label>
          <input type="checkbox" /> Only open
        </label>
      </IssueListActions>,
    );
    const search = new URL(
      screen.getByTestId('open-in-jira-register').getAttribute('href') ?? '',
      'https://x.example',
    );
    expect(search.searchParams.get('jql')).toBe('key in ("ATLAS-1", "BEACON-2")');
    expect(screen.getByLabelText('Only open')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: 2 risks' }));
    expect(downloadCsv).toHaveBeenCalledWith('pmo-risks.csv', 'Key\r\nATLAS-1\r\nBEACON-2');
  });
});
