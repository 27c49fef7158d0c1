import { ProxyRequestError } from '@forge/api';
import { FakeForgePlatform, json } from '../../test/support/forge-platform';
import { createForgeJiraAccess } from './forge-client';

/** The Jira adapter on the real `@forge/api` requestJira, against a fake of the platform under it. */
describe('Jira through Forge’s requestJira', () => {
  let platform: FakeForgePlatform;
  beforeEach(() => {
    platform = new FakeForgePlatform().install();
  });
  afterEach(() => platform.uninstall());

  const access = () => createForgeJiraAccess({ retry: { baseDelayMs: 1, maxDelayMs: 5 } });

  it('calls as the app or as the invoking user; Forge, not the app, names the user', async () => {
    platform.onJira((call) =>
      call.path.startsWith('/rest/api/3/mypermissions')
        ? json(200, { permissions: { EDIT_ISSUES: { havePermission: call.provider === 'user' } } })
        : json(200, { accountId: 'app-account', displayName: 'PMO Portfolio' }),
    );
    await expect(access().asApp().myself()).resolves.toMatchObject({ accountId: 'app-account' });
    await expect(
      access().asUser('sim-team').myPermissions(['EDIT_ISSUES'], { issueKey: 'ABC-1' }),
    ).resolves.toEqual({ EDIT_ISSUES: true });
    expect(platform.jiraCalls.map((call) => [call.provider, call.accountId, call.method, call.path])).toEqual(
      [
        ['app', undefined, 'GET', '/rest/api/3/myself'],
        ['user', undefined, 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=ABC-1'],
      ],
    );
    expect(platform.jiraCalls[0]?.headers.accept).toBe('application/json');
  });

  it('sends JSON bodies with their content type', async () => {
    platform.onJira(() => new Response(null, { status: 204 }));
    await access().asApp().setIssueProperty('ABC-1', 'pmoCompliance', { failing: true });
    const [call] = platform.jiraCalls;
    expect(call?.method).toBe('PUT');
    expect(call?.path).toBe('/rest/api/3/issue/ABC-1/properties/pmoCompliance');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.body ?? 'null')).toEqual({ failing: true });
  });

  it('retries a 429 after Retry-After and a 503, then answers', async () => {
    const answers = [
      json(429, { errorMessages: ['slow down'] }, { 'retry-after': '0' }),
      json(503, { errorMessages: ['down'] }),
      json(200, { accountId: 'app-account' }),
    ];
    platform.onJira(() => answers.shift() ?? json(500, {}));
    const client = access().asApp();
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'app-account' });
    expect(client.meter.requests).toBe(3);
  });

  it('reports a refusal by the Forge proxy (no scope, no user consent) as an error, never as data', async () => {
    platform.onJira(() => new Response('', { status: 403, headers: { 'forge-proxy-error': 'NO_SCOPE' } }));
    await expect(access().asApp().myself()).rejects.toBeInstanceOf(ProxyRequestError);
  });
});
