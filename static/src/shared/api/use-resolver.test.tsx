/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ActionButtons, deferred, renderWithClient, settle } from '../testing/render';
import { callResolver } from './invoke';
import { InvokeError } from './invoke-error';
import { useResolver } from './use-resolver';

jest.mock('./invoke', () => ({ callResolver: jest.fn() }));
const call = jest.mocked(callResolver) as unknown as jest.Mock<Promise<unknown>, [string, unknown]>;

type Report = { name: string };

function Report({ portfolioId }: { portfolioId: string }) {
  const report = useResolver('getPortfolioReport', { portfolioId });
  const data = report.data as Report | undefined;
  return (
    <div>
      <p data-testid="state">
        {report.status}
        {report.status === 'ready' ? `:${data?.name}` : ''}
        {report.status === 'error' ? `:${report.error.code}` : ''}
        {report.refreshing ? ' (refreshing)' : ''}
        {report.refreshError ? ` (refresh failed: ${report.refreshError.code})` : ''}
      </p>
      <ActionButtons actions={{ reload: report.reload }} />
    </div>
  );
}

const state = () => screen.getByTestId('state').textContent;

describe('useResolver', () => {
  beforeEach(() => call.mockReset());

  it("never shows a slow answer for the previous payload over the current payload's", async () => {
    const slowAll = deferred<Report>();
    call.mockReturnValueOnce(slowAll.promise).mockResolvedValueOnce({ name: 'Atlas' });
    const { rerender, client } = renderWithClient(<Report portfolioId="all" />);
    rerender(<Report portfolioId="category:1" />);
    await waitFor(() => expect(state()).toBe('ready:Atlas'));
    act(() => slowAll.resolve({ name: 'Everything' }));
    await settle(client);
    expect(state()).toBe('ready:Atlas');
    expect(call).toHaveBeenLastCalledWith('getPortfolioReport', { portfolioId: 'category:1' });
  });

  it('keeps shown data while a reload runs, and with a refresh error when it fails', async () => {
    const reload = deferred<Report>();
    call.mockResolvedValueOnce({ name: 'Atlas' }).mockReturnValueOnce(reload.promise);
    renderWithClient(<Report portfolioId="all" />);
    await waitFor(() => expect(state()).toBe('ready:Atlas'));

    fireEvent.click(screen.getByRole('button', { name: 'reload' }));
    await waitFor(() => expect(state()).toBe('ready:Atlas (refreshing)'));
    reload.reject(new InvokeError('RATE_LIMITED', 'slow down'));
    await waitFor(() => expect(state()).toBe('ready:Atlas (refresh failed: RATE_LIMITED)'));
  });

  it("keeps the previous payload's data on screen, refreshing, until the new payload's answer arrives", async () => {
    const category = deferred<Report>();
    call.mockResolvedValueOnce({ name: 'Everything' }).mockReturnValueOnce(category.promise);
    const { rerender, client } = renderWithClient(<Report portfolioId="all" />);
    await waitFor(() => expect(state()).toBe('ready:Everything'));
    rerender(<Report portfolioId="category:1" />);
    await waitFor(() => expect(state()).toBe('ready:Everything (refreshing)'));
    act(() => category.resolve({ name: 'Atlas' }));
    await settle(client);
    expect(state()).toBe('ready:Atlas');
  });

  it("shows an error, not the previous payload's data, when the first load of a payload fails", async () => {
    call.mockResolvedValueOnce({ name: 'Atlas' }).mockRejectedValueOnce(new InvokeError('FORBIDDEN', 'no'));
    const { rerender } = renderWithClient(<Report portfolioId="all" />);
    await waitFor(() => expect(state()).toBe('ready:Atlas'));
    rerender(<Report portfolioId="category:2" />);
    await waitFor(() => expect(state()).toBe('error:FORBIDDEN'));
  });
});
