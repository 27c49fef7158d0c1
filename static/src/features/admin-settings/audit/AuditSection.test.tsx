/** @jest-environment jsdom */
import type { AuditEntry } from '@contracts/settings';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { callResolver } from '../../../shared/api/invoke';
import { deferred, renderWithClient, settle } from '../../../shared/testing/render';
import { AuditSection } from './AuditSection';

jest.mock('../../../shared/api/invoke', () => ({ callResolver: jest.fn() }));
const call = jest.mocked(callResolver) as unknown as jest.Mock<Promise<unknown>, [string, unknown]>;

type Page = { entries: AuditEntry[]; nextCursor: string | null };

function entry(version: number): AuditEntry {
  return {
    id: `v${String(version).padStart(8, '0')}`,
    at: '2026-12-05T12:00:00.000Z',
    actor: 'admin-1',
    action: 'save',
    version,
    basedOn: version - 1,
    restoredFrom: null,
    projectKey: null,
    comment: `change ${version}`,
    changes: [],
    omittedChanges: 0,
  };
}

const page = (versions: number[], nextCursor: string | null): Page => ({
  entries: versions.map(entry),
  nextCursor,
});

const shownVersions = () =>
  screen
    .getAllByTestId(/^audit-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('audit-row-', ''));

describe('AuditSection', () => {
  beforeEach(() => call.mockReset());

  it('pages back through the log with "Show older entries"', async () => {
    call.mockResolvedValueOnce(page([3, 2], 'c1')).mockResolvedValueOnce(page([1], null));
    renderWithClient(<AuditSection canEdit liveVersion={3} />);
    await waitFor(() => expect(shownVersions()).toEqual(['3', '2']));
    fireEvent.click(screen.getByTestId('audit-more'));
    await waitFor(() => expect(shownVersions()).toEqual(['3', '2', '1']));
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('does not append an older page that answers after a new version reloaded the log', async () => {
    const lateOlder = deferred<Page>();
    call
      .mockResolvedValueOnce(page([3, 2], 'c1'))
      .mockReturnValueOnce(lateOlder.promise)
      .mockResolvedValueOnce(page([4, 3], 'c2'));
    const { rerender, client } = renderWithClient(<AuditSection canEdit liveVersion={3} />);
    await waitFor(() => expect(shownVersions()).toEqual(['3', '2']));

    fireEvent.click(screen.getByTestId('audit-more'));
    rerender(<AuditSection canEdit liveVersion={4} />);
    await waitFor(() => expect(shownVersions()).toEqual(['4', '3']));

    act(() => lateOlder.resolve(page([1], null)));
    await settle(client);
    expect(shownVersions()).toEqual(['4', '3']);
  });
});
