/** Single issues: GET/PUT issue, transitions, issue properties. */
import { applyEdit, MAX_PROPERTY_CHARS, MAX_PROPERTY_KEY, setProperty, transition } from '../edit';
import {
  type Ctx,
  JiraError,
  listParam,
  noContent,
  objectBody,
  ok,
  type Reply,
  type RouteDef,
} from '../http';
import { selectFields } from '../render';
import { SearchLag } from '../search-lag';
import type { SimIssue } from '../types';

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

function visibleIssue(ctx: Ctx): SimIssue {
  const ref = ctx.params.issueIdOrKey ?? '';
  const issue = ctx.state.findIssue(ref);
  if (!issue || !ctx.access.canSee(issue)) throw new JiraError(404, [NOT_FOUND]);
  return issue;
}

function requireEdit(ctx: Ctx, issue: SimIssue): void {
  if (!ctx.access.canEdit(issue.projectIdx)) {
    throw new JiraError(403, ['You do not have permission to edit issues in this project.']);
  }
}

function renderIssue(ctx: Ctx, issue: SimIssue): Reply {
  const selection = selectFields(ctx.query.getAll('fields'), ctx.state.dataset.fields, 'all');
  const expand = new Set(listParam(ctx.query, 'expand').map((e) => e.toLowerCase()));
  return ok(
    ctx.render.issue(issue, selection, {
      names: expand.has('names'),
      schema: expand.has('schema'),
      properties: listParam(ctx.query, 'properties'),
      alwaysFields: true,
    }),
  );
}

/** The search index sees a successful write only after the configured lag. */
function lagSearch(ctx: Ctx, before: SimIssue): void {
  ctx.runtime.searchLag.record(before, ctx.now, ctx.runtime.faults.current().searchLagMs);
}

function getIssue(ctx: Ctx) {
  return renderIssue(ctx, visibleIssue(ctx));
}

function editIssue(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  requireEdit(ctx, issue);
  const body = objectBody(ctx);
  const before = SearchLag.capture(issue);
  const { items } = applyEdit(ctx.state, ctx.access, issue, body);
  if (items.length > 0) {
    issue.updated = ctx.now;
    ctx.state.recordChange(issue.id, ctx.user.accountId, items, ctx.now);
    lagSearch(ctx, before);
  }
  ctx.state.touch();
  if (ctx.query.get('returnIssue') === 'true') return renderIssue(ctx, issue);
  return noContent();
}

/** Every status is reachable from every other (global transitions); transition ids are stable per status. */
function transitionId(statusIndex: number): string {
  return String((statusIndex + 1) * 10 + 1);
}

function getTransitions(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  if (!ctx.access.has('TRANSITION_ISSUES', issue.projectIdx)) return ok({ transitions: [] });
  const only = ctx.query.get('transitionId');
  const transitions = ctx.state.dataset.statuses
    .map((s, i) => ({ status: s, id: transitionId(i) }))
    .filter(({ status }) => status.id !== issue.statusId)
    .filter(({ id }) => only === null || only === id)
    .map(({ status, id }) => ({
      id,
      name: status.name,
      to: ctx.render.status(status.id),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
  return ok({ transitions });
}

function doTransition(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  if (!ctx.access.has('TRANSITION_ISSUES', issue.projectIdx)) {
    throw new JiraError(403, ['You do not have permission to transition this issue.']);
  }
  const body = objectBody(ctx);
  const t = body.transition as { id?: unknown } | undefined;
  if (!t || typeof t !== 'object' || (typeof t.id !== 'string' && typeof t.id !== 'number')) {
    throw new JiraError(400, ["Missing 'transition' identifier"]);
  }
  const id = String(t.id);
  const index = ctx.state.dataset.statuses.findIndex((_, i) => transitionId(i) === id);
  const target = ctx.state.dataset.statuses[index];
  if (!target || target.id === issue.statusId) {
    throw new JiraError(400, [`Transition id '${id}' is not valid for this issue.`]);
  }
  const before = SearchLag.capture(issue);
  const { items, resolutionId } = applyEdit(
    ctx.state,
    ctx.access,
    issue,
    { fields: body.fields, update: body.update, properties: body.properties },
    { allowResolution: true },
  );
  const statusItems = transition(ctx.state, issue, target.id, ctx.now, resolutionId);
  ctx.state.recordChange(issue.id, ctx.user.accountId, [...items, ...statusItems], ctx.now);
  lagSearch(ctx, before);
  return noContent();
}

function listProperties(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  const props = ctx.state.properties.get(issue.id);
  const keys = [...(props?.keys() ?? [])].sort().map((key) => ({
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
    key,
  }));
  return ok({ keys });
}

function propertyKey(ctx: Ctx): string {
  const key = ctx.params.propertyKey ?? '';
  if (key.length === 0 || key.length > MAX_PROPERTY_KEY) {
    throw new JiraError(400, [`The property key must be between 1 and ${MAX_PROPERTY_KEY} characters long.`]);
  }
  return key;
}

function getProperty(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  const key = propertyKey(ctx);
  const props = ctx.state.properties.get(issue.id);
  if (!props?.has(key)) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
  return ok({ key, value: props.get(key) });
}

function putProperty(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  const key = propertyKey(ctx);
  if (!ctx.access.canEdit(issue.projectIdx)) {
    throw new JiraError(403, ['You do not have permission to edit this issue.']);
  }
  if (ctx.body === undefined)
    throw new JiraError(400, ['The property value must be a valid, non-empty JSON value.']);
  const size = JSON.stringify(ctx.body).length;
  if (size > MAX_PROPERTY_CHARS) {
    throw new JiraError(400, [
      `The property value is too long: ${size} characters (the maximum is ${MAX_PROPERTY_CHARS}).`,
    ]);
  }
  const result = setProperty(ctx.state, issue.id, key, ctx.body);
  return { status: result === 'created' ? 201 : 200 };
}

function deleteProperty(ctx: Ctx) {
  const issue = visibleIssue(ctx);
  const key = propertyKey(ctx);
  if (!ctx.access.canEdit(issue.projectIdx)) {
    throw new JiraError(403, ['You do not have permission to edit this issue.']);
  }
  const props = ctx.state.properties.get(issue.id);
  if (!props?.has(key)) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
  props.delete(key);
  ctx.state.touch();
  return noContent();
}

/** One issue property, read, written and deleted at the same path. */
const ISSUE_PROPERTY = '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';

export const issueRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
  { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: getTransitions },
  { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: doTransition },
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/properties', handler: listProperties },
  { method: 'GET', path: ISSUE_PROPERTY, handler: getProperty },
  { method: 'PUT', path: ISSUE_PROPERTY, handler: putProperty },
  { method: 'DELETE', path: ISSUE_PROPERTY, handler: deleteProperty },
];
