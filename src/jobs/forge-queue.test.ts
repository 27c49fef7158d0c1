import { RateLimitError } from '@forge/events';
import { FakeForgePlatform } from '../../test/support/forge-platform';
import { createForgeJobQueue } from './forge-queue';
import type { Job } from './job';

/** The queue adapter on the real `@forge/events` Queue, against a fake of the platform under it. */
describe('the Forge job queue', () => {
  let platform: FakeForgePlatform;
  beforeEach(() => {
    platform = new FakeForgePlatform().install();
  });
  afterEach(() => platform.uninstall());

  const jobs = (count: number): Job[] =>
    Array.from({ length: count }, (_, index) => ({
      kind: 'snapshot-project',
      day: '2026-11-01',
      projectKey: `P${index}`,
    }));

  it('pushes in batches Forge accepts (at most 50 events), each job the body of one event', async () => {
    await createForgeJobQueue('pmo-jobs').push(jobs(120));
    expect(platform.pushes.map((push) => [push.queueName, push.payload.length])).toEqual([
      ['pmo-jobs', 50],
      ['pmo-jobs', 50],
      ['pmo-jobs', 20],
    ]);
    expect(platform.pushes.flatMap((push) => push.payload.map((event) => event.body))).toEqual(jobs(120));
  });

  it('pushes nothing for no jobs (Forge refuses an empty push)', async () => {
    await createForgeJobQueue('pmo-jobs').push([]);
    expect(platform.pushes).toEqual([]);
  });

  it('lets the platform’s rate limit reach the caller, after the batches already accepted', async () => {
    platform.queueStatuses.push(201, 429);
    await expect(createForgeJobQueue('pmo-jobs').push(jobs(60))).rejects.toBeInstanceOf(RateLimitError);
    expect(platform.pushes.map((push) => push.payload.length)).toEqual([50]);
  });
});
