import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';
import { authorizeEditor, commitVersion } from './versions';

export interface OverrideInput {
  projectKey: string;
  override: { rag: 'green' | 'amber' | 'red'; reason: string; expiresAt: string } | null;
  baseVersion: number;
}

/**
 * Sets or clears a project's manual RAG override as a new version; `by` is the caller. The override
 * shows beside the computed RAG until it expires.
 */
export async function setProjectOverride(
  deps: AppDeps,
  actor: Actor,
  input: OverrideInput,
): Promise<{ version: number }> {
  const context = await authorizeEditor(deps, actor);
  const { live } = context;
  if (live.config === null) {
    throw new AppError(
      'CONFIG_UNREADABLE',
      `The live settings (version ${live.version}) cannot be read; restore a version first`,
    );
  }
  const overrides = { ...live.config.overrides };
  let comment: string;
  if (input.override === null) {
    if (!Object.hasOwn(overrides, input.projectKey)) {
      throw new AppError('BAD_REQUEST', `${input.projectKey} has no manual RAG override to clear`);
    }
    delete overrides[input.projectKey];
    comment = `Cleared the RAG override of ${input.projectKey}`;
  } else {
    if (Date.parse(input.override.expiresAt) <= deps.now().getTime()) {
      throw new AppError('BAD_REQUEST', 'An override must expire in the future');
    }
    const visible = await deps.jira.asUser(actor.accountId).searchProjects({ keys: [input.projectKey] });
    if (!visible.some((project) => project.key === input.projectKey)) {
      throw new AppError('NOT_FOUND', `There is no project ${input.projectKey} you can see`);
    }
    overrides[input.projectKey] = { ...input.override, by: actor.accountId };
    comment =
      `RAG of ${input.projectKey} set to ${input.override.rag} until ${input.override.expiresAt.slice(0, 10)}: ${input.override.reason}`.slice(
        0,
        1000,
      );
  }
  return commitVersion(deps, actor, context, {
    baseVersion: input.baseVersion,
    config: { ...live.config, overrides },
    comment,
    origin: { kind: 'override', projectKey: input.projectKey },
  });
}
