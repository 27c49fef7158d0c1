/** `/project/{key}/role` and `/project/{key}/role/{id}`: project roles and their actors. */
import { type Ctx, JiraError, ok, type RouteDef } from '../http';
import { PROJECT_ROLES } from '../roles';

/** Jira answers role actors to Jira and project administrators only; the app's user is one. */
function projectOf(ctx: Ctx): number {
  const ref = ctx.params.projectIdOrKey ?? '';
  const idx = ctx.state.findProject(ref);
  const administers = ctx.access.isSiteAdmin || ctx.user.role === 'app';
  if (idx === undefined || !ctx.access.canBrowse(idx) || !administers) {
    throw new JiraError(404, [`No project could be found with key '${ref}'.`]);
  }
  return idx;
}

function roleUrl(ctx: Ctx, projectKey: string, id: number): string {
  return `${ctx.base}/rest/api/3/project/${projectKey}/role/${id}`;
}

function projectRoles(ctx: Ctx) {
  const key = ctx.state.project(projectOf(ctx)).key;
  return ok(Object.fromEntries(PROJECT_ROLES.map((role) => [role.name, roleUrl(ctx, key, role.id)])));
}

function projectRole(ctx: Ctx) {
  const idx = projectOf(ctx);
  const key = ctx.state.project(idx).key;
  const role = PROJECT_ROLES.find((candidate) => String(candidate.id) === ctx.params.id);
  if (!role) throw new JiraError(404, [`The project role with id '${ctx.params.id}' does not exist.`]);
  const actors = role.actorsIn(idx).map((actor, n) => {
    const id = role.id * 100 + n;
    if (actor.kind === 'group') {
      return {
        id,
        displayName: actor.name,
        type: 'atlassian-group-role-actor',
        name: actor.name,
        actorGroup: { name: actor.name, displayName: actor.name, groupId: `group-${actor.name}` },
      };
    }
    const person = ctx.state.people.get(actor.name);
    return {
      id,
      displayName: person?.displayName ?? actor.name,
      type: 'atlassian-user-role-actor',
      actorUser: { accountId: actor.name },
    };
  });
  return ok({
    self: roleUrl(ctx, key, role.id),
    name: role.name,
    id: role.id,
    description: role.description,
    actors,
  });
}

export const roleRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/role', handler: projectRoles },
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/role/{id}', handler: projectRole },
];
