import { makeResolver } from '@forge/resolver';
import { AppError } from '../domain/errors';
import { JiraError } from '../jira/client';
import type { Actor } from '../services/deps';
import { createRecordingLogger } from '../services/logger';
import { resolverDefiner } from './define';

describe('the acting user and site of a resolver call', () => {
  const defineResolver = resolverDefiner(createRecordingLogger());
  const seen: Actor[] = [];
  const handler = makeResolver({
    getSiteSetup: defineResolver('getSiteSetup', async (_input, actor) => {
      seen.push(actor);
      throw new AppError('NOT_FOUND', 'stop here');
    }),
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it('come from the platform: account and installation', async () => {
    await handler(
      { call: { functionKey: 'getSiteSetup', payload: {} }, context: {} },
      { principal: { accountId: 'u1' }, installContext: 'ari:cloud:jira::site/aaaa' },
    );
    expect(seen).toEqual([{ accountId: 'u1', installation: 'ari:cloud:jira::site/aaaa' }]);
  });

  it('an installation named by the page is ignored; without the platform’s, the call is refused', async () => {
    const result = await handler(
      {
        call: { functionKey: 'getSiteSetup', payload: {} },
        context: { installContext: 'ari:cloud:jira::site/forged' },
      },
      { principal: { accountId: 'u1' } },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(seen).toEqual([]);
  });
});

describe('a resolver that fails unexpectedly', () => {
  const ACCOUNT = '5b10ac8d82e05b22cc7d4ef5';
  const SUMMARY = 'Acquire Initech quietly';
  const call = { call: { functionKey: 'getIssueOverview', payload: { issueKey: 'ABC-7' } }, context: {} };
  const platform = { principal: { accountId: ACCOUNT }, installContext: 'ari:cloud:jira::site/aaaa' };

  it('answers INTERNAL without internals, and logs it once with its cause and nothing personal', async () => {
    const logger = createRecordingLogger();
    const failure = new TypeError(`cannot read properties of undefined (reading 'fields')`);
    const handler = makeResolver({
      getIssueOverview: resolverDefiner(logger)('getIssueOverview', async () => {
        throw failure;
      }),
    });
    const answer = await handler(call, platform);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side. Try again; if it persists, tell your Jira admin.',
      },
    });
    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'resolver failed',
        fields: { resolver: 'getIssueOverview', code: 'INTERNAL' },
        error: failure,
      },
    ]);
    const logged = JSON.stringify(
      logger.entries.map(({ level, message, fields }) => ({ level, message, fields })),
    );
    expect(logged).not.toContain(ACCOUNT);
    expect(logged).not.toContain(SUMMARY);
  });

  it('logs a typed failure of Jira once, with the network error as its cause', async () => {
    const logger = createRecordingLogger();
    const network = new Error('socket hang up');
    const unreachable = new JiraError(
      'UPSTREAM_ERROR',
      'Jira could not be reached (socket hang up)',
      0,
      '/rest/api/3/issue/ABC-7',
      {},
      {
        cause: network,
      },
    );
    const handler = makeResolver({
      getIssueOverview: resolverDefiner(logger)('getIssueOverview', async () => {
        throw unreachable;
      }),
    });
    expect(await handler(call, platform)).toMatchObject({ ok: false, error: { code: 'UPSTREAM_ERROR' } });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'resolver failed',
        fields: { resolver: 'getIssueOverview', code: 'UPSTREAM_ERROR' },
        error: unreachable,
      },
    ]);
    expect(logger.entries[0]?.error).toMatchObject({ cause: network });
    expect(JSON.stringify(logger.entries.map((entry) => entry.fields))).not.toContain(ACCOUNT);
  });

  it('passes a refusal through to the user without logging it', async () => {
    const logger = createRecordingLogger();
    const handler = makeResolver({
      getIssueOverview: resolverDefiner(logger)('getIssueOverview', async () => {
        throw new AppError('NOT_FOUND', 'Issue ABC-7 does not exist or you cannot see it');
      }),
    });
    expect(await handler(call, platform)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(logger.entries).toEqual([]);
  });
});
