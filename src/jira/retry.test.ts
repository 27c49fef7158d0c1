import { runInNewContext } from 'node:vm';
import { type RetryEnvironment, sendWithRetry } from './retry';
import type { JiraTransport } from './transport';

const instant: RetryEnvironment = { sleep: async () => {}, now: () => 0, random: () => 0 };

describe('sendWithRetry', () => {
  it("retries a fetch failure whose error comes from another realm (Node's fetch under a sandbox)", async () => {
    // What Node's fetch throws when a kept-alive socket was reset, made in another realm as under jest.
    const reset: unknown = runInNewContext(
      "Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })",
    );
    expect(reset instanceof Error).toBe(false);
    let calls = 0;
    const transport: JiraTransport = {
      send: async () => {
        calls += 1;
        if (calls === 1) throw reset;
        return { status: 200, header: () => null, text: '{}' };
      },
    };
    const outcome = await sendWithRetry(
      transport,
      { method: 'GET', path: '/rest/api/3/field' },
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      instant,
      () => true,
    );
    expect(outcome).toMatchObject({ kind: 'response', attempts: 2 });
  });

  it('does not retry a programming error', async () => {
    const transport: JiraTransport = { send: () => Promise.reject(new RangeError('bad index')) };
    await expect(
      sendWithRetry(
        transport,
        { method: 'GET', path: '/rest/api/3/field' },
        { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
        instant,
        () => true,
      ),
    ).rejects.toBeInstanceOf(RangeError);
  });
});
