import type { AppDeps } from '../services/deps';
import { dryRunSettings } from '../services/settings/dry-run';
import { exportSettings } from '../services/settings/export-settings';
import { getConfigVersion } from '../services/settings/get-config-version';
import { getSettings } from '../services/settings/get-settings';
import { importSettings } from '../services/settings/import-settings';
import { listAuditLog } from '../services/settings/list-audit-log';
import { listConfigVersions } from '../services/settings/list-config-versions';
import { previewImport } from '../services/settings/preview-import';
import { restoreConfigVersion } from '../services/settings/restore-version';
import { saveSettings } from '../services/settings/save-settings';
import { setProjectOverride } from '../services/settings/set-project-override';
import { getSiteCatalog } from '../services/settings/site-catalog';
import { validateSettings } from '../services/settings/validate-settings';
import { resolverDefiner } from './define';

/**
 * The settings resolvers, merged into the app's resolver handler in index.ts. Thin: the acting user
 * comes from the platform context (defineResolver), every service checks who may do what.
 */
export function createSettingsResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getSettings: defineResolver('getSettings', (_input, actor) => getSettings(deps, actor)),
    getSiteCatalog: defineResolver('getSiteCatalog', (_input, actor) => getSiteCatalog(deps, actor)),
    validateSettings: defineResolver('validateSettings', (input, actor) =>
      validateSettings(deps, actor, input.config),
    ),
    dryRunSettings: defineResolver('dryRunSettings', (input, actor) =>
      dryRunSettings(deps, actor, input.config),
    ),
    saveSettings: defineResolver('saveSettings', (input, actor) => saveSettings(deps, actor, input)),
    listConfigVersions: defineResolver('listConfigVersions', (input, actor) =>
      listConfigVersions(deps, actor, input),
    ),
    getConfigVersion: defineResolver('getConfigVersion', (input, actor) =>
      getConfigVersion(deps, actor, input.version),
    ),
    restoreConfigVersion: defineResolver('restoreConfigVersion', (input, actor) =>
      restoreConfigVersion(deps, actor, input),
    ),
    listAuditLog: defineResolver('listAuditLog', (input, actor) => listAuditLog(deps, actor, input)),
    exportSettings: defineResolver('exportSettings', (_input, actor) => exportSettings(deps, actor)),
    previewImport: defineResolver('previewImport', (input, actor) => previewImport(deps, actor, input.json)),
    importSettings: defineResolver('importSettings', (input, actor) => importSettings(deps, actor, input)),
    setProjectOverride: defineResolver('setProjectOverride', (input, actor) =>
      setProjectOverride(deps, actor, input),
    ),
  } as const;
}
