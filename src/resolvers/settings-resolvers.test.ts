import path from 'node:path';
import { createHost, type Host } from '../../dev/host/server';
import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../dev/jira-sim';
import type { LocalApp } from '../../dev/local/local-app';
import { dataOf, invokeAs, refusalOf } from '../../test/support/local-resolvers';
import { dumpStore } from '../../test/support/store-dump';
import type { ResolverKey } from '../contracts/resolver-contract';
import { defaultPmoConfig } from '../domain/config/schema';
import { clearSettingsEditorCache } from '../services/settings/authorize';

/** The settings page's calls, typed by the resolver contract. */
function invoke<K extends ResolverKey>(local: LocalApp, accountId: string, functionKey: K, payload: unknown) {
  return invokeAs(local, accountId, functionKey, payload, { moduleKey: 'pmo-admin-page' });
}

const enforced = structuredClone(defaultPmoConfig);
for (const standard of enforced.standards) standard.mode = 'enforce';

describe('settings resolvers', () => {
  let sim: JiraSim;
  let local: LocalApp;
  let host: Host;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 5, projects: 4, issuesPerProject: 12 });
    const wiring = wireSimulator(sim.url);
    local = wiring.localApp;
    host = await createHost({
      localApp: wiring.localApp,
      users: wiring.users,
      userCredentials: wiring.userCredentials,
      jiraBaseUrl: sim.url,
      mode: 'simulator',
      staticDir: path.join(__dirname, 'no-static-dist-here'),
    });
  }, 30_000);
  afterAll(async () => {
    await host.close();
    await sim.close();
  });
  beforeEach(() => clearSettingsEditorCache());

  it('a team member calling saveSettings over HTTP gets a typed 403 and nothing changes', async () => {
    const before = await dumpStore(local.deps.store);
    const response = await fetch(`${host.url}/__invoke/saveSettings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-account-id': 'sim-team' },
      body: JSON.stringify({ baseVersion: 0, config: enforced, comment: 'sneaky' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'Only Jira administrators can change PMO settings.',
      details: { required: 'ADMINISTER' },
    });
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('ignores a forged account id: the payload schema refuses it, and only the context identifies', async () => {
    const before = await dumpStore(local.deps.store);
    const forged = await invoke(local, 'sim-team', 'saveSettings', {
      baseVersion: 0,
      config: enforced,
      comment: '',
      accountId: 'sim-admin',
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(refusalOf(forged).message).toContain('Unrecognized key');
    const inConfig = await invoke(local, 'sim-team', 'saveSettings', {
      baseVersion: 0,
      config: { ...enforced, accountId: 'sim-admin' },
      comment: '',
    });
    expect(inConfig).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const overrideBy = await invoke(local, 'sim-team', 'setProjectOverride', {
      projectKey: sim.dataset.projects[0]?.key,
      override: { rag: 'red', reason: 'x', expiresAt: '2099-01-01T00:00:00Z', by: 'sim-admin' },
      baseVersion: 0,
    });
    expect(overrideBy).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('an admin saves through the resolver; only editors read the settings and the audit log', async () => {
    const saved = await invoke(local, 'sim-admin', 'saveSettings', { baseVersion: 0, config: enforced });
    expect(saved).toEqual({ ok: true, data: { version: 1 } });
    const read = await invoke(local, 'sim-admin', 'getSettings', {});
    expect(read).toMatchObject({
      ok: true,
      data: { live: { version: 1, author: 'sim-admin' }, canEdit: true },
    });
    const stale = await invoke(local, 'sim-admin', 'saveSettings', {
      baseVersion: 0,
      config: defaultPmoConfig,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { liveVersion: 1, yourBase: 0 } },
    });
    const audit = await invoke(local, 'sim-admin', 'listAuditLog', {});
    expect(audit).toMatchObject({
      ok: true,
      data: { entries: [{ version: 1, action: 'save' }], nextCursor: null },
    });
    expect(await invoke(local, 'sim-team', 'listAuditLog', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('answers PAYLOAD_TOO_LARGE for an import over 1 MB, with nothing stored', async () => {
    const before = await dumpStore(local.deps.store);
    const result = await invoke(local, 'sim-admin', 'importSettings', {
      json: 'x'.repeat(10 * 1024 * 1024),
      baseVersion: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(refusalOf(result).message).toBe('The file is 10.0 MB; settings files can be at most 1 MB');
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('previews an import with an unknown rule kind as problems with paths', async () => {
    const config = structuredClone(defaultPmoConfig) as unknown as {
      standards: { rules: { kind: string }[] }[];
    };
    const rule = config.standards[0]?.rules[0];
    if (rule) rule.kind = 'executeJavaScript';
    const result = await invoke(local, 'sim-admin', 'previewImport', { json: JSON.stringify(config) });
    expect(result.ok).toBe(true);
    const data = dataOf(result);
    expect(data.config).toBeNull();
    expect(data.problems[0]?.path).toBe('standards.0.rules.0.kind');
  });

  it('gives the settings (override reasons included) to no one but editors (#13.5)', async () => {
    const live = dataOf(await invoke(local, 'sim-admin', 'getSettings', {}));
    const projectKey = sim.dataset.projects.at(-1)?.key ?? '';
    const reason = 'Confidential: vendor contract terminated';
    const set = await invoke(local, 'sim-admin', 'setProjectOverride', {
      projectKey,
      override: { rag: 'red', reason, expiresAt: '2099-01-01T00:00:00Z' },
      baseVersion: live.live.version,
    });
    expect(set.ok).toBe(true);
    for (const user of ['sim-outsider', 'sim-team', 'sim-pmo']) {
      const answer = await invoke(local, user, 'getSettings', {});
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Only Jira administrators and the PMO group named in the settings can see PMO settings.',
          details: { required: 'settings editor' },
        },
      });
      for (const key of ['listAuditLog', 'listConfigVersions', 'exportSettings'] as const) {
        const other = await invoke(local, user, key, {});
        expect(refusalOf(other).code).toBe('FORBIDDEN');
        expect(JSON.stringify(other)).not.toContain(reason);
      }
    }
    // Once an admin names the PMO group, its members read (and edit) the settings.
    const current = dataOf(await invoke(local, 'sim-admin', 'getSettings', {}));
    const withGroup = { ...current.live.config, access: { pmoGroupName: 'pmo-office' } };
    await invoke(local, 'sim-admin', 'saveSettings', {
      baseVersion: current.live.version,
      config: withGroup,
    });
    clearSettingsEditorCache();
    const pmo = await invoke(local, 'sim-pmo', 'getSettings', {});
    expect(pmo).toMatchObject({ ok: true, data: { canEdit: true, canEditAccess: false } });
    expect(JSON.stringify(dataOf(pmo))).toContain(reason);
    expect(refusalOf(await invoke(local, 'sim-team', 'getSettings', {})).code).toBe('FORBIDDEN');
  });
});
