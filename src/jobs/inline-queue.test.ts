import { createInlineJobQueue } from './inline-queue';
import { assertPushWithinLimits, type Job, QueueLimitError } from './job';

const collect = (seq: number, part = 0): Job => ({
  kind: 'collect-portfolio',
  portfolioId: 'all',
  seq,
  projectKey: 'ATLAS',
  part,
});

describe('the local job queue behaves like Forge’s', () => {
  it('refuses a push Forge would refuse: more than 50 events, or more than 200 KB', () => {
    const fifty = Array.from({ length: 50 }, (_, index) => collect(index + 1));
    expect(() => assertPushWithinLimits(fifty)).not.toThrow();
    expect(() => assertPushWithinLimits([...fifty, collect(51)])).toThrow(QueueLimitError);
    const big = Array.from({ length: 50 }, (_, index) => ({
      ...collect(index + 1),
      startToken: 'x'.repeat(4_500),
    }));
    expect(() => assertPushWithinLimits(big)).toThrow(/at most 204800 bytes/);
  });

  it('delivers a failing job again, up to its attempts, and reports the last failure', async () => {
    let calls = 0;
    const failures: unknown[] = [];
    const queue = createInlineJobQueue(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`crash ${calls}`);
      },
      { attempts: 3, onFailure: (_job, error) => failures.push(error) },
    );
    await queue.push([collect(1)]);
    await queue.drain();
    expect(calls).toBe(3);
    expect(failures).toEqual([]);

    const always = createInlineJobQueue(
      async () => {
        throw new Error('always');
      },
      { attempts: 2, onFailure: (_job, error) => failures.push(error) },
    );
    await always.push([collect(2)]);
    await always.drain();
    expect(failures).toHaveLength(1);
  });

  it('runs jobs side by side up to its concurrency, as Forge runs several consumers', async () => {
    let running = 0;
    let most = 0;
    const queue = createInlineJobQueue(
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
      },
      { concurrency: 3 },
    );
    await queue.push(Array.from({ length: 10 }, (_, index) => collect(index + 1)));
    await queue.drain();
    expect(most).toBe(3);
  });

  it('holds a delayed job back until its time (here: until released), and drain does not wait for it', async () => {
    const ran: number[] = [];
    const queue = createInlineJobQueue(async (job) => {
      if (job.kind === 'collect-portfolio') ran.push(job.seq);
    });
    await queue.push([collect(1)], { delaySeconds: 600 });
    await queue.push([collect(2)]);
    await queue.drain();
    expect(ran).toEqual([2]);
    queue.releaseDelayed();
    await queue.drain();
    expect(ran).toEqual([2, 1]);
  });
});
