import type { JiraAccess } from '../../jira/access';
import { JiraClient } from '../../jira/client';
import type { JiraResponse, JiraTransport } from '../../jira/transport';
import { MemoryStore } from '../../storage/memory-store';
import type { AppDeps } from '../deps';
import { createRecordingLogger } from '../logger';
import { clearSettingsEditorCache, settingsEditorStatus } from './authorize';

/**
 * Forge runs many customer sites' invocations in one warm process. What the app remembers about a
 * user in memory must never answer for the same account id on another site.
 */

/** One site's Jira, as Forge's asUser sees it: this account is (or is not) a Jira admin there. */
function site(isAdmin: boolean): { deps: AppDeps; asked: () => number } {
  let asked = 0;
  const transport: JiraTransport = {
    async send(request) {
      asked++;
      if (request.path !== '/rest/api/3/mypermissions') throw new Error(`unexpected ${request.path}`);
      const body = { permissions: { ADMINISTER: { havePermission: isAdmin } } };
      const response: JiraResponse = { status: 200, header: () => null, text: JSON.stringify(body) };
      return response;
    },
  };
  const client = new JiraClient(transport);
  const jira: JiraAccess = { asApp: () => client, asUser: () => client };
  return {
    deps: {
      jira,
      store: new MemoryStore(),
      now: () => new Date('2026-11-01T00:00:00Z'),
      jiraConcurrency: 1,
      queue: { push: async () => {} },
      logger: createRecordingLogger(),
    },
    asked: () => asked,
  };
}

describe('the settings editor check across sites in one process', () => {
  beforeEach(() => clearSettingsEditorCache());

  it('gives the same account id on two installations each its own answer', async () => {
    const siteA = site(true);
    const siteB = site(false);
    const onA = { accountId: 'shared-account', installation: 'ari:cloud:jira::site/aaaa' };
    const onB = { accountId: 'shared-account', installation: 'ari:cloud:jira::site/bbbb' };

    await expect(settingsEditorStatus(siteA.deps, onA, null)).resolves.toMatchObject({ canEdit: true });
    await expect(settingsEditorStatus(siteB.deps, onB, null)).resolves.toMatchObject({
      canEdit: false,
      via: null,
    });
    expect(siteB.asked()).toBe(1);

    // Each site's answer is still cached for its own installation.
    await expect(settingsEditorStatus(siteA.deps, onA, null)).resolves.toMatchObject({ canEdit: true });
    await expect(settingsEditorStatus(siteB.deps, onB, null)).resolves.toMatchObject({ canEdit: false });
    expect([siteA.asked(), siteB.asked()]).toEqual([1, 1]);
  });
});
