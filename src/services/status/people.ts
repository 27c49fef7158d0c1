import type { Actor, AppDeps } from '../deps';
import { nameOf, userNames } from '../people/user-names';

/** Display names of the people who saved or published, by account id ("Unknown user" when Jira names nobody). */
export async function namer(
  deps: AppDeps,
  actor: Actor,
  accountIds: Iterable<string>,
): Promise<(accountId: string) => string> {
  const names = await userNames(deps, actor.installation, accountIds);
  return (accountId) => nameOf(names, accountId) ?? accountId;
}
