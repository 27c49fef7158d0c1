/** Issue search: `/search/jql` (token paging), `/search/approximate-count`, `/issue/bulkfetch`, `/jql/parse`. */
import {
  type Ctx,
  countOf,
  intParam,
  JiraError,
  listParam,
  objectBody,
  ok,
  type RouteDef,
  stringArray,
} from '../http';
import { compileJql, JqlSyntaxError, parseJql, queryStructure, type ValidationMode } from '../jql';
import { selectFields } from '../render';
import { decodePageToken, encodePageToken, searchIssues } from '../search';

export const SEARCH_REMOVED_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** Page caps: 100 issues when fields are requested, 5000 for id/key-only pages. */
export const MAX_PAGE_WITH_FIELDS = 100;
export const MAX_PAGE_ID_ONLY = 5000;
export const DEFAULT_PAGE = 50;
/** `reconcileIssues` accepts at most this many issue ids (Jira's OpenAPI spec). */
export const MAX_RECONCILE_ISSUES = 50;

function rejectUnknown(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k))
      throw new JiraError(400, [`Unrecognized field "${k}". Known fields: ${allowed.join(', ')}.`]);
  }
}

interface SearchParams {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number;
  fields: string[];
  expand: string[];
  properties: string[];
  reconcileIssues: number[];
}

/** Search as the (lagging) index sees it; `reconcile` names issues to read as they are now. */
function indexedSearch(ctx: Ctx, jql: string, reconcile: readonly number[]) {
  const lag = ctx.runtime.searchLag;
  const reconciled = new Set(reconcile);
  return searchIssues(jql, {
    state: ctx.state,
    access: ctx.access,
    now: ctx.now,
    cache: ctx.runtime.searchCache,
    requireBounded: true,
    ...(lag.active(ctx.now) ? { view: (issue) => lag.view(issue, ctx.now, reconciled) } : {}),
  });
}

/** `reconcileIssues`: issue ids (integers in a body, digits in a query), at most 50. */
function reconcileIds(values: readonly unknown[], fromQuery: boolean): number[] {
  const ids = values.map((v) => {
    const n = fromQuery && typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new JiraError(400, [`'reconcileIssues' must be a list of issue ids; '${String(v)}' is not one.`]);
    }
    return n;
  });
  if (ids.length > MAX_RECONCILE_ISSUES) {
    throw new JiraError(400, [
      `'reconcileIssues' accepts at most ${MAX_RECONCILE_ISSUES} issue ids; ${ids.length} were given.`,
    ]);
  }
  return ids;
}

function runSearch(ctx: Ctx, p: SearchParams) {
  const issues = indexedSearch(ctx, p.jql, p.reconcileIssues);
  const offset = p.nextPageToken ? decodePageToken(p.nextPageToken, p.jql) : 0;
  const selection = selectFields(p.fields, ctx.state.dataset.fields, 'none');
  const cap = selection.idOnly ? MAX_PAGE_ID_ONLY : MAX_PAGE_WITH_FIELDS;
  const size = Math.min(cap, Math.max(1, p.maxResults));
  const page = issues.slice(offset, offset + size);
  const isLast = offset + page.length >= issues.length;
  const expand = new Set(p.expand.map((e) => e.toLowerCase()));
  if (p.properties.length > 5)
    throw new JiraError(400, ['A maximum of 5 issue properties can be requested.']);
  const body: Record<string, unknown> = {
    issues: page.map((issue) => ctx.render.issue(issue, selection, { properties: p.properties })),
  };
  if (expand.has('names')) body.names = ctx.render.names(selection.ids);
  if (expand.has('schema')) body.schema = ctx.render.schema(selection.ids);
  if (!isLast) body.nextPageToken = encodePageToken(offset + page.length, p.jql);
  body.isLast = isLast;
  return ok(body);
}

function searchGet(ctx: Ctx) {
  return runSearch(ctx, {
    jql: ctx.query.get('jql') ?? '',
    nextPageToken: ctx.query.get('nextPageToken') ?? undefined,
    maxResults: intParam(ctx.query, 'maxResults', DEFAULT_PAGE),
    fields: ctx.query.getAll('fields'),
    expand: listParam(ctx.query, 'expand'),
    properties: listParam(ctx.query, 'properties'),
    reconcileIssues: reconcileIds(listParam(ctx.query, 'reconcileIssues'), true),
  });
}

