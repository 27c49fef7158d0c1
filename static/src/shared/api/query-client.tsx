import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/**
 * The data-fetching defaults of the three apps. A failed call is shown at once (no silent retries:
 * the resolvers already retry Jira), and nothing refetches on its own: the portfolio report is
 * expensive, so only Refresh, a new portfolio or (in the issue panel) a change of the issue reloads.
 * An answer is kept only while something shows it, as before there was a cache.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        gcTime: 0,
      },
      mutations: { retry: false },
    },
  });
}

/** Gives `children` a query client of their own (one per app; tests pass a fresh one each). */
export function QueryProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [own] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
}

/** The cache key of resolver `key` called with `payload`. */
export function resolverQueryKey(key: string, ...parts: readonly unknown[]): readonly unknown[] {
  return ['resolver', key, ...parts];
}
