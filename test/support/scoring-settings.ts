import { defaultPmoConfig, type PmoConfig } from '../../src/domain/config/schema';
import { AppError } from '../../src/domain/errors';
import { scoringPresets } from '../../src/domain/scoring/presets';
import type { Actor, AppDeps } from '../../src/services/deps';
import { clearSettingsEditorCache } from '../../src/services/settings/authorize';
import { findLiveVersion } from '../../src/services/settings/live-config';
import { saveSettings } from '../../src/services/settings/save-settings';

/** The default settings with scoring on: epics are candidates, scored with the WSJF preset. */
export function wsjfEpicConfig(): PmoConfig {
  const config: PmoConfig = structuredClone(defaultPmoConfig);
  config.scoring = {
    ...config.scoring,
    enabled: true,
    models: [scoringPresets.wsjf],
    activeModelId: 'wsjf',
    candidates: { issueTypes: ['Epic'], projectKeys: [], jql: null },
  };
  return config;
}

/** Publishes `config` as `admin` (nothing happens when it equals the live settings). */
export async function publishSettings(deps: AppDeps, admin: Actor, config: PmoConfig): Promise<void> {
  clearSettingsEditorCache();
  const live = await findLiveVersion(deps);
  try {
    await saveSettings(deps, admin, { baseVersion: live.version, config, comment: 'test settings' });
  } catch (error) {
    if (!(error instanceof AppError && error.message.startsWith('Nothing to save'))) throw error;
  }
}

/** The AppError a promise is refused with; fails when it succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The default Inception gate guards Proposals; tests whose candidates are epics gate those instead. */
export function gateEpicsAtInception(config: PmoConfig): PmoConfig {
  for (const standard of config.standards)
    if (standard.id === 'inception-gate') standard.scope = { issueTypes: ['Epic'] };
  return config;
}
