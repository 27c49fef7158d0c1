/** `/mypermissions` and `/permissions/project`. */
import { PERMISSIONS } from '../access';
import { type Ctx, JiraError, listParam, objectBody, ok, type RouteDef, stringArray } from '../http';
import type { SimIssue } from '../types';

function myPermissions(ctx: Ctx) {
  const keys = listParam(ctx.query, 'permissions');
  if (keys.length === 0) {
    throw new JiraError(400, [
      'The permissions query parameter is required. Pass a comma-separated list of permission keys.',
    ]);
  }
  const unknown = keys.filter((k) => !PERMISSIONS[k]);
  if (unknown.length > 0) {
    throw new JiraError(
      400,
      unknown.map((k) => `Permission '${k}' does not exist.`),
    );
  }
  let projectIdx: number | undefined;
  let issue: SimIssue | undefined;
  const projectRef = ctx.query.get('projectId') || ctx.query.get('projectKey');
  if (projectRef) {
    projectIdx = ctx.state.findProject(projectRef);
    if (projectIdx === undefined || !ctx.access.canBrowse(projectIdx)) {
      throw new JiraError(404, [`No project could be found with key '${projectRef}'.`]);
    }
  }
  const issueRef = ctx.query.get('issueId') || ctx.query.get('issueKey');
  if (issueRef) {
    issue = ctx.state.findIssue(issueRef);
    if (!issue || !ctx.access.canSee(issue)) {
      throw new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);
    }
  }
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const info = PERMISSIONS[key];
    if (!info) continue;
    permissions[key] = {
      id: info.id,
      key: info.key,
      name: info.name,
      type: info.type,
      description: info.description,
      havePermission: ctx.access.has(key, projectIdx, issue),
    };
  }
  return ok({ permissions });
}

function permittedProjects(ctx: Ctx) {
  const body = objectBody(ctx);
  for (const k of Object.keys(body)) {
    if (k !== 'permissions')
      throw new JiraError(400, [`Unrecognized field "${k}". Known fields: permissions.`]);
  }
  const keys = stringArray(body, 'permissions');
  if (!keys || keys.length === 0) throw new JiraError(400, ['At least one permission key is required.']);
  for (const k of keys) {
    const info = PERMISSIONS[k];
    if (!info) throw new JiraError(400, [`Permission '${k}' does not exist.`]);
    if (info.type !== 'PROJECT') throw new JiraError(400, [`Permission '${k}' is not a project permission.`]);
  }
  const projects = ctx.access
    .browsableProjects()
    .filter((idx) => keys.every((k) => ctx.access.has(k, idx)))
    .map((idx) => {
      const p = ctx.state.project(idx);
      return { id: p.id, key: p.key };
    });
  return ok({ projects });
}

export const permissionRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'POST', path: '/rest/api/3/permissions/project', handler: permittedProjects },
];
