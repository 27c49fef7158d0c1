import { refusal } from '../../../test/support/scoring-settings';
import { setUpServiceSimulator, simActor } from '../../../test/support/service-sim';
import { storeDeps } from '../../../test/support/store-deps';
import { dumpStore } from '../../../test/support/store-dump';
import { SETTINGS_LIMITS } from '../../contracts/settings';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { editedConfig } from '../../domain/config/test-data';
import { JiraClient } from '../../jira/client';
import { MemoryStore } from '../../storage/memory-store';
import type { Store } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { createRecordingLogger } from '../logger';
import { getPortfolioReport } from '../portfolio/get-portfolio-report';
import { listViewerPortfolios } from '../portfolio/portfolios';
import { EDITOR_CACHE_TTL_MS } from './authorize';
import { exportSettings } from './export-settings';
import { getConfigVersion } from './get-config-version';
import { getSettings, SETTINGS_NOT_VISIBLE } from './get-settings';
import { importSettings } from './import-settings';
import { listAuditLog } from './list-audit-log';
import { listConfigVersions } from './list-config-versions';
import { LIVE_CONFIG_KEY, loadLiveConfig } from './live-config';
import { previewImport } from './preview-import';
import { restoreConfigVersion } from './restore-version';
import { saveSettings } from './save-settings';
import { setProjectOverride } from './set-project-override';
import { getSiteCatalog } from './site-catalog';
import { validateSettings } from './validate-settings';

const admin = simActor('admin');
const pmo = simActor('pmo');
const team = simActor('team');
const outsider = simActor('outsider');

const simulator = setUpServiceSimulator({ seed: 11, projects: 5, issuesPerProject: 15 });
afterEach(() => jest.restoreAllMocks());

/** The app's dependencies on the simulator, with a clock the test moves and a store it may wrap. */
function harness(wrap: (store: Store) => Store = (store) => store) {
  const clock = { now: new Date() };
  const memory = new MemoryStore();
  const store = wrap(memory);
  const logger = createRecordingLogger();
  const local = simulator.localApp({ store, now: () => clock.now, logger });
  return { deps: local.deps, memory, clock, logger };
}

const enforceRisks = editedConfig((config) => {
  const risk = config.standards.find((standard) => standard.id === 'risk-register');
  if (risk) risk.mode = 'enforce';
});

async function saveAs(deps: AppDeps, actor: Actor, baseVersion: number, config: PmoConfig, comment = '') {
  return saveSettings(deps, actor, { baseVersion, config, comment });
}

