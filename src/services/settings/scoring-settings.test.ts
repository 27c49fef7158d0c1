import { liveConfigFromStored } from '../../../test/support/published-config';
import { setUpServiceSimulator, simActor } from '../../../test/support/service-sim';
import { dumpStore } from '../../../test/support/store-dump';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { scoringPresets } from '../../domain/scoring/presets';
import { MemoryStore } from '../../storage/memory-store';
import formatZeroVersion from './fixtures/config-version-format-0.json';
import { listAuditLog } from './list-audit-log';
import { saveSettings } from './save-settings';
import { validateSettings } from './validate-settings';

const admin = simActor('admin');

const simulator = setUpServiceSimulator({ seed: 11, projects: 3, issuesPerProject: 5 });

function harness() {
  const memory = new MemoryStore();
  return { deps: simulator.localApp({ store: memory }).deps, memory };
}

const withScoring = (change: Partial<PmoConfig['scoring']>): PmoConfig => ({
  ...defaultPmoConfig,
  scoring: { ...defaultPmoConfig.scoring, ...change },
});

const wsjfOnEpics = withScoring({
  enabled: true,
  models: [scoringPresets.wsjf],
  activeModelId: 'wsjf',
  candidates: { issueTypes: ['Epic'], projectKeys: [], jql: null },
});

describe('scoring settings', () => {
  it('settings saved before scoring existed read with scoring switched off', async () => {
    const live = await liveConfigFromStored(formatZeroVersion);
    expect(live.config.scoring).toMatchObject({ enabled: false, models: [], activeModelId: null });
  });

  it('a scoring model is saved as a new version with an audit entry naming it', async () => {
    const { deps } = harness();
    await expect(
      saveSettings(deps, admin, { baseVersion: 0, config: wsjfOnEpics, comment: 'WSJF for epics' }),
    ).resolves.toEqual({ version: 1 });
    const audit = await listAuditLog(deps, admin, { limit: 5 });
    const summaries = audit.entries[0]?.changes.map((change) => change.summary).join('\n') ?? '';
    expect(summaries).toMatch(/scoring/i);
    expect(summaries).toMatch(/WSJF|wsjf/);
  });

  it('weights that sum to 0 are a problem of the dry run, and nothing is stored', async () => {
    const { deps, memory } = harness();
    const zero = withScoring({
      models: [
        { ...scoringPresets.wsjf, criteria: scoringPresets.wsjf.criteria.map((c) => ({ ...c, weight: 0 })) },
      ],
    });
    const before = await dumpStore(memory);
    const { problems } = await validateSettings(deps, admin, zero);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'scoring.models.0.criteria',
        message: expect.stringMatching(/weights sum to 0/),
      }),
    );
    expect(await dumpStore(memory)).toEqual(before);
  });

  it('a candidate JQL Jira does not accept is an error of the dry run, with its path', async () => {
    const { deps } = harness();
    const bad = {
      ...wsjfOnEpics,
      scoring: {
        ...wsjfOnEpics.scoring,
        candidates: { issueTypes: [], projectKeys: [], jql: 'labels = = intake' },
      },
    };
    const { problems } = await validateSettings(deps, admin, bad);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'scoring.candidates.jql', severity: 'error' }),
    );
  });
});
