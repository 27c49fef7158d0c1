/** Site metadata: myself, serverInfo, users, categories, issue types, statuses, priorities, link types, fields. */
import { UNDEFINED_STATUS_CATEGORY } from '../catalog';
import { type Ctx, countOf, intParam, JiraError, ok, type RouteDef } from '../http';
import { jiraDateTime } from '../time';

const BUILD_DATE = Date.UTC(2025, 11, 1, 4, 12, 33);

function myself(ctx: Ctx) {
  const user = ctx.render.user(ctx.user.accountId, { full: true });
  if (!user)
    throw new JiraError(404, ['Specified user does not exist or you do not have required permissions']);
  const expand = new Set((ctx.query.get('expand') ?? '').split(',').map((s) => s.trim()));
  const groups = ctx.user.groups ?? [groupOf(ctx.user.role)];
  return ok({
    ...user,
    groups: expand.has('groups')
      ? { size: groups.length, items: groups.map((name) => ({ name, groupId: null })) }
      : { size: groups.length, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  });
}

function groupOf(role: string): string {
  switch (role) {
    case 'admin':
      return 'site-admins';
    case 'app':
      return 'atlassian-addons-admin';
    default:
      return 'jira-software-users';
  }
}

function user(ctx: Ctx) {
  const accountId = ctx.query.get('accountId');
  if (!accountId) throw new JiraError(400, ['The accountId query parameter needs to be provided.']);
  const u = ctx.render.user(accountId, { full: true });
  if (!u) throw new JiraError(404, ['Specified user does not exist or you do not have required permissions']);
  return ok(u);
}

/** Jira's limit on account ids in one bulk request is not in the spec; real sites refuse long URLs. */
const MAX_BULK_ACCOUNT_IDS = 200;

/** `GET /user/bulk`: the named people, paged; ids nobody has are left out, as Jira does. */
function usersBulk(ctx: Ctx) {
  const accountIds = ctx.query.getAll('accountId').filter((id) => id.length > 0);
  if (accountIds.length === 0) throw new JiraError(400, ['At least one accountId is required.']);
  if (accountIds.length > MAX_BULK_ACCOUNT_IDS) {
    throw new JiraError(400, [`At most ${MAX_BULK_ACCOUNT_IDS} accountIds can be requested at once.`]);
  }
  const people = [...new Set(accountIds)].flatMap((id) => {
    const user = ctx.render.user(id);
    return user === null ? [] : [user];
  });
  return ok(pageOf(ctx, people, '/rest/api/3/user/bulk', 200));
}

/** Every group some simulator user belongs to. */
function siteGroups(ctx: Ctx): string[] {
  const names = new Set<string>(['site-admins', 'atlassian-addons-admin', 'jira-software-users']);
  for (const user of ctx.runtime.users)
    for (const group of user.groups ?? [groupOf(user.role)]) names.add(group);
  return [...names].sort();
}

/** A stable id per group name, shaped like Jira's group ids. */
function groupIdOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

/** `GET /group/bulk`: groups by name (exact, case-insensitive); needs "Browse users and groups". */
function groupsBulk(ctx: Ctx) {
  if (!ctx.access.has('USER_PICKER')) {
    throw new JiraError(403, ['You do not have the permission to browse users and groups.']);
  }
  const wanted = new Set(ctx.query.getAll('groupName').map((name) => name.toLowerCase()));
  const groups = siteGroups(ctx)
    .filter((name) => wanted.size === 0 || wanted.has(name.toLowerCase()))
    .map((name) => ({ groupId: groupIdOf(name), name }));
  return ok(pageOf(ctx, groups, '/rest/api/3/group/bulk'));
}

function serverInfo(ctx: Ctx) {
  return ok({
    baseUrl: ctx.base,
    displayUrl: ctx.base,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100290,
    buildDate: jiraDateTime(BUILD_DATE),
    serverTime: jiraDateTime(ctx.now),
    scmInfo: '5c58c6a4e1b7d2a5f35d8de2cfbd1f8d5b6e2a41',
    serverTitle: 'PMO Portfolio Jira simulator',
    serverTimeZone: 'Etc/UTC',
  });
}

function pageOf<T>(ctx: Ctx, items: T[], path: string, max = 50) {
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  const maxResults = Math.min(max, Math.max(1, intParam(ctx.query, 'maxResults', 50)));
  const values = items.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= items.length;
  const page: Record<string, unknown> = {
    self: `${ctx.base}${path}?startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: items.length,
    isLast,
    values,
  };
  if (!isLast) page.nextPage = `${ctx.base}${path}?startAt=${startAt + maxResults}&maxResults=${maxResults}`;
  return page;
}

export const metaRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/myself', handler: myself },
  { method: 'GET', path: '/rest/api/3/user', handler: user },
  { method: 'GET', path: '/rest/api/3/user/bulk', handler: usersBulk, objects: countOf('values') },
  { method: 'GET', path: '/rest/api/3/group/bulk', handler: groupsBulk },
  { method: 'GET', path: '/rest/api/3/serverInfo', handler: serverInfo, anonymous: true },
  {
    method: 'GET',
    path: '/rest/api/3/projectCategory',
    handler: (ctx) => ok(ctx.state.dataset.categories.map((c) => ctx.render.category(c.id))),
  },
  {
    method: 'GET',
    path: '/rest/api/3/projectCategory/{id}',
    handler: (ctx) => {
      const c = ctx.render.category(ctx.params.id ?? '');
      if (!c) throw new JiraError(404, [`The project category with ID ${ctx.params.id} does not exist.`]);
      return ok(c);
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/issuetype',
    handler: (ctx) =>
      ok(
        ctx.access.browsableProjects().length === 0
          ? []
          : ctx.state.dataset.issueTypes.map((t) => ctx.render.issueType(t.id)),
      ),
  },
  {
    method: 'GET',
    path: '/rest/api/3/status',
    handler: (ctx) => ok(ctx.state.dataset.statuses.map((s) => ctx.render.status(s.id))),
  },
  {
    method: 'GET',
    path: '/rest/api/3/statuscategory',
    handler: (ctx) =>
      ok([
        {
          self: `${ctx.base}/rest/api/3/statuscategory/${UNDEFINED_STATUS_CATEGORY.id}`,
          id: UNDEFINED_STATUS_CATEGORY.id,
          key: UNDEFINED_STATUS_CATEGORY.key,
          colorName: UNDEFINED_STATUS_CATEGORY.colorName,
          name: UNDEFINED_STATUS_CATEGORY.name,
        },
        ...ctx.state.dataset.statusCategories.map((c) => ctx.render.statusCategory(c.key)),
      ]),
  },
  {
    method: 'GET',
    path: '/rest/api/3/priority',
    handler: (ctx) => ok(ctx.state.dataset.priorities.map((p) => ctx.render.priority(p.id, true))),
  },
  {
    method: 'GET',
    path: '/rest/api/3/priority/search',
    handler: (ctx) =>
      ok(
        pageOf(
          ctx,
          ctx.state.dataset.priorities.map((p) => ctx.render.priority(p.id, true)),
          '/rest/api/3/priority/search',
        ),
      ),
  },
  {
    method: 'GET',
    path: '/rest/api/3/resolution',
    handler: (ctx) => ok(ctx.state.dataset.resolutions.map((r) => ctx.render.resolution(r.id))),
  },
  {
    method: 'GET',
    path: '/rest/api/3/issueLinkType',
    handler: (ctx) =>
      ok({ issueLinkTypes: ctx.state.dataset.linkTypes.map((t) => ctx.render.linkType(t.id)) }),
  },
  {
    method: 'GET',
    path: '/rest/api/3/issueLinkType/{issueLinkTypeId}',
    handler: (ctx) => {
      const id = ctx.params.issueLinkTypeId ?? '';
      if (!ctx.state.linkTypes.has(id))
        throw new JiraError(404, [`No issue link type with id '${id}' found.`]);
      return ok(ctx.render.linkType(id));
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/field',
    handler: (ctx) => ok(ctx.state.dataset.fields.map((f) => ctx.render.field(f))),
  },
];
