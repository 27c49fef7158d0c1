import type { Job, JobQueue } from './job';

/**
 * Runs queued jobs in this process, one after another, as the local host's stand-in for Forge's
 * queue. `drain()` waits for everything pushed so far (tests and benchmarks use it).
 */
export function createInlineJobQueue(
  run: (job: Job) => Promise<void>,
): JobQueue & { drain(): Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    async push(jobs) {
      for (const job of jobs) {
        tail = tail.then(() =>
          run(job).catch((error: unknown) => {
            console.error(`[pmo] job ${job.kind} failed`, error);
          }),
        );
      }
    },
    drain: () => tail,
  };
}
