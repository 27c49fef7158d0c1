/** @jest-environment jsdom */
import type { IssueStandards } from '@contracts/standards';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { callResolver } from '../../shared/api/invoke';
import { InvokeError } from '../../shared/api/invoke-error';
import { ActionButtons, deferred, renderWithClient, settle } from '../../shared/testing/render';
import { useIssueStandards } from './use-issue-standards';

jest.mock('../../shared/api/invoke', () => ({ callResolver: jest.fn() }));
const call = jest.mocked(callResolver) as unknown as jest.Mock<Promise<unknown>, [string, unknown]>;

/** A valid answer whose configuration version tells the answers apart. */
function standards(configVersion: number): IssueStandards {
  return {
    issue: {
      id: '10001',
      key: 'ATLAS-1',
      summary: 'Launch',
      issueType: 'Epic',
      projectKey: 'ATLAS',
      status: { name: 'In Progress', category: 'indeterminate' },
      dueDate: null,
    },
    configVersion,
    badge: 'compliant',
    applicable: [],
    violations: [],
    stage: { current: null, next: null },
    nextStageViolations: [],
    gates: [],
    dependencies: [],
    history: [],
    canTick: true,
    problems: [],
  };
}

function Panel() {
  const { state, reload, setItem, itemError } = useIssueStandards('ATLAS-1');
  return (
    <div>
      <p data-testid="state">
        {state.status}
        {state.status === 'ready' ? `:v${state.data.configVersion}` : ''}
        {state.status === 'error' ? `:${state.error.code}` : ''}
        {state.status === 'ready' && state.refreshError
          ? ` (refresh failed: ${state.refreshError.code})`
          : ''}
      </p>
      <p data-testid="item-error">{itemError ? itemError.error.code : ''}</p>
      <ActionButtons actions={{ reload, tick: () => setItem({ ruleId: 'gate', itemId: 'a' }, true) }} />
    </div>
  );
}

const state = () => screen.getByTestId('state').textContent;

describe('useIssueStandards', () => {
  beforeEach(() => call.mockReset());

  it('shows the answer of a tick, not a reload that was still running when the tick answered', async () => {
    const slowReload = deferred<IssueStandards>();
    call
      .mockResolvedValueOnce(standards(1))
      .mockReturnValueOnce(slowReload.promise)
      .mockResolvedValueOnce(standards(3));
    const { client } = renderWithClient(<Panel />);
    await waitFor(() => expect(state()).toBe('ready:v1'));

    fireEvent.click(screen.getByRole('button', { name: 'reload' }));
    fireEvent.click(screen.getByRole('button', { name: 'tick' }));
    await waitFor(() => expect(state()).toBe('ready:v3'));
    expect(call).toHaveBeenLastCalledWith('setChecklistItem', {
      issueKey: 'ATLAS-1',
      ruleId: 'gate',
      itemId: 'a',
      ticked: true,
    });

    act(() => slowReload.resolve(standards(2)));
    await settle(client);
    expect(state()).toBe('ready:v3');
  });

  it('keeps the checklist on screen when a reload fails for a passing reason, but not when the issue is gone', async () => {
    call
      .mockResolvedValueOnce(standards(1))
      .mockRejectedValueOnce(new InvokeError('RATE_LIMITED', 'slow down'))
      .mockRejectedValueOnce(new InvokeError('NOT_FOUND', 'no such issue'));
    renderWithClient(<Panel />);
    await waitFor(() => expect(state()).toBe('ready:v1'));

    fireEvent.click(screen.getByRole('button', { name: 'reload' }));
    await waitFor(() => expect(state()).toBe('ready:v1 (refresh failed: RATE_LIMITED)'));
    fireEvent.click(screen.getByRole('button', { name: 'reload' }));
    await waitFor(() => expect(state()).toBe('error:NOT_FOUND'));
  });

  it('says which tick failed, and reads the checklist again when it changed under the panel', async () => {
    call
      .mockResolvedValueOnce(standards(1))
      .mockRejectedValueOnce(new InvokeError('NOT_FOUND', 'that item is gone'))
      .mockResolvedValueOnce(standards(2));
    renderWithClient(<Panel />);
    await waitFor(() => expect(state()).toBe('ready:v1'));
    fireEvent.click(screen.getByRole('button', { name: 'tick' }));
    await waitFor(() => expect(state()).toBe('ready:v2'));
    expect(screen.getByTestId('item-error').textContent).toBe('NOT_FOUND');
  });

  it('treats an answer of another shape as an error, never as data', async () => {
    call.mockResolvedValueOnce({ unexpected: true });
    renderWithClient(<Panel />);
    await waitFor(() => expect(state()).toBe('error:BAD_RESPONSE'));
  });
});