describe('saving settings', () => {
  it('an admin saves version 1 with an audit entry naming the change', async () => {
    const { deps } = harness();
    await expect(saveAs(deps, admin, 0, enforceRisks, 'Enforce risks')).resolves.toEqual({ version: 1 });

    const settings = await getSettings(deps, admin);
    expect(settings.live).toMatchObject({ version: 1, author: 'sim-admin' });
    expect(settings.live.config.standards.find((s) => s.id === 'risk-register')?.mode).toBe('enforce');
    expect(settings).toMatchObject({ canEdit: true, canEditAccess: true, editReason: null });

    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      version: 1,
      actor: 'sim-admin',
      action: 'save',
      comment: 'Enforce risks',
      changes: [{ summary: "Standard 'Risks are owned and assessed' mode: warn → enforce" }],
    });
    expect(audit.nextCursor).toBeNull();
  });

  it('a team member is refused with FORBIDDEN and the store is unchanged', async () => {
    const { deps, memory } = harness();
    await saveAs(deps, admin, 0, enforceRisks);
    const before = await dumpStore(memory);
    const error = await refusal(saveAs(deps, team, 1, defaultPmoConfig));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Only Jira administrators can change PMO settings.');
    await expect(
      refusal(restoreConfigVersion(deps, team, { version: 0, baseVersion: 1, comment: '' })),
    ).resolves.toMatchObject({ code: 'FORBIDDEN' });
    await expect(refusal(listAuditLog(deps, outsider, { limit: 20 }))).resolves.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await dumpStore(memory)).toEqual(before);
    // The settings themselves are for editors only (#13.5); the refusal names no group or setting.
    await expect(refusal(getSettings(deps, team))).resolves.toMatchObject({
      code: 'FORBIDDEN',
      message: SETTINGS_NOT_VISIBLE,
    });
  });

  it('members of the PMO group an admin names may edit, but not change who may edit', async () => {
    const { deps, memory } = harness();
    await expect(refusal(saveAs(deps, pmo, 0, enforceRisks))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    const withGroup = editedConfig((config) => {
      config.access.pmoGroupName = 'pmo-office';
    });
    await saveAs(deps, admin, 0, withGroup);
    await expect(getSettings(deps, pmo)).resolves.toMatchObject({ canEdit: true, canEditAccess: false });
    await expect(refusal(getSettings(deps, team))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    const teamSave = await refusal(saveAs(deps, team, 1, enforceRisks));
    expect(teamSave.message).toBe(
      'Only Jira administrators and members of the group "pmo-office" can change PMO settings.',
    );

    const withRisks = editedConfig((config) => {
      const risk = config.standards.find((standard) => standard.id === 'risk-register');
      if (risk) risk.mode = 'enforce';
    }, withGroup);
    await expect(saveAs(deps, pmo, 1, withRisks)).resolves.toEqual({ version: 2 });

    const before = await dumpStore(memory);
    const widened = editedConfig((config) => {
      config.access.pmoGroupName = 'jira-software-users';
    }, withRisks);
    await expect(refusal(saveAs(deps, pmo, 2, widened))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    expect(await dumpStore(memory)).toEqual(before);
  });

  it('a save based on a stale version answers CONFLICT and loses nothing', async () => {
    const { deps, memory } = harness();
    await saveAs(deps, admin, 0, enforceRisks);
    const before = await dumpStore(memory);
    const error = await refusal(
      saveAs(
        deps,
        admin,
        0,
        editedConfig((c) => {
          c.engine.staleDays = 30;
        }),
      ),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ liveVersion: 1, yourBase: 0 });
    expect(error.message).toContain('version 1 is live now');
    expect(await dumpStore(memory)).toEqual(before);
    expect((await loadLiveConfig(storeDeps(memory))).config).toEqual(enforceRisks);
  });

  it('of two racing saves on the same version exactly one wins', async () => {
    // Both saves pass every check before either writes: the store's setIfAbsent decides.
    let waiting: (() => void)[] = [];
    const { deps, memory } = harness((store) => ({
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
      query: (prefix, options) => store.query(prefix, options),
      setIfAbsent: async (key, value) => {
        if (key.startsWith('config:version:')) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) {
              for (const release of waiting) release();
              waiting = [];
            }
          });
        }
        return store.setIfAbsent(key, value);
      },
    }));
    const a = editedConfig((config) => {
      config.engine.staleDays = 20;
    });
    const b = editedConfig((config) => {
      config.engine.staleDays = 30;
    });
    const results = await Promise.allSettled([saveAs(deps, admin, 0, a), saveAs(deps, admin, 0, b)]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const live = await loadLiveConfig(storeDeps(memory));
    expect(live.version).toBe(1);
    expect([20, 30]).toContain(live.config.engine.staleDays);
    expect(
      Object.keys(await dumpStore(memory)).filter((key) => key.startsWith('config:version:')),
    ).toHaveLength(1);
  });

  it('a save whose pointer write fails is still live, and the next save builds on it', async () => {
    let failPointer = true;
    const { deps, memory, logger } = harness((store) => ({
      get: (key) => store.get(key),
      setIfAbsent: (key, value) => store.setIfAbsent(key, value),
      delete: (key) => store.delete(key),
      query: (prefix, options) => store.query(prefix, options),
      set: async (key, value) => {
        if (key === LIVE_CONFIG_KEY && failPointer) throw new Error('KVS unavailable');
        return store.set(key, value);
      },
    }));
    await expect(saveAs(deps, admin, 0, enforceRisks)).resolves.toEqual({ version: 1 });
    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'settings version committed but the live pointer was not moved',
        fields: { version: 1 },
        error: new Error('KVS unavailable'),
      },
    ]);
    expect(await memory.get(LIVE_CONFIG_KEY)).toBeUndefined();
    expect((await loadLiveConfig(storeDeps(memory))).version).toBe(1);
    // A save on the old base is stale; one on the rolled-forward version succeeds and heals the pointer.
    await expect(refusal(saveAs(deps, admin, 0, defaultPmoConfig))).resolves.toMatchObject({
      code: 'CONFLICT',
    });
    failPointer = false;
    await expect(saveAs(deps, admin, 1, defaultPmoConfig)).resolves.toEqual({ version: 2 });
    expect(await memory.get(LIVE_CONFIG_KEY)).toEqual({ version: 2 });
    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries.map((entry) => entry.version)).toEqual([2, 1]);
  });

  it('refuses a save that changes nothing, markup in texts, and a configuration over one stored value', async () => {
    const { deps, memory } = harness();
    const before = await dumpStore(memory);
    await expect(refusal(saveAs(deps, admin, 0, defaultPmoConfig))).resolves.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Nothing to save'),
    });
    const scripted = editedConfig((config) => {
      const first = config.standards[0];
      if (first) first.name = '<script>alert(1)</script>';
    });
    const markup = await refusal(saveAs(deps, admin, 0, scripted));
    expect(markup.code).toBe('BAD_REQUEST');
    expect(markup.message).toContain('standards.0.name: contains HTML or script markup');
    const huge = editedConfig((config) => {
      for (const standard of config.standards) standard.description = 'x'.repeat(2000);
      config.portfolios = Array.from({ length: 200 }, (_, index) => ({
        id: `p${index}`,
        name: 'n'.repeat(200),
        ownerAccountId: null,
        scope: { kind: 'projects' as const, projectKeys: Array.from({ length: 300 }, (_, k) => `K${k}`) },
      }));
    });
    await expect(refusal(saveAs(deps, admin, 0, huge))).resolves.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await dumpStore(memory)).toEqual(before);
  });
});

