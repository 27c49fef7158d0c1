import type { SiteSetup } from '../contracts/resolver-contract';
import { guessFieldRole } from '../domain/field-roles';
import type { Actor, AppDeps } from './deps';

/**
 * What the admin page shows before anything is configured: whether the user may change settings,
 * and the site's link types and custom fields with the role each name suggests. Read as the user,
 * so nobody learns of a field Jira does not show them.
 */
export async function getSiteSetup(deps: AppDeps, actor: Actor): Promise<SiteSetup> {
  const jira = deps.jira.asUser(actor.accountId);
  const [permissions, linkTypes, fields] = await Promise.all([
    jira.myPermissions(['ADMINISTER']),
    jira.linkTypes(),
    jira.fields(),
  ]);
  return {
    canAdminister: permissions.ADMINISTER === true,
    linkTypes: linkTypes
      .map(({ id, name, inward, outward }) => ({ id, name, inward, outward }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    customFields: fields
      .filter((field) => field.custom === true)
      .map((field) => ({
        id: field.id,
        name: field.name,
        type: field.schema?.type ?? null,
        role: guessFieldRole(field.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
