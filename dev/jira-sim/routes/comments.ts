/** Issue comments: add one (ADF body) and list them, as Jira Cloud REST v3 does. */
import { type Ctx, JiraError, objectBody, ok, type Reply, type RouteDef } from '../http';
import type { SimComment } from '../state';
import { jiraDateTime } from '../time';
import type { SimIssue } from '../types';

/** Jira refuses comment bodies over 32,767 characters (its text field limit). */
const MAX_COMMENT_CHARS = 32_767;

function visibleIssue(ctx: Ctx): SimIssue {
  const issue = ctx.state.findIssue(ctx.params.issueIdOrKey ?? '');
  if (!issue || !ctx.access.canSee(issue)) {
    throw new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  return issue;
}

/** An ADF document: `{ type: 'doc', version: 1, content: [...] }` (Jira answers 400 for anything else). */
function isAdfDocument(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const doc = body as Record<string, unknown>;
  return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

function render(ctx: Ctx, issue: SimIssue, comment: SimComment) {
  const author = ctx.render.user(comment.author);
  return {
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    updateAuthor: author,
    body: comment.body,
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.created),
    jsdPublic: true,
  };
}

function addComment(ctx: Ctx): Reply {
  const issue = visibleIssue(ctx);
  if (!ctx.access.has('ADD_COMMENTS', issue.projectIdx, issue)) {
    // The spec documents no 403 here: Jira answers 400 for a comment the user may not add.
    throw new JiraError(400, ['You do not have the permission to comment on this issue.']);
  }
  const body = objectBody(ctx).body;
  if (!isAdfDocument(body)) {
    throw new JiraError(400, ['Comment body is not valid: expected an Atlassian Document Format document.']);
  }
  if (JSON.stringify(body).length > MAX_COMMENT_CHARS) {
    throw new JiraError(413, ['The comment is too long.']);
  }
  const comment: SimComment = {
    id: ctx.state.newCommentId(),
    author: ctx.user.accountId,
    body,
    created: ctx.now,
  };
  const byIssue = ctx.state.comments;
  byIssue.set(issue.id, [...(byIssue.get(issue.id) ?? []), comment]);
  ctx.state.touch();
  return { status: 201, body: render(ctx, issue, comment) };
}

function listComments(ctx: Ctx): Reply {
  const issue = visibleIssue(ctx);
  const all = ctx.state.comments.get(issue.id) ?? [];
  const startAt = Math.max(0, Number(ctx.query.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(100, Math.max(1, Number(ctx.query.get('maxResults') ?? 50) || 50));
  const page = all.slice(startAt, startAt + maxResults);
  return ok({
    startAt,
    maxResults,
    total: all.length,
    comments: page.map((comment) => render(ctx, issue, comment)),
  });
}

export const commentRoutes: RouteDef[] = [
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: listComments },
  { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: addComment },
];