function searchPost(ctx: Ctx) {
  const body = objectBody(ctx);
  rejectUnknown(body, [
    'jql',
    'nextPageToken',
    'maxResults',
    'fields',
    'expand',
    'properties',
    'fieldsByKeys',
    'reconcileIssues',
    'failFast',
  ]);
  const { jql, nextPageToken, maxResults, expand } = body;
  if (jql !== undefined && typeof jql !== 'string') throw new JiraError(400, ["'jql' must be a string."]);
  if (nextPageToken !== undefined && nextPageToken !== null && typeof nextPageToken !== 'string') {
    throw new JiraError(400, ["'nextPageToken' must be a string."]);
  }
  if (maxResults !== undefined && (typeof maxResults !== 'number' || !Number.isInteger(maxResults))) {
    throw new JiraError(400, ["'maxResults' must be an integer."]);
  }
  if (expand !== undefined && typeof expand !== 'string')
    throw new JiraError(400, ["'expand' must be a comma-separated string."]);
  const reconcile = body.reconcileIssues ?? [];
  if (!Array.isArray(reconcile))
    throw new JiraError(400, ["'reconcileIssues' must be an array of issue ids."]);
  return runSearch(ctx, {
    jql: jql ?? '',
    nextPageToken: nextPageToken ?? undefined,
    maxResults: maxResults ?? DEFAULT_PAGE,
    fields: stringArray(body, 'fields') ?? [],
    expand: (expand ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    properties: stringArray(body, 'properties') ?? [],
    reconcileIssues: reconcileIds(reconcile, false),
  });
}

function approximateCount(ctx: Ctx) {
  const body = objectBody(ctx);
  rejectUnknown(body, ['jql']);
  if (body.jql !== undefined && typeof body.jql !== 'string')
    throw new JiraError(400, ["'jql' must be a string."]);
  const issues = indexedSearch(ctx, body.jql ?? '', []);
  return ok({ count: issues.length });
}

const BULK_MAX = 100;
const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

function bulkFetch(ctx: Ctx) {
  const body = objectBody(ctx);
  rejectUnknown(body, ['issueIdsOrKeys', 'fields', 'fieldsByKeys', 'expand', 'properties']);
  const ids = stringArray(body, 'issueIdsOrKeys');
  if (!ids || ids.length === 0)
    throw new JiraError(400, ['issueIdsOrKeys must contain at least one issue ID or key.']);
  if (ids.length > BULK_MAX) {
    throw new JiraError(400, [`The number of issues (${ids.length}) exceeds the maximum of ${BULK_MAX}.`]);
  }
  const properties = stringArray(body, 'properties') ?? [];
  if (properties.length > 5) throw new JiraError(400, ['A maximum of 5 issue properties can be requested.']);
  const expand = new Set(
    (stringArray(body, 'expand') ?? []).flatMap((e) => e.split(',')).map((e) => e.trim().toLowerCase()),
  );
  const selection = selectFields(stringArray(body, 'fields') ?? [], ctx.state.dataset.fields, 'navigable');
  const issues: unknown[] = [];
  const issueErrors: { id: string; errorMessage: string }[] = [];
  const seen = new Set<number>();
  for (const ref of ids) {
    const issue = ctx.state.findIssue(ref);
    if (!issue || !ctx.access.canSee(issue)) {
      issueErrors.push({ id: ref, errorMessage: NOT_FOUND });
      continue;
    }
    if (seen.has(issue.id)) continue;
    seen.add(issue.id);
    issues.push(
      ctx.render.issue(issue, selection, {
        properties,
        names: expand.has('names'),
        schema: expand.has('schema'),
        alwaysFields: true,
      }),
    );
  }
  return ok({ issues, issueErrors });
}

function jqlParse(ctx: Ctx) {
  const validation = (ctx.query.get('validation') ?? 'strict').toLowerCase();
  if (validation !== 'strict' && validation !== 'warn' && validation !== 'none') {
    throw new JiraError(400, [
      `The value '${validation}' is not valid for 'validation'. Use strict, warn or none.`,
    ]);
  }
  const body = objectBody(ctx);
  rejectUnknown(body, ['queries']);
  const queries = body.queries;
  if (
    !Array.isArray(queries) ||
    queries.length === 0 ||
    !queries.every((q) => typeof q === 'string' && q.length > 0)
  ) {
    throw new JiraError(400, ["'queries' must be a non-empty list of non-empty JQL strings."]);
  }
  const results = (queries as string[]).map((query) => {
    let parsed: ReturnType<typeof parseJql>;
    try {
      parsed = parseJql(query);
    } catch (e) {
      if (e instanceof JqlSyntaxError) return { query, errors: [e.message] };
      throw e;
    }
    const compiled = compileJql(parsed, {
      state: ctx.state,
      access: ctx.access,
      now: ctx.now,
      validation: validation as ValidationMode,
    });
    const out: Record<string, unknown> = { query };
    const failed = compiled.errors.length > 0;
    if (!failed || validation !== 'strict') out.structure = queryStructure(parsed);
    if (failed) out.errors = compiled.errors;
    if (compiled.warnings.length > 0) out.warnings = compiled.warnings;
    return out;
  });
  return ok({ queries: results });
}

const removed = () => {
  throw new JiraError(410, [SEARCH_REMOVED_MESSAGE]);
};

export const searchRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/rest/api/3/search/jql',
    handler: searchGet,
    paged: true,
    objects: countOf('issues'),
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    handler: searchPost,
    paged: true,
    objects: countOf('issues'),
  },
  { method: 'GET', path: '/rest/api/3/search', handler: removed },
  { method: 'POST', path: '/rest/api/3/search', handler: removed },
  { method: 'POST', path: '/rest/api/3/search/approximate-count', handler: approximateCount },
  {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    handler: bulkFetch,
    paged: true,
    objects: countOf('issues'),
  },
  { method: 'POST', path: '/rest/api/3/jql/parse', handler: jqlParse },
];
