/** `/project/search` (paged like Jira's PageBean) and `/project/{projectIdOrKey}`. */
import { type Ctx, countOf, intParam, JiraError, listParam, ok, type RouteDef } from '../http';

/** `keys` takes at most this many project keys per request (Jira's OpenAPI spec); clients chunk. */
export const MAX_PROJECT_KEYS = 50;

function expandSet(ctx: Ctx): Set<string> {
  return new Set(listParam(ctx.query, 'expand').map((e) => e.toLowerCase()));
}

function searchProjects(ctx: Ctx) {
  const { state, access, query } = ctx;
  const startAt = Math.max(0, intParam(query, 'startAt', 0));
  const maxResults = Math.min(100, Math.max(1, intParam(query, 'maxResults', 50)));
  const action = (query.get('action') ?? 'view').toLowerCase();
  if (!['view', 'browse', 'edit', 'create'].includes(action)) {
    throw new JiraError(400, [
      `The action '${action}' is not valid. Valid actions are view, browse, edit and create.`,
    ]);
  }
  const keys = new Set(listParam(query, 'keys').map((k) => k.toUpperCase()));
  if (keys.size > MAX_PROJECT_KEYS) {
    throw new JiraError(400, [
      `The 'keys' parameter accepts up to ${MAX_PROJECT_KEYS} project keys; ${keys.size} were given.`,
    ]);
  }
  const ids = new Set(listParam(query, 'id'));
  const text = query.get('query')?.trim().toLowerCase() ?? '';
  const categoryId = query.get('categoryId');
  const typeKey = query.get('typeKey');
  const orderByRaw = query.get('orderBy') ?? 'key';
  const desc = orderByRaw.startsWith('-');
  const orderBy = orderByRaw.replace(/^[-+]/, '');
  if (!['key', 'name', 'category', 'owner', 'issueCount', 'lastIssueUpdatedDate'].includes(orderBy)) {
    throw new JiraError(400, [`The orderBy value '${orderByRaw}' is not valid.`]);
  }

  const matches: number[] = [];
  state.dataset.projects.forEach((p, idx) => {
    const allowed = action === 'edit' || action === 'create' ? access.canEdit(idx) : access.canBrowse(idx);
    if (!allowed) return;
    if (keys.size > 0 && !keys.has(p.key.toUpperCase())) return;
    if (ids.size > 0 && !ids.has(String(p.id))) return;
    if (text && !p.key.toLowerCase().includes(text) && !p.name.toLowerCase().includes(text)) return;
    if (categoryId !== null && categoryId !== '' && p.categoryId !== categoryId) return;
    if (typeKey && p.typeKey !== typeKey) return;
    matches.push(idx);
  });
  const sortKey = (idx: number): string | number => {
    const p = state.project(idx);
    switch (orderBy) {
      case 'name':
        return p.name.toLowerCase();
      case 'category':
        return state.dataset.categories.find((c) => c.id === p.categoryId)?.name.toLowerCase() ?? '\uffff';
      case 'owner':
        return state.people.get(p.leadAccountId)?.displayName.toLowerCase() ?? '';
      case 'issueCount':
        return state.issuesByProject[idx]?.length ?? 0;
      case 'lastIssueUpdatedDate':
        return Math.max(0, ...(state.issuesByProject[idx] ?? []).map((i) => i.updated));
      default:
        return p.key;
    }
  };
  matches.sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    const r = x < y ? -1 : x > y ? 1 : a - b;
    return desc ? -r : r;
  });

  const expand = expandSet(ctx);
  const page = matches.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matches.length;
  const self = new URL(`${ctx.base}/rest/api/3/project/search`);
  for (const [k, v] of query) if (k !== 'startAt' && k !== 'maxResults') self.searchParams.append(k, v);
  self.searchParams.set('startAt', String(startAt));
  self.searchParams.set('maxResults', String(maxResults));
  const body: Record<string, unknown> = {
    self: self.toString(),
    maxResults,
    startAt,
    total: matches.length,
    isLast,
    values: page.map((idx) => ctx.render.project(idx, expand)),
  };
  if (!isLast) {
    const next = new URL(self);
    next.searchParams.set('startAt', String(startAt + maxResults));
    body.nextPage = next.toString();
  }
  return ok(body);
}

function getProject(ctx: Ctx) {
  const ref = ctx.params.projectIdOrKey ?? '';
  const idx = ctx.state.findProject(ref);
  if (idx === undefined || !ctx.access.canBrowse(idx)) {
    throw new JiraError(404, [`No project could be found with key '${ref}'.`]);
  }
  return ok(ctx.render.project(idx, expandSet(ctx), true));
}

export const projectRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/rest/api/3/project/search',
    handler: searchProjects,
    paged: true,
    objects: countOf('values'),
  },
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
];
