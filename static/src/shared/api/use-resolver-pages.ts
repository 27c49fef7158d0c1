import type { ResolverInput, ResolverKey, ResolverOutput } from '@contracts/resolver-contract';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { callResolver } from './invoke';
import { type InvokeError, toInvokeError } from './invoke-error';
import { resolverQueryKey } from './query-client';

/** Resolvers that answer one page of a list and the cursor of the next (null after the last page). */
type PagedKey = {
  [K in ResolverKey]: ResolverOutput<K> extends { nextCursor: string | null } ? K : never;
}[ResolverKey];

export interface ResolverPages<Item> {
  status: 'loading' | 'error' | 'ready';
  /** The items of every page read so far, in order. */
  items: Item[];
  /** Why the first page or the latest "more" failed. */
  error: InvokeError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Reads the next page and appends its items. */
  more: () => void;
  /** Starts again from the first page; answers to calls made before are dropped. */
  reload: () => void;
}

/**
 * A cursor-paged list read through resolver `key`: the first page on mount (when `enabled`), then a
 * page more for each `more()`. `scope` names what the list depends on (a new scope starts again from
 * the first page). Pages belong to their cache entry, so the answer of a "more" made before a reload
 * or a new scope can never be appended to the newer list.
 */
export function useResolverPages<K extends PagedKey, Item>(
  key: K,
  options: {
    payload: (cursor: string | null) => ResolverInput<K>;
    itemsOf: (page: ResolverOutput<K>) => readonly Item[];
    enabled: boolean;
    scope?: unknown;
  },
): ResolverPages<Item> {
  const { payload, itemsOf, enabled, scope = null } = options;
  const queryClient = useQueryClient();
  const queryKey = resolverQueryKey(key, 'pages', scope);
  const query = useInfiniteQuery<
    ResolverOutput<K>,
    InvokeError,
    { pages: ResolverOutput<K>[] },
    readonly unknown[],
    string | null
  >({
    queryKey,
    queryFn: ({ pageParam }) => callResolver(key, payload(pageParam)),
    initialPageParam: null,
    getNextPageParam: (page) => (page as { nextCursor: string | null }).nextCursor ?? undefined,
    enabled,
  });
  const keyJson = JSON.stringify(queryKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `keyJson` stands for `queryKey`.
  const reload = useCallback(() => {
    void queryClient.resetQueries({ queryKey, exact: true });
  }, [queryClient, keyJson]);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const items = query.data ? query.data.pages.flatMap((page) => [...itemsOf(page)]) : [];
  return {
    status: query.data !== undefined ? 'ready' : query.isError ? 'error' : 'loading',
    items,
    error: query.error === null ? null : toInvokeError(query.error),
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    more,
    reload,
  };
}
