import type { ResolverOutput } from '../../contracts/resolver-contract';
import { diffConfigs, diffValues } from '../../domain/config/diff';
import type { Actor, AppDeps } from '../deps';
import { parseImport } from './import-format';
import { candidateProblems } from './validate-settings';
import { authorizeEditor } from './versions';

/** What an import would change, and every problem with it; changes nothing (editors only). */
export async function previewImport(
  deps: AppDeps,
  actor: Actor,
  json: string,
): Promise<ResolverOutput<'previewImport'>> {
  const { live, editor } = await authorizeEditor(deps, actor);
  const parsed = parseImport(json);
  if (parsed.config === null) {
    return { liveVersion: live.version, config: null, diff: [], problems: parsed.problems };
  }
  const problems = await candidateProblems(
    deps.jira.asUser(actor.accountId),
    parsed.config,
    live,
    editor.canEditAccess,
  );
  return {
    liveVersion: live.version,
    config: parsed.config,
    diff: live.config ? diffConfigs(live.config, parsed.config) : diffValues({}, parsed.config),
    problems,
  };
}
