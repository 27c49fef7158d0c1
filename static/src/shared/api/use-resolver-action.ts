import type { ResolverInput, ResolverKey, ResolverOutput } from '@contracts/resolver-contract';
import { useMutation } from '@tanstack/react-query';
import { callResolver } from './invoke';
import type { InvokeError } from './invoke-error';

export interface ResolverAction<K extends ResolverKey> {
  /** Calls the resolver; answers its data or rejects with an InvokeError. */
  run: (payload: ResolverInput<K>) => Promise<ResolverOutput<K>>;
  /** True while a call runs. */
  pending: boolean;
}

/**
 * A resolver that changes something or is called on demand (save, validate, export), as opposed to
 * `useResolver`, which reads on mount. The contract types the payload and the answer by `key`.
 */
export function useResolverAction<K extends ResolverKey>(key: K): ResolverAction<K> {
  const mutation = useMutation<ResolverOutput<K>, InvokeError, ResolverInput<K>>({
    mutationKey: ['resolver', key],
    mutationFn: (payload) => callResolver(key, payload),
  });
  return { run: mutation.mutateAsync, pending: mutation.isPending };
}
