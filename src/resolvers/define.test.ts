import { makeResolver } from '@forge/resolver';
import { AppError } from '../domain/errors';
import type { Actor } from '../services/deps';
import { defineResolver } from './define';

describe('the acting user and site of a resolver call', () => {
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
