import { setUpServiceSimulator, simActor } from '../../../test/support/service-sim';
import { editedConfig } from '../../domain/config/test-data';
import { MemoryStore } from '../../storage/memory-store';
import { importSettings } from './import-settings';
import { configVersionKey } from './live-config';
import { previewImport } from './preview-import';
import { saveSettings } from './save-settings';
import { validateSettings } from './validate-settings';

/** Issue #14.11: a nonexistent access group and duplicate lifecycle stage names were accepted. */

const admin = simActor('admin');

const simulator = setUpServiceSimulator({ seed: 11, projects: 2, issuesPerProject: 5 });

function harness() {
  const store = new MemoryStore();
  return { deps: simulator.localApp({ store }).deps, store };
}

const missingGroup = editedConfig((config) => {
  config.access.pmoGroupName = 'pmo-ofice';
});
const duplicateStageName = editedConfig((config) => {
  const [first, second] = config.lifecycle.stages;
  if (!first || !second) throw new Error('the default lifecycle has fewer than two stages');
  second.name = ` ${first.name.toUpperCase()} `;
});

describe('settings refuse references that are accepted but wrong (#14.11)', () => {
  it.each([
    [
      'a PMO group Jira does not know',
      missingGroup,
      'access.pmoGroupName',
      expect.stringContaining('There is no Jira group "pmo-ofice"'),
    ],
    [
      'two lifecycle stages with the same name (ignoring case and spaces)',
      duplicateStageName,
      'lifecycle.stages.1.name',
      expect.stringMatching(/already used by stage 1/),
    ],
  ])(
    '%s is refused by validation, save and import, naming the field',
    async (_name, config, path, message) => {
      const { deps, store } = harness();
      const { problems } = await validateSettings(deps, admin, config);
      expect(problems).toContainEqual({ path, message, severity: 'error' });
      await expect(saveSettings(deps, admin, { baseVersion: 0, config, comment: '' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        details: { problems: [expect.objectContaining({ path })] },
      });
      const json = JSON.stringify(config);
      expect((await previewImport(deps, admin, json)).problems.map((problem) => problem.path)).toContain(
        path,
      );
      await expect(importSettings(deps, admin, { json, baseVersion: 0, comment: '' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      expect(await store.get(configVersionKey(1))).toBeUndefined();
    },
  );

  it('an existing group is accepted whatever its case', async () => {
    const { deps } = harness();
    const config = editedConfig((draft) => {
      draft.access.pmoGroupName = 'PMO-Office';
    });
    await expect(saveSettings(deps, admin, { baseVersion: 0, config, comment: '' })).resolves.toEqual({
      version: 1,
    });
  });
});
