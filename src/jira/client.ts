import type { z } from 'zod';
import { AppError, type ErrorCode } from '../domain/errors';
import type { IssueChange } from '../domain/history/issue-change';
import type { LinkType } from '../domain/model';
import { toIssueChanges } from './changelog-mapper';
import { parseRateLimitHeaders, QUOTA_WINDOW_MS, type QuotaReading } from './quota';
import {
  defaultRetryPolicy,
  type RetryEnvironment,
  type RetryPolicy,
  realRetryEnvironment,
  sendWithRetry,
} from './retry';
import {
  ApproximateCountSchema,
  BulkChangelogSchema,
  BulkFetchSchema,
  BulkPermissionGrantsSchema,
  CreatedCommentSchema,
  FieldsSchema,
  GroupPageSchema,
  IssueLinkTypesSchema,
  IssuePropertySchema,
  IssueTypesSchema,
  JiraErrorBodySchema,
  type JiraField,
  type JiraIssue,
  JiraIssueSchema,
  type JiraIssueType,
  type JiraProject,
  type JiraProjectCategory,
  type JiraProjectRole,
  type JiraStatus,
  JiraStatusesSchema,
  type JiraTransition,
  JiraUserSchema,
  MyPermissionsSchema,
  MyselfWithGroupsSchema,
  ParsedJqlSchema,
  PermittedProjectsSchema,
  ProjectCategoriesSchema,
  ProjectPageSchema,
  ProjectRoleSchema,
  ProjectRolesSchema,
  type SearchPage,
  SearchPageSchema,
  ServerInfoSchema,
  TransitionsSchema,
  UserPageSchema,
} from './schemas';
import { type JiraRequest, type JiraResponse, type JiraTransport, segment } from './transport';

export type { QuotaReading } from './quota';

/** A minimal Atlassian Document Format document: paragraphs of plain text (never markup). */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: {
    type: 'paragraph';
    content: { type: 'text'; text: string; marks?: { type: 'strong' }[] }[];
  }[];
}

/** `/project/search` takes at most this many `keys` per request: longer lists are sent in chunks. */
export const MAX_PROJECT_KEYS = 50;
/**
 * Account ids per `/user/bulk` request. The spec states no limit; ids are up to 128 characters and
 * sites refuse URLs much beyond 8 KB, so 50 keeps every request under it.
 */
export const MAX_BULK_ACCOUNT_IDS = 50;
/** `reconcileIssues` takes at most this many issue ids per search request. */
export const MAX_RECONCILE_ISSUES = 50;
/** `/permissions/check` takes at most 1,000 project ids a request. */
const MAX_PERMISSION_CHECK_IDS = 1000;

/** The body of `POST /issue/{key}/notify` the app sends: to named users only. */
export interface IssueNotification {
  subject: string;
  textBody: string;
  htmlBody: string;
  to: { users: { accountId: string }[] };
}
/** Changelog entries per bulk changelog page: Jira's maximum, so 1,000 issues mostly take one request. */
const CHANGELOG_PAGE_SIZE = 10_000;

/**
 * Counts what the app spends at Jira: HTTP requests (retries included), quota points, and the quota
 * as Jira last reported it. Benchmarks, reports and refresh runs print and pace by it.
 */
export class RequestMeter {
  requests = 0;
  retries = 0;
  /**
   * Quota points spent, counted like Jira: 1 per answered request (a 429 refusal costs nothing) plus
   * 1 per issue, project or user in the parsed answer.
   */
  points = 0;
  /** The latest quota reading from Jira's headers; null until an answer carried them. */
  quota: QuotaReading | null = null;
  /** The first reading of the current quota window: what remained when this meter began spending it. */
  quotaBaseline: QuotaReading | null = null;

