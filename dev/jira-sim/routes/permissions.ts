/** `/mypermissions`, `/permissions/project` and `/permissions/check`. */
import { Access, PERMISSIONS } from '../access';
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

const MAX_CHECKED = 1000;

function idList(entry: Record<string, unknown>, name: string, index: number): number[] {
  const value = entry[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
    throw new JiraError(400, [`'projectPermissions[${index}].${name}' must be an array of ids.`]);
  }
  return value as number[];
}

/**
 * `POST /permissions/check`: which of the global and project permissions a user has, and in which of
 * the named projects and issues. Checking someone else (`accountId`) needs Administer Jira, except
 * for the app itself (Jira lets apps check any user from the server).
 */
function checkPermissions(ctx: Ctx) {
  const body = objectBody(ctx);
  for (const k of Object.keys(body)) {
    if (!['accountId', 'globalPermissions', 'projectPermissions'].includes(k)) {
      throw new JiraError(400, [
        `Unrecognized field "${k}". Known fields: accountId, globalPermissions, projectPermissions.`,
      ]);
    }
  }
  let access = ctx.access;
  const accountId = body.accountId;
  if (accountId !== undefined && accountId !== null) {
    if (typeof accountId !== 'string') throw new JiraError(400, ["'accountId' must be a string."]);
    if (accountId !== ctx.user.accountId) {
      if (!ctx.access.isSiteAdmin && ctx.user.role !== 'app') {
        throw new JiraError(403, [
          'You need the Administer Jira permission to check the permissions of other users.',
        ]);
      }
      const target = ctx.runtime.users.find((user) => user.accountId === accountId);
      if (!target) throw new JiraError(400, [`No user with account id ${accountId}.`]);
      access = new Access(target, ctx.state);
    }
  }
  const globals = stringArray(body, 'globalPermissions') ?? [];
  for (const k of globals) {
    if (PERMISSIONS[k]?.type !== 'GLOBAL')
      throw new JiraError(400, [`Global permission '${k}' does not exist.`]);
  }
  const entries = body.projectPermissions ?? [];
  if (!Array.isArray(entries)) throw new JiraError(400, ["'projectPermissions' must be an array."]);
  const projectPermissions: { permission: string; projects: number[]; issues: number[] }[] = [];
  entries.forEach((raw: unknown, index) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new JiraError(400, [`'projectPermissions[${index}]' must be an object.`]);
    }
    const entry = raw as Record<string, unknown>;
    const keys = stringArray(entry, 'permissions');
    if (!keys) throw new JiraError(400, [`'projectPermissions[${index}].permissions' is required.`]);
    const projects = idList(entry, 'projects', index);
    const issues = idList(entry, 'issues', index);
    if (projects.length > MAX_CHECKED || issues.length > MAX_CHECKED) {
      throw new JiraError(400, [`At most ${MAX_CHECKED} projects and ${MAX_CHECKED} issues can be checked.`]);
    }
    for (const key of keys.filter((k) => k !== '')) {
      if (PERMISSIONS[key]?.type !== 'PROJECT') {
        throw new JiraError(400, [`Project permission '${key}' does not exist.`]);
      }
      // Unknown project and issue ids are ignored, as Jira does.
      const grantedProjects = projects.filter((id) => {
        const idx = ctx.state.projectById.get(id);
        return idx !== undefined && access.has(key, idx);
      });
      const grantedIssues = issues.filter((id) => {
        const issue = ctx.state.issueById.get(id);
        return issue !== undefined && access.has(key, issue.projectIdx, issue);
      });
      projectPermissions.push({
        permission: key,
        projects: [...new Set(grantedProjects)],
        issues: [...new Set(grantedIssues)],
      });
    }
  });
  return ok({
    globalPermissions: [...new Set(globals.filter((k) => access.has(k)))],
    projectPermissions,
  });
}

export const permissionRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'POST', path: '/rest/api/3/permissions/project', handler: permittedProjects },
  { method: 'POST', path: '/rest/api/3/permissions/check', handler: checkPermissions },
];
