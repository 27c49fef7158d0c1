import { setUpServiceSimulator, simActor } from '../../../test/support/service-sim';
import { storeDeps } from '../../../test/support/store-deps';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { editedConfig } from '../../domain/config/test-data';
import { AppError } from '../../domain/errors';
import { MemoryStore } from '../../storage/memory-store';
import type { AppDeps } from '../deps';
import { listAuditLog } from './list-audit-log';
import { CONFIG_VERSION_PREFIX, loadLiveConfig } from './live-config';
import { saveSettings } from './save-settings';
import { setProjectOverride } from './set-project-override';

/**
 * The concurrency part of the standing suite for settings (settings.test.ts forces one exact
 * interleaving; these run many at once on a store with Forge-like latency, 5–60 ms per call).
 * Optimistic concurrency: of the saves made on one version exactly one wins, every other one is
 * told CONFLICT with the live version, nothing is half-written, and a loser that reloads and saves
 * again keeps its change alongside the winner's.
 */

const admin = simActor('admin');
const pmoLead = simActor('pmo');

const simulator = setUpServiceSimulator({ seed: 23, projects: 4, issuesPerProject: 10 });

function harness(seed: number): { deps: AppDeps; store: MemoryStore } {
  const store = new MemoryStore({ latencyMs: [5, 60], seed });
  const local = simulator.localApp({ store });
  return { deps: local.deps, store };
}

async function versionKeys(store: MemoryStore): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(CONFIG_VERSION_PREFIX, cursor ? { cursor, limit: 100 } : { limit: 100 });
    keys.push(...page.results.map((result) => result.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

describe('settings saved at the same moment, with storage latency', () => {
  // Many round trips with latency on a shared 2-core machine: generous, and no timing asserted.
  jest.setTimeout(60_000);
  it('an admin and a PMO-group editor save on the same version: one wins, the other gets CONFLICT, then both changes are kept', async () => {
    const { deps, store } = harness(5);
    const withGroup = editedConfig((config) => {
      config.access.pmoGroupName = 'pmo-office';
    }, defaultPmoConfig);
    await saveSettings(deps, admin, { baseVersion: 0, config: withGroup, comment: 'PMO group' });

    const staleDays = (config: PmoConfig) =>
      editedConfig((draft) => {
        draft.engine.staleDays = 21;
      }, config);
    const enforceRisks = (config: PmoConfig) =>
      editedConfig((draft) => {
        const risk = draft.standards.find((standard) => standard.id === 'risk-register');
        if (risk) risk.mode = 'enforce';
      }, config);
    const results = await Promise.allSettled([
      saveSettings(deps, admin, {
        baseVersion: 1,
        config: staleDays(withGroup),
        comment: 'stale after 3 weeks',
      }),
      saveSettings(deps, pmoLead, {
        baseVersion: 1,
        config: enforceRisks(withGroup),
        comment: 'enforce risks',
      }),
    ]);
    const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    const lost = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AppError);
    expect(lost[0]).toMatchObject({ code: 'CONFLICT', details: { liveVersion: 2, yourBase: 1 } });

    // The loser reloads the live version and applies its change to it.
    const live = await loadLiveConfig(storeDeps(store));
    const loserChange = won[0] === 0 ? enforceRisks : staleDays;
    const loser = won[0] === 0 ? pmoLead : admin;
    await expect(
      saveSettings(deps, loser, {
        baseVersion: live.version,
        config: loserChange(live.config),
        comment: 'again',
      }),
    ).resolves.toEqual({ version: 3 });

    const final = await loadLiveConfig(storeDeps(store));
    expect(final.config.engine.staleDays).toBe(21);
    expect(final.config.standards.find((standard) => standard.id === 'risk-register')?.mode).toBe('enforce');
    expect(await versionKeys(store)).toHaveLength(3);
    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries.map((entry) => entry.version)).toEqual([3, 2, 1]);
  });

  it('ten saves and overrides on one version at once: exactly one version is written, nine CONFLICTs, audit complete', async () => {
    const { deps, store } = harness(9);
    const attempts = Array.from({ length: 10 }, (_, index) =>
      index % 3 === 2
        ? setProjectOverride(deps, admin, {
            baseVersion: 0,
            projectKey: simulator.sim.dataset.projects[0]?.key ?? 'P1',
            override: { rag: 'red', reason: `Override ${index}`, expiresAt: '2099-01-01T00:00:00.000Z' },
          })
        : saveSettings(deps, admin, {
            baseVersion: 0,
            config: editedConfig((config) => {
              config.engine.staleDays = 40 + index;
            }, defaultPmoConfig),
            comment: `save ${index}`,
          }),
    );
    const results = await Promise.allSettled(attempts);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    for (const reason of rejected) expect(reason).toMatchObject({ code: 'CONFLICT' });
    expect(await versionKeys(store)).toEqual([`${CONFIG_VERSION_PREFIX}00000001`]);
    const audit = await listAuditLog(deps, admin, { limit: 20 });
    expect(audit.entries.map((entry) => entry.version)).toEqual([1]);
  });
});
