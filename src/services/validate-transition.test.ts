import { publishConfig } from '../../test/support/published-config';
import { defaultPmoConfig, type PmoConfig } from '../domain/config/schema';
import type { JiraAccess } from '../jira/access';
import { JiraClient } from '../jira/client';
import type { JiraResponse, JiraTransport } from '../jira/transport';
import { MemoryStore } from '../storage/memory-store';
import type { Store } from '../storage/store';
import type { AppDeps } from './deps';
import { createRecordingLogger, type RecordingLogger } from './logger';
import { FAIL_OPEN_PREFIX, type ValidatorResult, validateTransition } from './validate-transition';

/** What the issue asks: an answer within 5 s (Jira itself allows 25 s). */
const VALIDATOR_ANSWER_MS = 5_000;

/**
 * The validator answers within 5 s whatever Jira and storage do (Jira allows 25 s; an answer that
 * late stalls the user's transition dialog). Driven by jest's fake clock: no real waiting, no timing
 * assertion, only "answered by the time 5 s of fake time have passed".
 */

const EVENT = { issue: { id: '10001', key: 'ABC-1' }, transition: { to: { id: '3' } } };

function enforced(onError: 'open' | 'closed'): PmoConfig {
  return {
    ...defaultPmoConfig,
    standards: defaultPmoConfig.standards.map((standard) =>
      standard.id === 'delivery-readiness' ? { ...standard, mode: 'enforce', onError } : standard,
    ),
  };
}

async function storeWith(config: PmoConfig): Promise<MemoryStore> {
  const store = new MemoryStore();
  await publishConfig(store, config, { author: 'admin', comment: 'enforce' });
  return store;
}

function depsWith(
  store: Store,
  transport: JiraTransport,
  logger: RecordingLogger = createRecordingLogger(),
): AppDeps {
  const client = new JiraClient(transport);
  const jira: JiraAccess = { asApp: () => client, asUser: () => client };
  return { jira, store, now: () => new Date(), jiraConcurrency: 6, queue: { push: async () => {} }, logger };
}

const never: JiraTransport = { send: () => new Promise<JiraResponse>(() => {}) };

/** Jira answering 503 after `ms` every time (retried with backoff until the budget is spent). */
const unavailable = (ms: number): JiraTransport => ({
  send: () =>
    new Promise<JiraResponse>((resolve) =>
      setTimeout(() => resolve({ status: 503, header: () => null, text: '{"errorMessages":["down"]}' }), ms),
    ),
});

/** Starts the validator, lets 5 s of fake time pass, and answers what it said by then (null: nothing). */
async function answerWithinFiveSeconds(deps: AppDeps): Promise<ValidatorResult | null> {
  let answer: ValidatorResult | null = null;
  void validateTransition(deps, EVENT).then((result) => {
    answer = result;
  });
  await jest.advanceTimersByTimeAsync(VALIDATOR_ANSWER_MS);
  return answer;
}

describe('the workflow validator answers within 5 s', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('Jira never answering: fails open, records it and logs it with the failure', async () => {
    const store = await storeWith(enforced('open'));
    const logger = createRecordingLogger();
    await expect(answerWithinFiveSeconds(depsWith(store, never, logger))).resolves.toEqual({ result: true });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'validator could not check the issue; allowing the transition',
        fields: { issueKey: 'ABC-1' },
        error: expect.objectContaining({ message: expect.stringContaining('did not answer') }),
      },
    ]);
    const recorded = await store.query(FAIL_OPEN_PREFIX);
    expect(recorded.results.map((entry) => entry.value)).toEqual([
      expect.objectContaining({ issueKey: 'ABC-1', reason: expect.stringContaining('did not answer') }),
    ]);
  });

  it('Jira never answering, standard set to fail closed: blocks and says why', async () => {
    const store = await storeWith(enforced('closed'));
    const answer = await answerWithinFiveSeconds(depsWith(store, never));
    expect(answer?.result).toBe(false);
    expect(answer?.errorMessage).toContain('could not check “Ready for delivery”');
  });

  it('Jira answering 503 after 800 ms every time: retries stop in time to answer', async () => {
    const store = await storeWith(enforced('open'));
    await expect(answerWithinFiveSeconds(depsWith(store, unavailable(800)))).resolves.toEqual({
      result: true,
    });
  });

  it('storage never answering: fails open without waiting for the record of it', async () => {
    const memory = new MemoryStore();
    const stuck: Store = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      setIfAbsent: () => new Promise(() => {}),
      delete: () => memory.delete(''),
      query: () => new Promise(() => {}),
    };
    await expect(answerWithinFiveSeconds(depsWith(stuck, never))).resolves.toEqual({ result: true });
  });
});

describe('the workflow validator given an event it cannot read', () => {
  it('allows the transition and logs where the event broke, nothing of the issue', async () => {
    const logger = createRecordingLogger();
    const deps = depsWith(new MemoryStore(), never, logger);
    const event = { issue: { key: 'ABC-1', fields: { summary: 'Acquire Initech quietly' } }, transition: {} };
    await expect(validateTransition(deps, event)).resolves.toEqual({ result: true });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'validator received an event of unexpected shape; allowing the transition',
        fields: { path: 'transition.to' },
      },
    ]);
  });
});
