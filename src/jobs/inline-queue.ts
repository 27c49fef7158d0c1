import pLimit from 'p-limit';
import { assertPushWithinLimits, batchesOf, type Job, type JobQueue, MAX_DELAY_SECONDS } from './job';

export interface InlineQueueOptions {
  /** Jobs run at once, as Forge runs several consumer invocations in parallel. Default 1. */
  concurrency?: number;
  /** Deliveries of a job whose run throws (Forge retries a failed invocation). Default 3. */
  attempts?: number;
  /** Reports a job that failed on its last attempt. */
  onFailure?: (job: Job, error: unknown) => void;
  /** Reports each delivery's run time (benchmarks: the longest job). */
  onRun?: (job: Job, ms: number) => void;
}

/**
 * Runs queued jobs in this process as the local host's stand-in for Forge's queue: pushes are
 * checked against Forge's limits, jobs run `concurrency` at a time, a failing job is delivered
 * again, and a delayed push waits. `drain()` waits until nothing is queued or running (delayed
 * jobs wait for their time, or for `releaseDelayed()`).
 */
export function createInlineJobQueue(
  run: (job: Job) => Promise<void>,
  options: InlineQueueOptions = {},
): JobQueue & { drain(): Promise<void>; releaseDelayed(): void } {
  const limit = pLimit(Math.max(1, options.concurrency ?? 1));
  const attempts = Math.max(1, options.attempts ?? 3);
  const pending = new Set<Promise<void>>();
  const delayed = new Set<() => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        delayed.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      timer.unref(); // a job waiting for the next quota hour must not keep the process alive
      delayed.add(release);
    });
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const deliver = async (job: Job): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await run(job);
        options.onRun?.(job, performance.now() - started);
        return;
      } catch (error) {
        options.onRun?.(job, performance.now() - started);
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
        // A delayed job counts as queued only once its time has come.
        if (delayMs > 0) void wait(delayMs).then(() => track(limit(() => deliver(job))));
        else track(limit(() => deliver(job)));
      }
    },
    /** Delivers every delayed job now (tests: the hour has passed). */
    releaseDelayed() {
      for (const release of [...delayed]) release();
    },
    async drain() {
      // Let released delays hand their jobs over before deciding nothing is left.
      do {
        await Promise.all([...pending]);
        await new Promise((resolve) => setImmediate(resolve));
      } while (pending.size > 0);
    },
  };
}
