import type { VersionMeta } from '../../contracts/settings';
import { deepEqual } from '../../domain/config/diff';
import type { ConfigOrigin } from '../../domain/config/origin';
import { type PmoConfig, PmoConfigSchema } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { StoreLimitError } from '../../storage/store';
import { trackingIssueProblems } from '../alerts/tracking-issues';
import type { Actor, AppDeps } from '../deps';
import { forgetRemovedPortfolios } from '../snapshots/delete-portfolio-data';
import { syncAuditLog } from './audit-log';
import { type EditorStatus, requireSettingsEditor } from './authorize';
import {
  ACCESS_PROBLEM,
  accessChanged,
  accessGroupProblems,
  assertConfigFits,
  commentErrors,
  contentErrors,
  jqlProblems,
  structuralErrors,
  throwIfErrors,
} from './candidate';
import { type ConfigVersion, configVersionKey, findLiveVersion, LIVE_CONFIG_KEY } from './live-config';
import { authorOverrides } from './override-authorship';
import { readStoredConfigVersion, storedConfigDocument } from './stored-config';

/** The live version as a writer sees it: its number always, its configuration when it parses. */
export interface LiveState {
  version: number;
  /** Null when the stored live version is damaged (an admin can still restore another one). */
  config: PmoConfig | null;
  savedAt: string | null;
  author: string | null;
}

export async function readLiveState(deps: AppDeps): Promise<LiveState> {
  const { version, raw } = await findLiveVersion(deps);
  if (version === 0) return { version, config: PmoConfigSchema.parse({}), savedAt: null, author: null };
  const parsed = readStoredConfigVersion(raw);
  if (!parsed.success) return { version, config: null, savedAt: null, author: null };
  return { version, config: parsed.data.config, savedAt: parsed.data.savedAt, author: parsed.data.author };
}

/**
 * The first step of every settings write and editor-only read: FORBIDDEN unless the caller is a
 * settings editor. When the live configuration is damaged, only Jira admins pass.
 */
export async function authorizeEditor(
  deps: AppDeps,
  actor: Actor,
): Promise<{ live: LiveState; editor: EditorStatus }> {
  const live = await readLiveState(deps);
  const editor = await requireSettingsEditor(deps, actor, live.config?.access.pmoGroupName ?? null);
  return { live, editor };
}

export interface CommitRequest {
  baseVersion: number;
  config: PmoConfig;
  comment: string;
  origin: ConfigOrigin;
}

/**
 * Stores `config` as the next version, or changes nothing and throws. The order of writes and why a
 * failure half-way stays consistent is described at `findLiveVersion` (live-config.ts).
 *
 * - stale base: CONFLICT with details `{ liveVersion, yourBase }` (also when another save wins the race);
 * - too big: PAYLOAD_TOO_LARGE; markup or control characters, JQL Jira rejects: BAD_REQUEST with
 *   `details.problems`; a PMO group member changing `access`: FORBIDDEN; no change: BAD_REQUEST.
 */
export async function commitVersion(
  deps: AppDeps,
  actor: Actor,
  context: { live: LiveState; editor: EditorStatus },
  request: CommitRequest,
): Promise<{ version: number }> {
  const { live, editor } = context;
  assertBase(live.version, request.baseVersion);
  const parsed = PmoConfigSchema.parse(request.config);
  throwIfErrors(commentErrors(request.comment), 'The settings cannot be saved');
  const jira = deps.jira.asUser(actor.accountId);
  const authored = await authorOverrides(
    jira,
    { accountId: actor.accountId, now: deps.now() },
    live.config,
    parsed,
  );
  const config: PmoConfig = { ...parsed, overrides: authored.overrides };
  if (!editor.canEditAccess && accessChanged(live.config, config)) {
    throw new AppError('FORBIDDEN', ACCESS_PROBLEM.message, { problems: [ACCESS_PROBLEM] });
  }
  if (live.config !== null && deepEqual(live.config, config)) {
    throw new AppError(
      'BAD_REQUEST',
      `Nothing to save: this is the same as the live version ${live.version}`,
    );
  }
  assertConfigFits(config);
  throwIfErrors(
    [...structuralErrors(config), ...contentErrors(config), ...authored.problems],
    'The settings cannot be saved',
  );
  throwIfErrors(
    [
      ...(await jqlProblems(jira, config)),
      ...(await accessGroupProblems(jira, live.config, config)),
      ...(await trackingIssueProblems(jira, config)),
    ],
    'The settings cannot be saved',
  );

  const version = request.baseVersion + 1;
  const document = storedConfigDocument({
    version,
    basedOn: request.baseVersion,
    author: actor.accountId,
    savedAt: deps.now().toISOString(),
    comment: request.comment,
    origin: request.origin,
    config,
  });
  let written: boolean;
  try {
    written = await deps.store.setIfAbsent(configVersionKey(version), document);
  } catch (error) {
    if (error instanceof StoreLimitError) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        'The settings are too large to be stored as one version',
        { limit: 'one stored value of 240 KiB' },
        { cause: error },
      );
    }
    throw error;
  }
  if (!written) {
    // Another save on the same base committed first (between our check and our write).
    throw conflict(version, request.baseVersion);
  }
  // Committed. The pointer and the audit log are brought up to date; both are repaired by readers
  // and by the next change if these writes fail, so a failure here does not undo the save.
  try {
    await deps.store.set(LIVE_CONFIG_KEY, { version });
  } catch (error) {
    deps.logger.error('settings version committed but the live pointer was not moved', { version }, error);
  }
  try {
    await syncAuditLog(deps, version);
  } catch (error) {
    deps.logger.error('settings version committed but the audit log was not updated', { version }, error);
  }
  try {
    await forgetRemovedPortfolios(deps, live.config, config);
  } catch (error) {
    // Left-over data of a removed portfolio is unreachable; the next removal sweep may take it.
    deps.logger.error('settings committed but removed portfolios were not cleaned up', { version }, error);
  }
  return { version };
}

export function assertBase(liveVersion: number, baseVersion: number): void {
  if (liveVersion !== baseVersion) throw conflict(liveVersion, baseVersion);
}

function conflict(liveVersion: number, yourBase: number): AppError {
  return new AppError(
    'CONFLICT',
    yourBase < liveVersion
      ? `Someone saved the settings after you opened them: you edited version ${yourBase}, version ${liveVersion} is live now. Nothing was saved; reload to see their changes, then apply yours again.`
      : `Version ${yourBase} is not the live version (${liveVersion}). Nothing was saved; reload the settings.`,
    { liveVersion, yourBase },
  );
}

/** Version 0: the built-in defaults of a site nobody has configured. */
export const DEFAULTS_META: VersionMeta = {
  version: 0,
  basedOn: 0,
  author: null,
  savedAt: null,
  comment: 'Built-in defaults',
  origin: { kind: 'defaults' },
};

export function metaOf(version: ConfigVersion): VersionMeta {
  const { config: _config, ...meta } = version;
  return meta;
}