describe('JQL portfolio scopes', () => {
  const withJql = (jql: string) =>
    editedConfig((config) => {
      config.portfolios = [{ id: 'cloud', name: 'Cloud', ownerAccountId: null, scope: { kind: 'jql', jql } }];
    });

  it('are validated by Jira before they are saved: bad JQL is a BAD_REQUEST with Jira’s message', async () => {
    const { deps, memory } = harness();
    const parse = jest.spyOn(JiraClient.prototype, 'parseJql');
    const error = await refusal(saveAs(deps, admin, 0, withJql('project = = BROKEN')));
    expect(parse).toHaveBeenCalledWith(['project = = BROKEN']);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('Portfolio "Cloud": Jira does not accept this JQL:');
    const [parsed] = await deps.jira.asUser(admin.accountId).parseJql(['project = = BROKEN']);
    const jiraMessage = parsed?.errors?.[0] ?? 'missing';
    expect(error.message).toContain(jiraMessage);
    expect(await dumpStore(memory)).toEqual({});
  });

  it('a valid JQL scope is saved and reported on, and listed as a portfolio', async () => {
    const { deps } = harness();
    const key = simulator.sim.dataset.projects[0]?.key ?? '';
    await expect(saveAs(deps, admin, 0, withJql(`project = ${key}`))).resolves.toEqual({ version: 1 });
    const portfolios = await listViewerPortfolios(deps, pmo);
    expect(portfolios.map((portfolio) => portfolio.id)).toContain('p:cloud');
    const report = await getPortfolioReport(deps, pmo, 'p:cloud');
    const withIssues = report.projects.filter((project) => project.kpis.open + project.kpis.done > 0);
    expect(withIssues.map((project) => project.key)).toEqual([key]);
  });
});

