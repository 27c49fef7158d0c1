import { Queue } from '@forge/events';
import { assertPushWithinLimits, batchesOf, type JobQueue, MAX_DELAY_SECONDS } from './job';

export function createForgeJobQueue(queueKey: string): JobQueue {
  const queue = new Queue({ key: queueKey });
  return {
    async push(jobs, options = {}) {
      const delay =
        options.delaySeconds === undefined
          ? undefined
          : Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(options.delaySeconds)));
      for (const batch of batchesOf(jobs)) {
        assertPushWithinLimits(batch);
        await queue.push(
          batch.map((job) => ({ body: { ...job }, ...(delay ? { delayInSeconds: delay } : {}) })),
        );
      }
    },
  };
}
