import pLimit from 'p-limit';
import { assertPushWithinLimits, batchesOf, type Job, type JobQueue, MAX_DELAY_SECONDS } from './job';

export interface InlineQueueOptions {
  /** Jobs run at once, as Forge runs several consumer invocations in parallel. Default 1. */
  concurrency?: number;
  /** Deliveries of a job whose run throws (Forge retries a failed invocation). Default 3. */
  attempts?: number;
  /** Reports a job that failed on its last attempt. */
  onFailure?: (job: Job, error: unknown) => void;
}

/**
 * Runs queued jobs in this process as the local host's stand-in for Forge's queue: pushes are
 * checked against Forge's limits, jobs run `concurrency` at a time, a failing job is delivered
 * again, and a delayed push waits. `drain()` waits until nothing is queued, running or delayed.
 */
export function createInlineJobQueue(
  run: (job: Job) => Promise<void>,
  options: InlineQueueOptions = {},
): JobQueue & { drain(): Promise<void> } {
  const limit = pLimit(Math.max(1, options.concurrency ?? 1));
  const attempts = Math.max(1, options.attempts ?? 3);
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const deliver = async (job: Job): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await run(job);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          options.onFailure?.(job, error);
          return;
        }
      }
    }
  };
  return {
    async push(jobs, pushOptions = {}) {
      for (const batch of batchesOf(jobs)) assertPushWithinLimits(batch);
      const delayMs = Math.min(MAX_DELAY_SECONDS, Math.max(0, pushOptions.delaySeconds ?? 0)) * 1000;
      for (const job of jobs) {
        track(
          delayMs > 0
            ? new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() =>
                limit(() => deliver(job)),
              )
            : limit(() => deliver(job)),
        );
      }
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