describe('configured portfolios', () => {
  it('a list of projects shows each viewer the projects they may see', async () => {
    const { deps } = harness();
    const keys = simulator.sim.dataset.projects.map((project) => project.key);
    const config = editedConfig((c) => {
      c.portfolios = [
        {
          id: 'core',
          name: 'Core',
          ownerAccountId: 'sim-pmo',
          scope: { kind: 'projects', projectKeys: keys },
        },
      ];
    });
    await saveAs(deps, admin, 0, config);
    const forPmo = await listViewerPortfolios(deps, pmo);
    expect(forPmo.find((portfolio) => portfolio.id === 'p:core')).toEqual({
      id: 'p:core',
      name: 'Core',
      projectCount: keys.length,
    });
    const forTeam = await listViewerPortfolios(deps, team);
    const teamCount = forTeam.find((portfolio) => portfolio.id === 'p:core')?.projectCount ?? 0;
    expect(teamCount).toBeGreaterThan(0);
    expect(teamCount).toBeLessThan(keys.length);
    const report = await getPortfolioReport(deps, team, 'p:core');
    expect(report.projects).toHaveLength(teamCount);
    await expect(refusal(getPortfolioReport(deps, team, 'p:nope'))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('versions and restore', () => {
  it('lists versions newest first, shows a diff against live, and restores as a new version', async () => {
    const { deps } = harness();
    await saveAs(deps, admin, 0, enforceRisks, 'one');
    const two = editedConfig((config) => {
      config.engine.staleDays = 21;
    }, enforceRisks);
    await saveAs(deps, admin, 1, two, 'two');

    const listed = await listConfigVersions(deps, admin, { limit: 20 });
    expect(listed.liveVersion).toBe(2);
    expect(listed.versions.map((version) => version.version)).toEqual([2, 1, 0]);
    expect(listed.versions[2]?.origin).toEqual({ kind: 'defaults' });

    const first = await getConfigVersion(deps, admin, 1);
    expect(first.meta).toMatchObject({ version: 1, comment: 'one', author: 'sim-admin' });
    expect(first.diffFromLive.map((change) => change.summary)).toEqual(['Stale after (days): 21 → 14']);

    await expect(
      restoreConfigVersion(deps, admin, { version: 1, baseVersion: 2, comment: '' }),
    ).resolves.toEqual({
      version: 3,
    });
    expect((await loadLiveConfig(deps)).config).toEqual(enforceRisks);
    const audit = await listAuditLog(deps, admin, { limit: 1 });
    expect(audit.entries[0]).toMatchObject({
      version: 3,
      action: 'restore',
      restoredFrom: 1,
      comment: 'Restored version 1',
    });
    expect(audit.nextCursor).not.toBeNull();
    const older = await listAuditLog(deps, admin, { limit: 20, cursor: audit.nextCursor ?? undefined });
    expect(older.entries.map((entry) => entry.version)).toEqual([2, 1]);

    await expect(
      restoreConfigVersion(deps, admin, { version: 0, baseVersion: 3, comment: '' }),
    ).resolves.toEqual({
      version: 4,
    });
    expect((await loadLiveConfig(deps)).config).toEqual(defaultPmoConfig);
    await expect(refusal(getConfigVersion(deps, admin, 99))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      refusal(restoreConfigVersion(deps, admin, { version: 1, baseVersion: 3, comment: '' })),
    ).resolves.toMatchObject({ code: 'CONFLICT', details: { liveVersion: 4, yourBase: 3 } });
  });
});

describe('import and export', () => {
  it('exports the live configuration and imports it back as one new version', async () => {
    const { deps } = harness();
    await saveAs(deps, admin, 0, enforceRisks);
    const exported = await exportSettings(deps, admin);
    expect(exported.fileName).toMatch(/^pmo-settings-v1-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(exported.json) as { format: string; config: PmoConfig };
    expect(document.format).toBe('pmo-portfolio-settings');
    document.config.engine.staleDays = 45;
    const json = JSON.stringify(document);

    const preview = await previewImport(deps, admin, json);
    expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(preview.diff.map((change) => change.summary)).toEqual(['Stale after (days): 14 → 45']);
    await expect(importSettings(deps, admin, { json, baseVersion: 1, comment: '' })).resolves.toEqual({
      version: 2,
    });
    expect((await loadLiveConfig(deps)).config.engine.staleDays).toBe(45);
    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries[0]).toMatchObject({ action: 'import', comment: 'Imported settings' });
  });

  /** The JSON of the default settings as `recipe` edits them. */
  const editedJson = (recipe: (config: PmoConfig) => void) => () => JSON.stringify(editedConfig(recipe));
  const hostile: [string, () => string, string, string][] = [
    [
      'wrong types',
      () => JSON.stringify({ ...defaultPmoConfig, standards: 'all of them' }),
      'BAD_REQUEST',
      'standards',
    ],
    [
      'an unknown rule kind',
      editedJson((config) => {
        const first = config.standards[0];
        if (first) (first.rules[0] as { kind: string }).kind = 'runScript';
      }),
      'BAD_REQUEST',
      'standards.0.rules.0.kind',
    ],
    [
      'unknown keys',
      () => JSON.stringify({ ...defaultPmoConfig, __proto__x: 1, eval: 'x' }),
      'BAD_REQUEST',
      'Unrecognized key',
    ],
    [
      'script strings',
      editedJson((config) => {
        const gate = config.standards.flatMap((s) => s.rules).find((rule) => rule.kind === 'gateChecklist');
        if (gate?.kind === 'gateChecklist' && gate.items[0])
          gate.items[0].text = '<img src=x onerror=alert(1)>';
      }),
      'BAD_REQUEST',
      'contains HTML or script markup',
    ],
    [
      'control characters',
      editedJson((config) => {
        const first = config.standards[0];
        if (first) first.name = 'a\u202Eb';
      }),
      'BAD_REQUEST',
      'invisible control character (U+202E)',
    ],
    ['not JSON', () => '{"config": <script>alert(1)</script>', 'BAD_REQUEST', 'not valid JSON'],
    ['a JSON array', () => '[1,2,3]', 'BAD_REQUEST', 'must contain a JSON object'],
    ['a 10 MB body', () => `"${'x'.repeat(10 * 1024 * 1024)}"`, 'PAYLOAD_TOO_LARGE', 'at most 1 MB'],
  ];

  it.each(hostile)(
    'rejects %s with a clear message and changes nothing',
    async (_name, make, code, message) => {
      const { deps, memory } = harness();
      await saveAs(deps, admin, 0, enforceRisks);
      const before = await dumpStore(memory);
      const json = make();
      const error = await refusal(importSettings(deps, admin, { json, baseVersion: 1, comment: '' }));
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
      if (code === 'BAD_REQUEST') {
        const preview = await previewImport(deps, admin, json);
        expect(preview.config).toBeNull();
        expect(preview.problems.length).toBeGreaterThan(0);
        expect(preview.problems.every((problem) => problem.severity === 'error')).toBe(true);
      }
      expect(await dumpStore(memory)).toEqual(before);
    },
  );

  it('refuses imports by non-editors before reading the file', async () => {
    const { deps } = harness();
    await expect(
      refusal(importSettings(deps, team, { json: '{}', baseVersion: 0, comment: '' })),
    ).resolves.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(refusal(exportSettings(deps, team))).resolves.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stays under the import limit for any export', () => {
    expect(SETTINGS_LIMITS.maxImportBytes).toBeGreaterThan(SETTINGS_LIMITS.maxConfigBytes * 2);
  });
});

describe('validation against the site', () => {
  it('lists schema errors with paths, and unknown statuses, fields and projects as warnings', async () => {
    const { deps } = harness();
    const invalid = await validateSettings(deps, admin, {
      ...defaultPmoConfig,
      engine: { staleDays: 'soon' },
    });
    expect(invalid.problems).toEqual([
      expect.objectContaining({ path: 'engine.staleDays', severity: 'error' }),
    ]);
    const draft = editedConfig((config) => {
      config.lifecycle.stages[0]?.statuses.push('Parked forever');
      config.fieldMapping.storyPoints = 'customfield_99999';
      config.portfolios = [
        { id: 'x', name: 'X', ownerAccountId: null, scope: { kind: 'projects', projectKeys: ['NOPE'] } },
      ];
    });
    const { problems } = await validateSettings(deps, admin, draft);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'lifecycle.stages.0.statuses',
          message: 'There is no status "Parked forever" on this site',
          severity: 'warning',
        },
        {
          path: 'fieldMapping.storyPoints',
          message: 'There is no field customfield_99999 on this site',
          severity: 'warning',
        },
        {
          path: 'portfolios.0.scope.projectKeys',
          message: 'There is no project NOPE (or you cannot see it)',
          severity: 'warning',
        },
      ]),
    );
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('gives the pickers the site as the caller sees it', async () => {
    const { deps } = harness();
    const catalog = await getSiteCatalog(deps, admin);
    expect(catalog.projects.map((project) => project.key).sort()).toEqual(
      simulator.sim.dataset.projects.map((project) => project.key).sort(),
    );
    expect(catalog.statuses.length).toBeGreaterThan(3);
    expect(catalog.issueTypes.map((type) => type.name)).toContain('Risk');
    expect(catalog.fields.some((field) => field.custom)).toBe(true);
    const forOutsider = await getSiteCatalog(deps, outsider);
    expect(forOutsider.projects).toEqual([]);
  });
});

describe('manual RAG overrides', () => {
  it('are set and cleared as new versions, by the caller, and must expire in the future', async () => {
    const { deps, clock } = harness();
    const key = simulator.sim.dataset.projects[0]?.key ?? '';
    const expiresAt = new Date(clock.now.getTime() + 7 * 86_400_000).toISOString();
    await expect(
      setProjectOverride(deps, admin, {
        projectKey: key,
        override: { rag: 'red', reason: 'Vendor late', expiresAt },
        baseVersion: 0,
      }),
    ).resolves.toEqual({ version: 1 });
    const live = await loadLiveConfig(deps);
    expect(live.config.overrides[key]).toEqual({
      rag: 'red',
      reason: 'Vendor late',
      expiresAt,
      by: 'sim-admin',
      setAt: clock.now.toISOString(),
    });
    const report = await getPortfolioReport(deps, pmo, 'all');
    expect(report.projects.find((project) => project.key === key)?.health).toMatchObject({
      rag: 'red',
      override: { reason: 'Vendor late' },
    });

    await expect(
      refusal(
        setProjectOverride(deps, admin, {
          projectKey: key,
          override: {
            rag: 'green',
            reason: 'x',
            expiresAt: new Date(clock.now.getTime() - 1000).toISOString(),
          },
          baseVersion: 1,
        }),
      ),
    ).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      setProjectOverride(deps, admin, { projectKey: key, override: null, baseVersion: 1 }),
    ).resolves.toEqual({
      version: 2,
    });
    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries.map((entry) => [entry.action, entry.projectKey])).toEqual([
      ['override', key],
      ['override', key],
    ]);
    await expect(
      refusal(setProjectOverride(deps, team, { projectKey: key, override: null, baseVersion: 2 })),
    ).resolves.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the settings editor check', () => {
  it('asks Jira once per account within a minute, and again after it expires', async () => {
    const { deps, clock } = harness();
    const asked = jest.spyOn(JiraClient.prototype, 'myPermissions');
    await refusal(getSettings(deps, team));
    await refusal(getSettings(deps, team));
    await refusal(saveAs(deps, team, 0, enforceRisks));
    expect(asked).toHaveBeenCalledTimes(1);
    await getSettings(deps, admin);
    expect(asked).toHaveBeenCalledTimes(2);
    clock.now = new Date(clock.now.getTime() + EDITOR_CACHE_TTL_MS - 1);
    await refusal(getSettings(deps, team));
    expect(asked).toHaveBeenCalledTimes(2);
    clock.now = new Date(clock.now.getTime() + 2);
    await refusal(getSettings(deps, team));
    expect(asked).toHaveBeenCalledTimes(3);
  });

  it('asks for groups only when a PMO group is configured', async () => {
    const { deps } = harness();
    const groups = jest.spyOn(JiraClient.prototype, 'myGroups');
    await refusal(getSettings(deps, pmo));
    expect(groups).not.toHaveBeenCalled();
    await saveAs(
      deps,
      admin,
      0,
      editedConfig((config) => {
        config.access.pmoGroupName = 'PMO-Office';
      }),
    );
    await expect(getSettings(deps, pmo)).resolves.toMatchObject({ canEdit: true });
    await getSettings(deps, pmo);
    expect(groups).toHaveBeenCalledTimes(1);
  });
});

describe('every write path runs the same checks (#13.6, #13.9)', () => {
  /** sim-team edits once the PMO group is their default group; they browse the first 3 projects only. */
  async function teamEditor() {
    const { deps, memory, clock } = harness();
    await saveAs(
      deps,
      admin,
      0,
      editedConfig((config) => {
        config.access.pmoGroupName = 'jira-software-users';
      }),
    );
    const visibleKey = simulator.sim.dataset.projects[0]?.key ?? '';
    const hiddenKey = simulator.sim.dataset.projects.at(-1)?.key ?? '';
    const expiresAt = new Date(clock.now.getTime() + 7 * 86_400_000).toISOString();
    return { deps, memory, clock, visibleKey, hiddenKey, expiresAt };
  }

  it('a full save cannot forge an override author or time: the server sets both', async () => {
    const { deps, clock, visibleKey, expiresAt } = await teamEditor();
    const forged = editedConfig(
      (config) => {
        config.overrides[visibleKey] = {
          rag: 'red',
          reason: 'Vendor late',
          expiresAt,
          by: 'sim-admin',
          setAt: '2020-01-01T00:00:00.000Z',
        };
      },
      (await loadLiveConfig(deps)).config,
    );
    await expect(saveAs(deps, team, 1, forged)).resolves.toEqual({ version: 2 });
    expect((await loadLiveConfig(deps)).config.overrides[visibleKey]).toEqual({
      rag: 'red',
      reason: 'Vendor late',
      expiresAt,
      by: 'sim-team',
      setAt: clock.now.toISOString(),
    });
    // Saving it again unchanged, even with another claimed author, keeps the recorded one.
    const later = (await loadLiveConfig(deps)).config;
    const claimed = editedConfig((config) => {
      const override = config.overrides[visibleKey];
      if (override) override.by = 'someone-else';
      const first = config.standards[0];
      if (first) first.description = 'Edited';
    }, later);
    clock.now = new Date(clock.now.getTime() + 60_000);
    await saveAs(deps, admin, 2, claimed);
    expect((await loadLiveConfig(deps)).config.overrides[visibleKey]?.by).toBe('sim-team');
  });

  it('refuses overrides on projects that do not exist or the writer cannot browse, on every path', async () => {
    const { deps, memory, hiddenKey, expiresAt } = await teamEditor();
    const live = (await loadLiveConfig(deps)).config;
    const override = { rag: 'red' as const, reason: 'x', expiresAt, by: 'sim-team' };
    const before = await dumpStore(memory);
    for (const key of [hiddenKey, 'NOSUCHPROJECT']) {
      const candidate = editedConfig((config) => {
        config.overrides[key] = override;
      }, live);
      const saved = await refusal(saveAs(deps, team, 1, candidate));
      expect(saved.code).toBe('BAD_REQUEST');
      expect(saved.message).toContain(`There is no project ${key} you can see`);
      const imported = await refusal(
        importSettings(deps, team, { json: JSON.stringify(candidate), baseVersion: 1, comment: '' }),
      );
      expect(imported.message).toContain(`There is no project ${key} you can see`);
      const single = await refusal(
        setProjectOverride(deps, team, {
          projectKey: key,
          override: { rag: 'red', reason: 'x', expiresAt },
          baseVersion: 1,
        }),
      );
      expect(single.code).toBe('NOT_FOUND');
    }
    expect(await dumpStore(memory)).toEqual(before);
    // Restoring a version whose override the restorer cannot browse is refused the same way.
    const withHidden = editedConfig((config) => {
      config.overrides[hiddenKey] = override;
    }, live);
    await saveAs(deps, admin, 1, withHidden);
    await saveAs(deps, admin, 2, live);
    const restored = await refusal(
      restoreConfigVersion(deps, team, { version: 2, baseVersion: 3, comment: '' }),
    );
    expect(restored.message).toContain(`There is no project ${hiddenKey} you can see`);
  });

  it('refuses markup, bidi overrides and NUL in the save comment on save, import and restore', async () => {
    const { deps, memory } = harness();
    await saveAs(deps, admin, 0, enforceRisks);
    const before = await dumpStore(memory);
    for (const comment of ['<img src=x onerror=alert(1)>', 'fine \u202Etxt.exe', 'nul\u0000here']) {
      const saved = await refusal(saveAs(deps, admin, 1, defaultPmoConfig, comment));
      expect(saved.code).toBe('BAD_REQUEST');
      expect(saved.message).toMatch(/^The settings cannot be saved: comment: The comment contains/);
      await expect(
        refusal(
          importSettings(deps, admin, { json: JSON.stringify(defaultPmoConfig), baseVersion: 1, comment }),
        ),
      ).resolves.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(
        refusal(restoreConfigVersion(deps, admin, { version: 0, baseVersion: 1, comment })),
      ).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await dumpStore(memory)).toEqual(before);
  });

  it('rejects __proto__ keys and unknown keys anywhere in an import with a path, instead of dropping them', async () => {
    const { deps, memory } = harness();
    const before = await dumpStore(memory);
    const cases: [string, string][] = [
      ['{"overrides":{"__proto__":{"rag":"red"}}}', 'overrides.__proto__'],
      ['{"engine":{"__proto__":{"staleDays":1}}}', 'engine.__proto__'],
      ['{"fieldMapping":{"__proto__":"customfield_1"}}', 'fieldMapping.__proto__'],
      ['{"engine":{"health":{"schedule":{"amber":1,"red":2,"orange":3}}}}', 'engine.health.schedule'],
      ['{"engine":{"surprise":true}}', 'engine'],
    ];
    for (const [json, path] of cases) {
      const preview = await previewImport(deps, admin, json);
      expect(preview.config).toBeNull();
      expect(preview.problems[0]?.path).toBe(path);
      await expect(
        refusal(importSettings(deps, admin, { json, baseVersion: 0, comment: '' })),
      ).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await dumpStore(memory)).toEqual(before);
  });
});
