import { Queue } from '@forge/events';
import type { Job, JobQueue } from './job';

/** Forge accepts at most 50 events per push. */
const MAX_EVENTS_PER_PUSH = 50;

export function createForgeJobQueue(queueKey: string): JobQueue {
  const queue = new Queue({ key: queueKey });
  return {
    async push(jobs) {
      for (let start = 0; start < jobs.length; start += MAX_EVENTS_PER_PUSH) {
        const events = jobs
          .slice(start, start + MAX_EVENTS_PER_PUSH)
          .map((job: Job) => ({ body: { ...job } }));
        await queue.push(events);
      }
    },
  };
}