  /** Charges an answer's own point and takes its quota headers. Malformed headers are ignored. */
  observe(response: JiraResponse, nowMs: number): void {
    if (response.status !== 429) this.points += 1;
    const reading = parseRateLimitHeaders((name) => response.header(name), nowMs);
    if (reading === null) return;
    const sameWindow =
      this.quota !== null && Math.abs(reading.resetAt - this.quota.resetAt) < QUOTA_WINDOW_MS / 2;
    // Jira drops the policy header once the quota is spent: keep the limit it told us this window.
    const limit = reading.limit ?? (sameWindow ? (this.quota?.limit ?? null) : null);
    this.quota = { ...reading, limit };
    if (this.quotaBaseline === null || !sameWindow) this.quotaBaseline = this.quota;
  }

  /** Charges the objects (issues, projects, users) an answer returned. */
  chargeObjects(count: number): void {
    this.points += count;
  }
}

export interface JiraClientOptions {
  retry?: Partial<RetryPolicy>;
  env?: RetryEnvironment;
  meter?: RequestMeter;
}

/** A Jira failure the app reports as a typed error; `status` is Jira's HTTP status (0: network). */
export class JiraError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    readonly path: string,
    extraDetails: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, { status, path, ...extraDetails }, options);
    this.name = 'JiraError';
  }
}

/**
 * Jira's points quota for the site is spent until `retryAt` (epoch ms), later than this call could
 * wait: a refresh run stops here and continues in the next window instead of failing.
 */
export class QuotaExhaustedError extends JiraError {
  constructor(
    path: string,
    readonly retryAt: number,
    readonly quota: QuotaReading | null,
  ) {
    super(
      'RATE_LIMITED',
      `Jira's hourly points quota for this site is spent; it resets at ${new Date(retryAt).toISOString()}`,
      429,
      path,
      { retryAt },
    );
    this.name = 'QuotaExhaustedError';
  }
}

export interface SearchOptions {
  jql: string;
  fields: readonly string[];
  maxResults?: number;
  nextPageToken?: string;
  properties?: readonly string[];
  /**
   * Issue ids to read as they are now, not as the (eventually consistent) search index has them:
   * pass the issues the app just wrote or was told changed. At most MAX_RECONCILE_ISSUES; send the
   * same list with every page of one search.
   */
  reconcileIssues?: readonly number[];
}

/**
 * The Jira port: typed, zod-parsed calls to the REST v3 endpoints the app uses, over any transport.
 * Retries (429 Retry-After, 5xx backoff, malformed bodies) happen here once for every adapter.
 */
export class JiraClient {
  private readonly policy: RetryPolicy;
  private readonly env: RetryEnvironment;
  readonly meter: RequestMeter;

  constructor(
    private readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.env = options.env ?? realRetryEnvironment;
    this.meter = options.meter ?? new RequestMeter();
  }

  /** The same client, with retries given up `ms` from now: for invocations under a hard time limit. */
  withDeadline(ms: number): JiraClient {
    return new JiraClient(this.transport, {
      retry: { ...this.policy, deadline: this.env.now() + ms },
      env: this.env,
      meter: this.meter,
    });
  }

  myself() {
    return this.call({ method: 'GET', path: '/rest/api/3/myself' }, JiraUserSchema);
  }

  /** The site's base URL and default time zone. */
  serverInfo() {
    return this.call({ method: 'GET', path: '/rest/api/3/serverInfo' }, ServerInfoSchema);
  }

  /** Names of the groups this principal belongs to (`/myself?expand=groups`). */
  async myGroups(): Promise<string[]> {
    const result = await this.call(
      { method: 'GET', path: '/rest/api/3/myself', query: { expand: 'groups' } },
      MyselfWithGroupsSchema,
    );
    return (result.groups?.items ?? []).map((group) => group.name);
  }

