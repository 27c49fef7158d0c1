import { invokeAs, refusalOf } from '../../../test/support/local-resolvers';
import { publishConfig } from '../../../test/support/published-config';
import { setUpServiceSimulator, simActor } from '../../../test/support/service-sim';
import { defaultPmoConfig } from '../../domain/config/schema';
import { editedConfig } from '../../domain/config/test-data';
import { MemoryStore } from '../../storage/memory-store';
import { createRecordingLogger } from '../logger';
import { importSettings } from './import-settings';
import { configVersionKey, loadLiveConfig } from './live-config';
import { previewImport } from './preview-import';
import { validateSettings } from './validate-settings';

/** Issue #14.6: percentage thresholds outside 0..100 were accepted by the form, the dry run and import. */

const admin = simActor('admin');

const simulator = setUpServiceSimulator({ seed: 11, projects: 2, issuesPerProject: 5 });

function harness() {
  const store = new MemoryStore();
  const local = simulator.localApp({ store });
  return { local, store };
}

function withHealth(indicator: string, thresholds: { amber: number; red: number }) {
  return { ...defaultPmoConfig, engine: { ...defaultPmoConfig.engine, health: { [indicator]: thresholds } } };
}

const outOfRange: [string, { amber: number; red: number }, string, RegExp][] = [
  [
    'schedule',
    { amber: 150, red: 200 },
    'engine.health.schedule.amber',
    /percentage from 0 to 100.*above 100/,
  ],
  ['blocked', { amber: -5, red: 25 }, 'engine.health.blocked.amber', /percentage from 0 to 100.*below 0/],
  ['staleness', { amber: 10, red: 101 }, 'engine.health.staleness.red', /above 100/],
  ['compliance', { amber: 90, red: -1 }, 'engine.health.compliance.red', /below 0/],
];

describe('percentage thresholds are limited to 0..100 (#14.6)', () => {
  it.each(outOfRange)(
    'the form (validate) refuses %s %j naming the field',
    async (indicator, thresholds, path, message) => {
      const { local } = harness();
      const { problems } = await validateSettings(local.deps, admin, withHealth(indicator, thresholds));
      expect(problems).toContainEqual({ path, message: expect.stringMatching(message), severity: 'error' });
    },
  );

  it.each(outOfRange)(
    'import and its preview refuse %s %j naming the field',
    async (indicator, thresholds, path) => {
      const { local, store } = harness();
      const json = JSON.stringify(withHealth(indicator, thresholds));
      const preview = await previewImport(local.deps, admin, json);
      expect(preview.config).toBeNull();
      expect(preview.problems.map((problem) => problem.path)).toContain(path);
      await expect(
        importSettings(local.deps, admin, { json, baseVersion: 0, comment: '' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining(path),
      });
      expect(await store.get(configVersionKey(1))).toBeUndefined();
    },
  );

  it('the dry run refuses an out-of-range threshold with the field named', async () => {
    const { local } = harness();
    const refusal = refusalOf(
      await invokeAs(
        local,
        admin.accountId,
        'dryRunSettings',
        { config: withHealth('schedule', { amber: 150, red: 200 }) },
        { moduleKey: 'pmo-admin-page' },
      ),
    );
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.message).toContain('engine.health.schedule.amber');
    expect(refusal.message).toMatch(/percentage from 0 to 100/);
  });

  it('still accepts the bounds themselves and counts above 100 for date conflicts', async () => {
    const { local } = harness();
    const config = editedConfig((draft) => {
      draft.engine.health.schedule = { amber: 0, red: 100 };
      draft.engine.health.dateConflicts = { amber: 150, red: 300 };
    });
    const { problems } = await validateSettings(local.deps, admin, config);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('a version stored before the limit with a threshold above 100 stays readable, read as 100', async () => {
    const store = new MemoryStore();
    const config = editedConfig((draft) => {
      draft.engine.health.schedule = { amber: 150, red: 200 };
    });
    await publishConfig(store, config);
    const live = await loadLiveConfig({ store, logger: createRecordingLogger() });
    expect(live.config.engine.health.schedule).toEqual({ amber: 100, red: 100 });
  });
});
