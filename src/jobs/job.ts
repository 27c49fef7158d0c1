import { z } from 'zod';

/**
 * Background work, small enough for one queue event (Forge: at most 50 events per push and 200 KB).
 * Long refreshes are split into jobs like these and run by the queue consumer.
 */
export const JobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('snapshot-project'),
    /** The snapshot's day, YYYY-MM-DD. */
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    projectKey: z.string().min(1),
  }),
]);
export type Job = z.infer<typeof JobSchema>;

/** The queue port: Forge's `@forge/events` Queue, or an in-process runner locally. */
export interface JobQueue {
  push(jobs: readonly Job[]): Promise<void>;
}
