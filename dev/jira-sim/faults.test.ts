import { DEFAULT_FAULTS, FaultInjector, faultsFromEnv, parseFaultPatch, truncateJson } from './faults';
import { call, obj, startSim } from './test/helpers';

describe('fault configuration', () => {
  it('validates patches with zod', () => {
    expect(parseFaultPatch({ rate429: 0.5, failNext: [{ status: 503, count: 2 }] })).toEqual({
      rate429: 0.5,
      failNext: [{ status: 503, count: 2 }],
    });
    expect(() => parseFaultPatch({ rate429: 2 })).toThrow(/rate429/);
    expect(() => parseFaultPatch({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => parseFaultPatch({ bogus: 1 })).toThrow();
    expect(() => parseFaultPatch({ failNext: [{ status: 429 }] })).toThrow(/count/);
    expect(() => parseFaultPatch('nope')).toThrow();
  });

  it('reads SIM_* environment variables', () => {
    expect(
      faultsFromEnv({
        SIM_LATENCY_MS: '40',
        SIM_JITTER_MS: '10',
        SIM_RATE_429: '0.1',
        SIM_RETRY_AFTER: '3',
        SIM_RATE_5XX: '0.05',
        SIM_MALFORMED_RATE: '0.01',
        SIM_RETRY_AFTER_AS_DATE: 'true',
      }),
    ).toEqual({
      latencyMs: 40,
      jitterMs: 10,
      rate429: 0.1,
      retryAfterSeconds: 3,
      rate5xx: 0.05,
      malformedRate: 0.01,
      retryAfterAsDate: true,
    });
    expect(faultsFromEnv({})).toEqual({});
    expect(() => faultsFromEnv({ SIM_RATE_429: 'lots' })).toThrow(/SIM_RATE_429/);
  });

  it('random faults are reproducible from the seed', () => {
    const run = () => {
      const f = new FaultInjector(5, { rate429: 0.3, rate5xx: 0.2 });
      return Array.from({ length: 50 }, () => f.decide('/rest/api/3/myself', false).kind);
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a).toContain('fail');
    expect(a).toContain('none');
  });

  it('truncated JSON never parses', () => {
    for (const text of ['{}', '[]', '{"a":1}', JSON.stringify({ issues: [{ id: '1' }], isLast: true })]) {
      expect(() => JSON.parse(truncateJson(text))).toThrow();
    }
  });
});

describe('fault injection over HTTP', () => {
  it('failNext 429 carries Retry-After in seconds, then the request succeeds', async () => {
    const sim = await startSim({ faults: { failNext: [{ status: 429, count: 2, retryAfterSeconds: 7 }] } });
    try {
      for (let n = 0; n < 2; n++) {
        const res = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('7');
        expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(obj(res.json).errorMessages).toEqual(['Rate limit exceeded.']);
      }
      expect((await call(sim, 'admin', 'GET', '/rest/api/3/myself')).status).toBe(200);
      expect(sim.stats().byStatus).toEqual({ '429': 2, '200': 1 });
    } finally {
      await sim.close();
    }
  });

  it('Retry-After can be an HTTP date', async () => {
    const sim = await startSim({
      faults: { retryAfterAsDate: true, retryAfterSeconds: 30, failNext: [{ status: 429, count: 1 }] },
    });
    try {
      const res = await call(sim, 'admin', 'GET', '/rest/api/3/serverInfo');
      const header = res.headers.get('retry-after') ?? '';
      expect(header).toMatch(/GMT$/);
      const delta = Date.parse(header) - Date.now();
      expect(delta).toBeGreaterThan(25_000);
      expect(delta).toBeLessThanOrEqual(31_000);
    } finally {
      await sim.close();
    }
  });

  it('failNext honours pathPrefix and the malformed flag', async () => {
    const sim = await startSim();
    try {
      sim.setFaults({
        failNext: [
          { status: 200, count: 1, pathPrefix: '/rest/api/3/field', malformed: true },
          { status: 503, count: 1, pathPrefix: '/rest/api/3/issueLinkType' },
        ],
      });
      expect((await call(sim, 'admin', 'GET', '/rest/api/3/myself')).status).toBe(200);
      const malformed = await call(sim, 'admin', 'GET', '/rest/api/3/field');
      expect(malformed.status).toBe(200);
      expect(malformed.headers.get('content-type')).toMatch(/application\/json/);
      expect(() => JSON.parse(malformed.text)).toThrow();
      expect(malformed.text.length).toBeGreaterThan(0);
      const unavailable = await call(sim, 'admin', 'GET', '/rest/api/3/issueLinkType');
      expect(unavailable.status).toBe(503);
      expect((await call(sim, 'admin', 'GET', '/rest/api/3/field')).status).toBe(200);
      expect(sim.faults().failNext).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('rates of 1 make every /rest/ request fail, but never the control endpoints', async () => {
    const sim = await startSim({ faults: { rate5xx: 1 } });
    try {
      const res = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
      expect([500, 502, 503, 504]).toContain(res.status);
      const control = await fetch(`${sim.url}/__sim/faults`);
      expect(control.status).toBe(200);
      sim.setFaults({ rate5xx: 0, malformedRate: 1 });
      const malformed = await call(sim, 'admin', 'GET', '/rest/api/3/status');
      expect(malformed.status).toBe(200);
      expect(malformed.json).toBeUndefined();
      sim.resetFaults();
      expect(sim.faults()).toEqual(DEFAULT_FAULTS);
      expect((await call(sim, 'admin', 'GET', '/rest/api/3/status')).json).toBeInstanceOf(Array);
    } finally {
      await sim.close();
    }
  });

  it('delays every request by the latency plus up to the jitter, and search pages by slowPageMs more', () => {
    const faults = new FaultInjector(3, { latencyMs: 120, jitterMs: 10, slowPageMs: 500 });
    for (let i = 0; i < 20; i++) {
      const { delayMs } = faults.decide('/rest/api/3/myself', false);
      expect(delayMs).toBeGreaterThanOrEqual(120);
      expect(delayMs).toBeLessThanOrEqual(130);
    }
    expect(faults.decide('/rest/api/3/search/jql', true).delayMs).toBeGreaterThanOrEqual(620);
    expect(new FaultInjector(3, {}).decide('/rest/api/3/myself', false).delayMs).toBe(0);
  });

  it('GET/PUT /__sim/faults, with 400 for a bad body; stats count /rest/ requests only', async () => {
    const sim = await startSim();
    try {
      const put = await fetch(`${sim.url}/__sim/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: 5, failNext: [{ status: 500, count: 1 }] }),
      });
      expect(put.status).toBe(200);
      expect(await put.json()).toMatchObject({ latencyMs: 5, failNext: [{ status: 500, count: 1 }] });
      for (const bad of [{ rate429: 5 }, { unknown: true }, [1, 2], 'x']) {
        const res = await fetch(`${sim.url}/__sim/faults`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bad),
        });
        expect(res.status).toBe(400);
        expect(obj(await res.json()).errorMessages).toEqual([
          expect.stringMatching(/^Invalid fault configuration/),
        ]);
      }
      const notJson = await fetch(`${sim.url}/__sim/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(notJson.status).toBe(400);
      const get = await fetch(`${sim.url}/__sim/faults`);
      expect(await get.json()).toMatchObject({ latencyMs: 5 });

      sim.resetFaults();
      sim.resetStats();
      await call(sim, 'admin', 'GET', '/rest/api/3/myself');
      await call(sim, 'anonymous', 'GET', '/rest/api/3/myself');
      await call(sim, 'admin', 'GET', '/rest/api/3/nothing-here');
      await call(sim, 'admin', 'GET', `/rest/api/3/issue/${sim.dataset.issues[0]?.key}`);
      await fetch(`${sim.url}/__sim/stats`);
      const stats = await (await fetch(`${sim.url}/__sim/stats`)).json();
      expect(stats).toEqual({
        total: 4,
        byRoute: {
          'GET /rest/api/3/myself': 2,
          'GET (unmatched)': 1,
          'GET /rest/api/3/issue/{issueIdOrKey}': 1,
        },
        byStatus: { '200': 2, '401': 1, '404': 1 },
        // every answered request costs its point; single-object reads nothing more
        points: 4,
        pointsByRoute: {
          'GET /rest/api/3/myself': 2,
          'GET (unmatched)': 1,
          'GET /rest/api/3/issue/{issueIdOrKey}': 1,
        },
        rateLimited: {},
      });
      const reset = await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
      expect(reset.status).toBe(204);
      expect(sim.stats().total).toBe(0);
    } finally {
      await sim.close();
    }
  });
});
