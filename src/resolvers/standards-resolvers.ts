import type { AppDeps } from '../services/deps';
import { getIssueStandards } from '../services/standards/get-issue-standards';
import { setChecklistItem } from '../services/standards/set-checklist-item';
import { resolverDefiner } from './define';

/** The standards resolvers (issue panel), merged into the app's resolver handler in index.ts. */
export function createStandardsResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getIssueStandards: defineResolver('getIssueStandards', (input, actor) =>
      getIssueStandards(deps, actor, input.issueKey),
    ),
    setChecklistItem: defineResolver('setChecklistItem', (input, actor) =>
      setChecklistItem(deps, actor, input),
    ),
  };
}