  /**
   * A project role of one project with its actors, found by the role's name (any case); undefined
   * when the site has no such role. Jira answers this to project and Jira administrators (and the app).
   */
  async projectRoleByName(projectKey: string, roleName: string): Promise<JiraProjectRole | undefined> {
    const roles = await this.call(
      { method: 'GET', path: `/rest/api/3/project/${segment(projectKey)}/role` },
      ProjectRolesSchema,
    );
    const wanted = roleName.toLowerCase();
    const url = Object.entries(roles).find(([name]) => name.toLowerCase() === wanted)?.[1];
    const id = url?.split('/').at(-1);
    if (!id) return undefined;
    return this.call(
      { method: 'GET', path: `/rest/api/3/project/${segment(projectKey)}/role/${segment(id)}` },
      ProjectRoleSchema,
    );
  }

  /**
   * Display names of people by account id (`/user/bulk`), asked in batches of
   * {@link MAX_BULK_ACCOUNT_IDS}; ids Jira does not answer for (deleted, or hidden) are left out.
   */
  async userNames(accountIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const user of await this.usersBulk(accountIds)) {
      if (user.displayName) names.set(user.accountId, user.displayName);
    }
    return names;
  }

  /**
   * Which of `accountIds` are active accounts (`/user/bulk`): a person who left the organisation is
   * deactivated or deleted, and then inactive or missing here.
   */
  async activeAccountIds(accountIds: readonly string[]): Promise<Set<string>> {
    const users = await this.usersBulk(accountIds);
    return new Set(users.filter((user) => user.active !== false).map((user) => user.accountId));
  }

  private async usersBulk(accountIds: readonly string[]): Promise<z.infer<typeof JiraUserSchema>[]> {
    const users: z.infer<typeof JiraUserSchema>[] = [];
    const unique = [...new Set(accountIds)];
    for (let start = 0; start < unique.length; start += MAX_BULK_ACCOUNT_IDS) {
      const batch = unique.slice(start, start + MAX_BULK_ACCOUNT_IDS);
      for (let startAt = 0; ; ) {
        const page = await this.call(
          {
            method: 'GET',
            path: '/rest/api/3/user/bulk',
            query: { accountId: batch, startAt, maxResults: MAX_BULK_ACCOUNT_IDS },
          },
          UserPageSchema,
          (result) => result.values.length,
        );
        users.push(...page.values);
        startAt += page.values.length;
        if (page.isLast !== false || page.values.length === 0) break;
      }
    }
    return users;
  }

  /** Which of `names` are groups of the site (`/group/bulk`, case-insensitive), as Jira spells them. */
  async existingGroups(names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const page = await this.call(
      {
        method: 'GET',
        path: '/rest/api/3/group/bulk',
        query: { groupName: [...new Set(names)], maxResults: 50 },
      },
      GroupPageSchema,
    );
    return page.values.map((group) => group.name);
  }

  /** The issue types this principal can see. */
  issueTypes(): Promise<JiraIssueType[]> {
    return this.call({ method: 'GET', path: '/rest/api/3/issuetype' }, IssueTypesSchema);
  }

  /** Every project category of the site. */
  projectCategories(): Promise<JiraProjectCategory[]> {
    return this.call({ method: 'GET', path: '/rest/api/3/projectCategory' }, ProjectCategoriesSchema);
  }

  /**
   * Every project this principal can browse (follows Jira's project pages). A `keys` filter longer
   * than Jira's 50 is sent in chunks; the answer is then ordered by key like Jira's own.
   */
  async searchProjects(
    filter: { keys?: readonly string[]; categoryId?: string } = {},
  ): Promise<JiraProject[]> {
    const keys = filter.keys === undefined ? undefined : [...new Set(filter.keys)];
    if (keys === undefined || keys.length <= MAX_PROJECT_KEYS) {
      return this.projectPages({ keys, categoryId: filter.categoryId });
    }
    const found = new Map<string, JiraProject>();
    for (let start = 0; start < keys.length; start += MAX_PROJECT_KEYS) {
      const chunk = keys.slice(start, start + MAX_PROJECT_KEYS);
      for (const project of await this.projectPages({ keys: chunk, categoryId: filter.categoryId })) {
        found.set(project.id, project);
      }
    }
    return [...found.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async projectPages(filter: {
    keys?: readonly string[];
    categoryId?: string;
  }): Promise<JiraProject[]> {
    const projects: JiraProject[] = [];
    let startAt = 0;
    for (;;) {
      const page = await this.call(
        {
          method: 'GET',
          path: '/rest/api/3/project/search',
          query: {
            startAt,
            maxResults: 100,
            keys: filter.keys,
            categoryId: filter.categoryId,
            expand: 'lead',
          },
        },
        ProjectPageSchema,
        (result) => result.values.length,
      );
      projects.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return projects;
    }
  }

  /** One page of `/search/jql`; follow `nextPageToken` until `isLast`. */
  searchPage(options: SearchOptions): Promise<SearchPage> {
    const reconcile = options.reconcileIssues ?? [];
    if (reconcile.length > MAX_RECONCILE_ISSUES) {
      return Promise.reject(
        new AppError(
          'BAD_REQUEST',
          `Jira reconciles at most ${MAX_RECONCILE_ISSUES} issues per search; ${reconcile.length} were given`,
        ),
      );
    }
    return this.call(
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: {
          jql: options.jql,
          fields: options.fields,
          maxResults: options.maxResults ?? 100,
          ...(options.nextPageToken ? { nextPageToken: options.nextPageToken } : {}),
          ...(options.properties ? { properties: options.properties } : {}),
          ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
        },
      },
      SearchPageSchema,
      (page) => page.issues.length,
    );
  }

  /** Every issue matching the JQL, page by page. Issues repeated across pages are yielded once. */
  async *searchAll(options: Omit<SearchOptions, 'nextPageToken'>): AsyncGenerator<JiraIssue[]> {
    const seen = new Set<string>();
    let nextPageToken: string | undefined;
    for (;;) {
      const page = await this.searchPage({ ...options, nextPageToken });
      const fresh = page.issues.filter((issue) => !seen.has(issue.id));
      for (const issue of fresh) seen.add(issue.id);
      if (fresh.length > 0) yield fresh;
      if (page.isLast !== false || !page.nextPageToken) return;
      nextPageToken = page.nextPageToken;
    }
  }

  async approximateCount(jql: string): Promise<number> {
    const result = await this.call(
      { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } },
      ApproximateCountSchema,
    );
    return result.count;
  }

  async bulkFetch(issueIdsOrKeys: readonly string[], fields: readonly string[]): Promise<JiraIssue[]> {
    const result = await this.call(
      { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys, fields } },
      BulkFetchSchema,
      (bulk) => bulk.issues.length,
    );
    return result.issues;
  }

  /**
   * One page of the changelogs of up to 1,000 issues, filtered to `fieldIds` (at most 10), oldest
   * change first; each issue returned costs a point. Changes of fields other than those the domain
   * reads (status, resolution, due date, links) are dropped.
   */
  async bulkFetchChangelogs(
    issueIdsOrKeys: readonly string[],
    fieldIds: readonly string[],
    pageToken?: string,
  ): Promise<{ changes: IssueChange[]; issues: number; nextPageToken: string | null }> {
    const page = await this.call(
      {
        method: 'POST',
        path: '/rest/api/3/changelog/bulkfetch',
        body: {
          issueIdsOrKeys,
          fieldIds,
          maxResults: CHANGELOG_PAGE_SIZE,
          ...(pageToken ? { nextPageToken: pageToken } : {}),
        },
      },
      BulkChangelogSchema,
      (body) => body.issueChangeLogs.length,
    );
    return {
      changes: toIssueChanges(page),
      issues: page.issueChangeLogs.length,
      nextPageToken: page.nextPageToken ?? null,
    };
  }

  getIssue(issueKey: string, fields: readonly string[]) {
    return this.call(
      { method: 'GET', path: `/rest/api/3/issue/${segment(issueKey)}`, query: { fields: fields.join(',') } },
      JiraIssueSchema,
    );
  }

  async linkTypes(): Promise<LinkType[]> {
    const result = await this.call(
      { method: 'GET', path: '/rest/api/3/issueLinkType' },
      IssueLinkTypesSchema,
    );
    return result.issueLinkTypes;
  }

  /** Every workflow status of the site (the validator maps a transition's target status id to it). */
  statuses(): Promise<JiraStatus[]> {
    return this.call({ method: 'GET', path: '/rest/api/3/status' }, JiraStatusesSchema);
  }

  fields(): Promise<JiraField[]> {
    return this.call({ method: 'GET', path: '/rest/api/3/field' }, FieldsSchema);
  }

  /** Which of `permissions` this principal has, globally or for one project or issue. */
  async myPermissions(
    permissions: readonly string[],
    scope: { projectKey?: string; issueKey?: string } = {},
  ): Promise<Record<string, boolean>> {
    const result = await this.call(
      {
        method: 'GET',
        path: '/rest/api/3/mypermissions',
        query: { permissions: permissions.join(','), projectKey: scope.projectKey, issueKey: scope.issueKey },
      },
      MyPermissionsSchema,
    );
    return Object.fromEntries(
      permissions.map((key) => [key, result.permissions[key]?.havePermission === true]),
    );
  }

  /** Projects in which this principal has all of `permissions`. */
  async permittedProjects(permissions: readonly string[]): Promise<{ id: string; key: string }[]> {
    const result = await this.call(
      { method: 'POST', path: '/rest/api/3/permissions/project', body: { permissions } },
      PermittedProjectsSchema,
    );
    return result.projects;
  }

  /**
   * Which of `projectIds` and `issueIds` the user with `accountId` may browse, checked by the app
   * (Jira lets apps check any user's permissions from the server). At most 1,000 of each a request.
   */
  async browsableFor(
    accountId: string,
    projectIds: readonly number[],
    issueIds: readonly number[] = [],
  ): Promise<{ projects: Set<number>; issues: Set<number> }> {
    const projects = new Set<number>();
    const issues = new Set<number>();
    const rounds = Math.max(
      1,
      Math.ceil(Math.max(projectIds.length, issueIds.length) / MAX_PERMISSION_CHECK_IDS),
    );
    for (let round = 0; round < rounds; round++) {
      const slice = (ids: readonly number[]) =>
        ids.slice(round * MAX_PERMISSION_CHECK_IDS, (round + 1) * MAX_PERMISSION_CHECK_IDS);
      const result = await this.call(
        {
          method: 'POST',
          path: '/rest/api/3/permissions/check',
          body: {
            accountId,
            projectPermissions: [
              { permissions: ['BROWSE_PROJECTS'], projects: slice(projectIds), issues: slice(issueIds) },
            ],
          },
        },
        BulkPermissionGrantsSchema,
      );
      for (const entry of result.projectPermissions) {
        for (const id of entry.projects) projects.add(id);
        for (const id of entry.issues) issues.add(id);
      }
    }
    return { projects, issues };
  }

  /** Asks Jira to e-mail `notification` about an issue (Jira's own notification mail). */
  async notifyIssue(issueKey: string, notification: IssueNotification): Promise<void> {
    await this.send({
      method: 'POST',
      path: `/rest/api/3/issue/${segment(issueKey)}/notify`,
      body: notification,
    });
  }

  async parseJql(queries: readonly string[]) {
    const result = await this.call(
      { method: 'POST', path: '/rest/api/3/jql/parse', query: { validation: 'strict' }, body: { queries } },
      ParsedJqlSchema,
    );
    return result.queries;
  }

  async getIssueProperty(issueKey: string, propertyKey: string): Promise<unknown | undefined> {
    try {
      const result = await this.call(
        { method: 'GET', path: `/rest/api/3/issue/${segment(issueKey)}/properties/${segment(propertyKey)}` },
        IssuePropertySchema,
      );
      return result.value;
    } catch (error) {
      if (error instanceof JiraError && error.status === 404) return undefined;
      throw error;
    }
  }

  async setIssueProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.send({
      method: 'PUT',
      path: `/rest/api/3/issue/${segment(issueKey)}/properties/${segment(propertyKey)}`,
      body: value,
    });
  }

  /** The transitions this principal may perform on the issue now (Jira applies workflow conditions). */
  async transitions(issueKey: string): Promise<JiraTransition[]> {
    const result = await this.call(
      { method: 'GET', path: `/rest/api/3/issue/${segment(issueKey)}/transitions` },
      TransitionsSchema,
    );
    return result.transitions;
  }

  /** Performs a transition; Jira runs the workflow's validators (the app's among them) first. */
  async transitionIssue(issueKey: string, transitionId: string): Promise<void> {
    await this.send({
      method: 'POST',
      path: `/rest/api/3/issue/${segment(issueKey)}/transitions`,
      body: { transition: { id: transitionId } },
    });
  }

  /** Adds a comment with an Atlassian Document Format body; answers the comment's id. */
  async addComment(issueKey: string, body: AdfDocument): Promise<string> {
    const result = await this.call(
      { method: 'POST', path: `/rest/api/3/issue/${segment(issueKey)}/comment`, body: { body } },
      CreatedCommentSchema,
    );
    return result.id;
  }

  /**
   * Sends, parses with `schema`, and charges the meter for the objects the answer returned
   * (`objectsIn`: issues, projects or users; single-object reads cost only the request's point).
   */
  private async call<S extends z.ZodType>(
    request: JiraRequest,
    schema: S,
    objectsIn?: (data: z.infer<S>) => number,
  ): Promise<z.infer<S>> {
    const response = await this.send(request, (candidate) => parseJson(candidate.text) !== undefined);
    const body = parseJson(response.text);
    if (body === undefined) {
      throw new JiraError(
        'UPSTREAM_ERROR',
        `Jira sent a malformed response to ${request.path}`,
        response.status,
        request.path,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new JiraError(
        'UPSTREAM_ERROR',
        `Jira's response to ${request.path} has an unexpected shape${first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : ''}`,
        response.status,
        request.path,
        {},
        { cause: parsed.error },
      );
    }
    if (objectsIn) this.meter.chargeObjects(objectsIn(parsed.data));
    return parsed.data;
  }

  /** Sends with retries and turns a final error status into a JiraError. */
  private async send(
    request: JiraRequest,
    isAcceptable: (r: JiraResponse) => boolean = () => true,
  ): Promise<JiraResponse> {
    const outcome = await sendWithRetry(
      this.transport,
      request,
      this.policy,
      this.env,
      isAcceptable,
      () => {
        this.meter.requests++;
      },
      (response) => this.meter.observe(response, this.env.now()),
    );
    this.meter.retries += outcome.attempts - 1;
    if (outcome.kind === 'quota-exhausted') {
      throw new QuotaExhaustedError(request.path, outcome.retryAt, this.meter.quota);
    }
    if (outcome.kind === 'network-error') {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      throw new JiraError(
        'UPSTREAM_ERROR',
        `Jira could not be reached (${reason})`,
        0,
        request.path,
        {},
        {
          cause: outcome.error,
        },
      );
    }
    const { response } = outcome;
    if (response.status >= 200 && response.status < 300) return response;
    throw new JiraError(
      codeForStatus(response.status),
      describeFailure(response),
      response.status,
      request.path,
    );
  }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'UPSTREAM_ERROR';
}

function describeFailure(response: JiraResponse): string {
  const body = JiraErrorBodySchema.safeParse(parseJson(response.text));
  if (body.success) {
    const messages = [...(body.data.errorMessages ?? []), ...Object.values(body.data.errors ?? {})];
    if (body.data.message) messages.push(body.data.message);
    if (messages.length > 0) return `Jira answered ${response.status}: ${messages.join(' ')}`;
  }
  return `Jira answered ${response.status}`;
}

function parseJson(text: string): unknown | undefined {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
