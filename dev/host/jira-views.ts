import { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/client';
import { basicAuthorization, createHttpTransport, ReadOnlyViolation } from '../../src/jira/http-client';
import { type JiraTransport, segment } from '../../src/jira/transport';
import type { JiraCredentials } from '../local/local-app';

/**
 * What the host's own Jira-like pages show, read from Jira as the acting user (so a user never sees
 * an issue or project on a host page that Jira would not show them). Values are parsed here and
 * escaped by the page templates.
 */

const Named = z.object({ name: z.string() });
const PersonField = z.object({ displayName: z.string(), accountId: z.string().optional() }).nullish();

const IssueViewFields = z.object({
  summary: z.string(),
  status: z.object({
    id: z.string(),
    name: z.string(),
    statusCategory: z.object({ key: z.string() }).optional(),
  }),
  issuetype: z.object({ id: z.string(), name: z.string() }),
  project: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
  }),
  priority: Named.nullish(),
  assignee: PersonField,
  reporter: PersonField,
  duedate: z.string().nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
  labels: z.array(z.string()).nullish(),
});

export const ISSUE_VIEW_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'project',
  'priority',
  'assignee',
  'reporter',
  'duedate',
  'created',
  'updated',
  'labels',
] as const;

export interface IssueView {
  id: string;
  key: string;
  summary: string;
  status: { id: string; name: string; category: string };
  issueType: { id: string; name: string };
  project: { id: string; key: string; name: string; type: string };
  priority: string | null;
  assignee: string | null;
  reporter: string | null;
  dueDate: string | null;
  created: string | null;
  updated: string | null;
  labels: string[];
}

export interface TransitionOption {
  id: string;
  name: string;
  to: { id: string; name: string; category: string };
}

const TransitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      to: z.object({
        id: z.string(),
        name: z.string(),
        statusCategory: z.object({ key: z.string() }).optional(),
      }),
    }),
  ),
});

/** The issue as `jira` (a user's client) sees it; undefined when Jira says it does not exist for them. */
export async function readIssueView(jira: JiraClient, issueKey: string): Promise<IssueView | undefined> {
  let issue: Awaited<ReturnType<JiraClient['getIssue']>>;
  try {
    issue = await jira.getIssue(issueKey, ISSUE_VIEW_FIELDS);
  } catch (error) {
    if (error instanceof JiraError && (error.status === 404 || error.status === 403)) return undefined;
    throw error;
  }
  const fields = IssueViewFields.safeParse(issue.fields);
  if (!fields.success) {
    throw new AppError('UPSTREAM_ERROR', `Jira returned ${issueKey} without the fields the issue view shows`);
  }
  const f = fields.data;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary,
    status: {
      id: f.status.id,
      name: f.status.name,
      category: f.status.statusCategory?.key ?? 'indeterminate',
    },
    issueType: { id: f.issuetype.id, name: f.issuetype.name },
    project: {
      id: f.project.id,
      key: f.project.key,
      name: f.project.name,
      type: f.project.projectTypeKey ?? 'software',
    },
    priority: f.priority?.name ?? null,
    assignee: f.assignee?.displayName ?? null,
    reporter: f.reporter?.displayName ?? null,
    dueDate: f.duedate ?? null,
    created: f.created ?? null,
    updated: f.updated ?? null,
    labels: f.labels ?? [],
  };
}

export interface ProjectIssueRow {
  key: string;
  summary: string;
  type: string;
  status: string;
  statusCategory: string;
  assignee: string | null;
}

const ProjectRowFields = z.object({
  summary: z.string(),
  issuetype: Named,
  status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).optional() }),
  assignee: PersonField,
});

/** The first issues of a project, as the user may browse them. */
export async function readProjectIssues(
  jira: JiraClient,
  projectKey: string,
  limit = 50,
): Promise<ProjectIssueRow[]> {
  const page = await jira.searchPage({
    jql: `project = "${projectKey.replace(/["\\]/g, '')}" ORDER BY key ASC`,
    fields: ['summary', 'issuetype', 'status', 'assignee'],
    maxResults: limit,
  });
  return page.issues.flatMap((issue) => {
    const fields = ProjectRowFields.safeParse(issue.fields);
    if (!fields.success) return [];
    return [
      {
        key: issue.key,
        summary: fields.data.summary,
        type: fields.data.issuetype.name,
        status: fields.data.status.name,
        statusCategory: fields.data.status.statusCategory?.key ?? 'indeterminate',
        assignee: fields.data.assignee?.displayName ?? null,
      },
    ];
  });
}

/**
 * Jira calls the host makes as a user that JiraClient has no method for (the app itself never
 * transitions issues): the transitions an issue offers and performing one.
 */
export class UserJira {
  private readonly transport: JiraTransport;

  constructor(baseUrl: string, credentials: JiraCredentials, readOnly: boolean) {
    this.transport = createHttpTransport({
      baseUrl,
      authorization: basicAuthorization(credentials.email, credentials.apiToken),
      readOnly,
    });
  }

  async transitions(issueKey: string): Promise<TransitionOption[]> {
    const response = await this.transport.send({
      method: 'GET',
      path: `/rest/api/3/issue/${segment(issueKey)}/transitions`,
    });
    if (response.status !== 200)
      throw new AppError('UPSTREAM_ERROR', `Jira answered ${response.status} for transitions`);
    const parsed = TransitionsSchema.safeParse(safeJson(response.text));
    if (!parsed.success) throw new AppError('UPSTREAM_ERROR', 'Jira sent transitions of an unexpected shape');
    return parsed.data.transitions.map((t) => ({
      id: t.id,
      name: t.name,
      to: { id: t.to.id, name: t.to.name, category: t.to.statusCategory?.key ?? 'indeterminate' },
    }));
  }

  /** Performs a transition; answers Jira's error text when Jira refuses it. */
  async transition(
    issueKey: string,
    transitionId: string,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    try {
      const response = await this.transport.send({
        method: 'POST',
        path: `/rest/api/3/issue/${segment(issueKey)}/transitions`,
        body: { transition: { id: transitionId } },
      });
      if (response.status >= 200 && response.status < 300) return { ok: true };
      return { ok: false, message: jiraErrorText(response.status, response.text) };
    } catch (error) {
      if (error instanceof ReadOnlyViolation) {
        return { ok: false, message: 'This Jira connection is read-only: transitions are disabled.' };
      }
      throw error;
    }
  }
}

const JiraErrorBody = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

function jiraErrorText(status: number, text: string): string {
  const body = JiraErrorBody.safeParse(safeJson(text));
  if (body.success) {
    const messages = [...(body.data.errorMessages ?? []), ...Object.values(body.data.errors ?? {})];
    if (messages.length > 0) return messages.join(' ');
  }
  return `Jira answered ${status}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
