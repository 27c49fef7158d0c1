import '../theme/feature-flags';
import type { QueryClient } from '@tanstack/react-query';
import { act, type RenderOptions, render, waitFor } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createQueryClient, QueryProvider } from '../api/query-client';

/** Renders `ui` as the apps do (with a fresh data-fetching client per test). */
export function renderWithClient(ui: ReactElement, options?: RenderOptions) {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryProvider client={client}>{children}</QueryProvider>
  );
  return { ...render(ui, { wrapper, ...options }), client };
}

/**
 * Waits until `client` has no call running and every answer has landed where it lands (a late answer
 * that is going to be dropped has been dropped by then, one that is not has been shown).
 */
export async function settle(client: QueryClient): Promise<void> {
  await waitFor(() => expect(client.isFetching() + client.isMutating()).toBe(0));
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A promise whose settling the test decides: for answers that arrive late, or in another order. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/**
 * One button per action, named by its key, for a test to drive the hook under test
 * (`fireEvent.click(screen.getByRole('button', { name: 'reload' }))`). A null action is a disabled button.
 */
export function ActionButtons({ actions }: { actions: Record<string, (() => void) | null> }) {
  return (
    <>
      {Object.entries(actions).map(([name, run]) => (
        <button key={name} type="button" onClick={run ?? undefined} disabled={run === null}>
          {name}
        </button>
      ))}
    </>
  );
}
