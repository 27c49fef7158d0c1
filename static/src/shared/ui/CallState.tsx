import type { InvokeError } from '../api/invoke-error';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

type Call = { status: 'loading' | 'error' | 'ready'; error: InvokeError | undefined; reload: () => void };

type Props = {
  /** A resolver call (`useResolver`'s answer). */
  call: Call;
  /** What the spinner announces, e.g. "Loading baselines". */
  loading: string;
  /** What failed, for the error's sentence, e.g. "load the baselines". */
  what: string;
};

/**
 * A call that has not answered yet: the spinner while it loads, the error with Retry when it failed,
 * nothing once its data is there (the caller shows that).
 */
export function CallState({ call, loading, what }: Props) {
  if (call.status === 'loading') return <LoadingState label={loading} />;
  if (call.status === 'error' && call.error !== undefined) {
    return <ErrorState error={call.error} what={what} onRetry={call.reload} />;
  }
  return null;
}
