/** Site metadata: myself, serverInfo, users, categories, issue types, statuses, priorities, link types, fields. */
import { UNDEFINED_STATUS_CATEGORY } from '../catalog';
import { type Ctx, intParam, JiraError, ok, type RouteDef } from '../http';
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
