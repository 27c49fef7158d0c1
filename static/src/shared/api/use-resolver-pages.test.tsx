/** @jest-environment jsdom */
import type { AuditEntry } from '@contracts/settings';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActionButtons, deferred, renderWithClient, settle } from '../testing/render';
import { callResolver } from './invoke';
import { useResolverPages } from './use-resolver-pages';

jest.mock('./invoke', () => ({ callResolver: jest.fn() }));
const call = jest.mocked(callResolver) as unknown as jest.Mock<Promise<unknown>, [string, unknown]>;

type Page = { entries: Pick<AuditEntry, 'id'>[]; nextCursor: string | null };
const page = (ids: string[], nextCursor: string | null): Page => ({
  entries: ids.map((id) => ({ id })),
  nextCursor,
});

function AuditList({ scope }: { scope: number }) {
  const log = useResolverPages('listAuditLog', {
    payload: (cursor) => (cursor === null ? { limit: 2 } : { cursor, limit: 2 }),
    itemsOf: (answer) => answer.entries,
    enabled: true,
    scope,
  });
  return (
    <div>
      <p data-testid="status">{log.status}</p>
      <p data-testid="items">{log.items.map((entry) => entry.id).join(',')}</p>
      <ActionButtons actions={{ more: log.hasMore ? log.more : null, reload: log.reload }} />
    </div>
  );
}

const items = () => screen.getByTestId('items').textContent;

describe('useResolverPages', () => {
  beforeEach(() => call.mockReset());

  it('reads the first page, then appends the next one from its cursor', async () => {
    call.mockResolvedValueOnce(page(['e5', 'e4'], 'c2')).mockResolvedValueOnce(page(['e3'], null));
    renderWithClient(<AuditList scope={1} />);
    await waitFor(() => expect(items()).toBe('e5,e4'));
    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    await waitFor(() => expect(items()).toBe('e5,e4,e3'));
    expect(call).toHaveBeenNthCalledWith(2, 'listAuditLog', { cursor: 'c2', limit: 2 });
    expect(screen.getByRole('button', { name: 'more' }).hasAttribute('disabled')).toBe(true);
  });

  it.each([
    ['read again after it (reload)', () => fireEvent.click(screen.getByRole('button', { name: 'reload' }))],
    [
      'of a newer scope (a new live version)',
      (rerender: (ui: ReactElement) => void) => rerender(<AuditList scope={2} />),
    ],
  ])('never appends a late "more" answer to the list %s', async (_, supersede) => {
    const lateMore = deferred<Page>();
    call
      .mockResolvedValueOnce(page(['e5', 'e4'], 'c2'))
      .mockReturnValueOnce(lateMore.promise)
      .mockResolvedValueOnce(page(['e6', 'e5'], 'c3'));
    const { rerender, client } = renderWithClient(<AuditList scope={1} />);
    await waitFor(() => expect(items()).toBe('e5,e4'));

    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    supersede(rerender);
    await waitFor(() => expect(items()).toBe('e6,e5'));

    act(() => lateMore.resolve(page(['e3'], null)));
    await settle(client);
    expect(items()).toBe('e6,e5');
  });
});
