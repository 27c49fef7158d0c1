/**
 * Contract tests: every simulator endpoint, called over HTTP, answers with JSON that validates against
 * the vendored OpenAPI subset's schema for that path, method and status. Error responses whose status
 * the spec documents without a body are checked against ErrorCollection (Jira's error shape).
 */
import type { JiraSim } from './index';
import { OpenApiValidator } from './openapi/validator';
import { type As, arr, call, obj, startSim } from './test/helpers';

interface Case {
  name: string;
  as?: As;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  path: string | (() => string);
  body?: unknown | (() => unknown);
  status: number;
  /** Statuses the simulator uses that the spec does not list for this operation (Jira's real behaviour or the brief). */
  undocumented?: boolean;
}

let sim: JiraSim;
let validator: OpenApiValidator;
let restrictedKey = '';
let linkedKey = '';
let parentedKey = '';
let teamProject = '';
let otherProject = '';

beforeAll(async () => {
  validator = new OpenApiValidator();
  sim = await startSim();
  const restricted = sim.dataset.issues.find((i) => i.securityLevelId !== null);
  if (!restricted) throw new Error('dataset has no restricted issue');
  restrictedKey = restricted.key;
  const linked = sim.dataset.links[0];
  linkedKey = sim.dataset.issues.find((i) => i.id === linked?.from)?.key ?? '';
  parentedKey = sim.dataset.issues.find((i) => i.parentId !== null && i.securityLevelId === null)?.key ?? '';
  teamProject = sim.dataset.projects[0]?.key ?? '';
  otherProject = sim.dataset.projects[5]?.key ?? '';
});

afterAll(() => sim.close());

const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const PROPS = '/rest/api/3/issue/{issueIdOrKey}/properties';
const PROP = '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const SEARCH = '/rest/api/3/search/jql';
const NOTIFY = '/rest/api/3/issue/{issueIdOrKey}/notify';
const COMMENT = '/rest/api/3/issue/{issueIdOrKey}/comment';
const CHECK = '/rest/api/3/permissions/check';
const NOTIFICATION = {
  subject: 'PMO digest',
  textBody: 'ATLAS turned red',
  htmlBody: '<p>ATLAS turned red</p>',
  to: { users: [{ accountId: 'sim-pmo' }] },
};

function firstKey(): string {
  return sim.dataset.issues.find((i) => i.securityLevelId === null)?.key ?? '';
}

function firstId(): number {
  return sim.dataset.issues.find((i) => i.securityLevelId === null)?.id ?? 0;
}

/** Jira's quota headers (structured fields), on every /rest/ answer. */
const POLICY_HEADER = /^"tenant-app-quota";q=\d+;w=3600$/;
const REMAINING_HEADER = /^"tenant-app-quota";r=\d+;t=\d+$/;

const cases: Case[] = [
  {
    name: 'myself',
    method: 'GET',
    template: '/rest/api/3/myself',
    path: '/rest/api/3/myself?expand=groups',
    status: 200,
  },
  {
    name: 'myself as app',
    as: 'app',
    method: 'GET',
    template: '/rest/api/3/myself',
    path: '/rest/api/3/myself',
    status: 200,
  },
  {
    name: 'myself unauthenticated',
    as: 'anonymous',
    method: 'GET',
    template: '/rest/api/3/myself',
    path: '/rest/api/3/myself',
    status: 401,
  },
  {
    name: 'myself with a wrong token',
    as: { authorization: `Basic ${Buffer.from('ada.admin@pmo-sim.example:nope').toString('base64')}` },
    method: 'GET',
    template: '/rest/api/3/myself',
    path: '/rest/api/3/myself',
    status: 401,
  },
  {
    name: 'user',
    method: 'GET',
    template: '/rest/api/3/user',
    path: '/rest/api/3/user?accountId=sim-pmo',
    status: 200,
  },
  {
    name: 'user bulk',
    method: 'GET',
    template: '/rest/api/3/user/bulk',
    path: '/rest/api/3/user/bulk?accountId=sim-pmo&accountId=sim-team&accountId=nobody&maxResults=100',
    status: 200,
  },
  {
    name: 'user bulk without ids',
    method: 'GET',
    template: '/rest/api/3/user/bulk',
    path: '/rest/api/3/user/bulk',
    status: 400,
  },
  {
    name: 'group bulk by name',
    method: 'GET',
    template: '/rest/api/3/group/bulk',
    path: '/rest/api/3/group/bulk?groupName=pmo-office&groupName=no-such-group',
    status: 200,
  },
  {
    name: 'group bulk as the outsider',
    as: 'outsider',
    method: 'GET',
    template: '/rest/api/3/group/bulk',
    path: '/rest/api/3/group/bulk?groupName=pmo-office',
    status: 403,
  },
  {
    name: 'serverInfo',
    method: 'GET',
    template: '/rest/api/3/serverInfo',
    path: '/rest/api/3/serverInfo',
    status: 200,
  },
  {
    name: 'serverInfo anonymous',
    as: 'anonymous',
    method: 'GET',
    template: '/rest/api/3/serverInfo',
    path: '/rest/api/3/serverInfo',
    status: 200,
  },
  {
    name: 'project search, first page',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: '/rest/api/3/project/search?maxResults=2&expand=description,lead,issueTypes,url,insight,permissions',
    status: 200,
  },
  {
    name: 'project search by keys and category',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: () => `/rest/api/3/project/search?keys=${teamProject}&keys=${otherProject}&orderBy=-name`,
    status: 200,
  },
  {
    name: 'project search as outsider',
    as: 'outsider',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: '/rest/api/3/project/search',
    status: 200,
  },
  {
    name: 'project search, more than 50 keys',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: `/rest/api/3/project/search?${Array.from({ length: 51 }, (_, i) => `keys=K${i}`).join('&')}`,
    status: 400,
  },
  {
    name: 'project search bad orderBy',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: '/rest/api/3/project/search?orderBy=colour',
    status: 400,
  },
  {
    name: 'project',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    path: () => `/rest/api/3/project/${teamProject}`,
    status: 200,
  },
  {
    name: 'project by id',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    path: '/rest/api/3/project/10004',
    status: 200,
  },
  {
    name: 'project hidden from team',
    as: 'team',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    path: () => `/rest/api/3/project/${otherProject}`,
    status: 404,
  },
  {
    name: 'project categories',
    method: 'GET',
    template: '/rest/api/3/projectCategory',
    path: '/rest/api/3/projectCategory',
    status: 200,
  },
  {
    name: 'project category',
    method: 'GET',
    template: '/rest/api/3/projectCategory/{id}',
    path: '/rest/api/3/projectCategory/10000',
    status: 200,
  },
  {
    name: 'issue types',
    method: 'GET',
    template: '/rest/api/3/issuetype',
    path: '/rest/api/3/issuetype',
    status: 200,
  },
  {
    name: 'statuses',
    method: 'GET',
    template: '/rest/api/3/status',
    path: '/rest/api/3/status',
    status: 200,
  },
  {
    name: 'status categories',
    method: 'GET',
    template: '/rest/api/3/statuscategory',
    path: '/rest/api/3/statuscategory',
    status: 200,
  },
  {
    name: 'priorities',
    method: 'GET',
    template: '/rest/api/3/priority',
    path: '/rest/api/3/priority',
    status: 200,
  },
  {
    name: 'priority search',
    method: 'GET',
    template: '/rest/api/3/priority/search',
    path: '/rest/api/3/priority/search?maxResults=2',
    status: 200,
  },
  {
    name: 'resolutions',
    method: 'GET',
    template: '/rest/api/3/resolution',
    path: '/rest/api/3/resolution',
    status: 200,
  },
  {
    name: 'link types',
    method: 'GET',
    template: '/rest/api/3/issueLinkType',
    path: '/rest/api/3/issueLinkType',
    status: 200,
  },
  {
    name: 'link type',
    method: 'GET',
    template: '/rest/api/3/issueLinkType/{issueLinkTypeId}',
    path: '/rest/api/3/issueLinkType/10100',
    status: 200,
  },
  {
    name: 'link type unknown',
    method: 'GET',
    template: '/rest/api/3/issueLinkType/{issueLinkTypeId}',
    path: '/rest/api/3/issueLinkType/999',
    status: 404,
  },
  { name: 'fields', method: 'GET', template: '/rest/api/3/field', path: '/rest/api/3/field', status: 200 },
  {
    name: 'search GET, all fields, names and schema',
    method: 'GET',
    template: SEARCH,
    path: () =>
      `${SEARCH}?jql=${encodeURIComponent(`project = ${teamProject} ORDER BY key`)}&fields=*all&expand=names,schema&maxResults=20&properties=pmoCompliance`,
    status: 200,
  },
  {
    name: 'search POST, id only',
    method: 'POST',
    template: SEARCH,
    path: SEARCH,
    body: () => ({ jql: `project in (${teamProject}, ${otherProject})`, maxResults: 1000 }),
    status: 200,
  },
  {
    name: 'search POST, navigable fields, second page',
    method: 'POST',
    template: SEARCH,
    path: SEARCH,
    body: () => ({
      jql: 'statusCategory != Done ORDER BY duedate ASC, key DESC',
      fields: ['*navigable', '-description'],
      maxResults: 5,
    }),
    status: 200,
  },
  {
    name: 'search GET, reconcileIssues',
    method: 'GET',
    template: SEARCH,
    path: () =>
      `${SEARCH}?jql=${encodeURIComponent(`key = ${firstKey()}`)}&fields=status&reconcileIssues=${firstId()}&reconcileIssues=10000`,
    status: 200,
  },
  {
    name: 'search POST, reconcileIssues',
    method: 'POST',
    template: SEARCH,
    path: SEARCH,
    body: () => ({ jql: `key = ${firstKey()}`, fields: ['status', 'updated'], reconcileIssues: [firstId()] }),
    status: 200,
  },
  {
    name: 'search POST, more than 50 reconcileIssues',
    method: 'POST',
    template: SEARCH,
    path: SEARCH,
    body: { jql: 'labels = x', reconcileIssues: Array.from({ length: 51 }, (_, i) => 10_000 + i) },
    status: 400,
  },
  {
    name: 'search with bad JQL',
    method: 'POST',
    template: SEARCH,
    path: SEARCH,
    body: { jql: 'project = = x' },
    status: 400,
  },
  {
    name: 'search unbounded',
    method: 'GET',
    template: SEARCH,
    path: `${SEARCH}?jql=${encodeURIComponent('order by created')}`,
    status: 400,
  },
  {
    name: 'search unauthenticated',
    as: 'anonymous',
    method: 'GET',
    template: SEARCH,
    path: `${SEARCH}?jql=project%3DX`,
    status: 401,
  },
  {
    name: 'old search GET is gone',
    method: 'GET',
    template: '/rest/api/3/search',
    path: '/rest/api/3/search?jql=project%3DX',
    status: 410,
    undocumented: true,
  },
  {
    name: 'old search POST is gone',
    method: 'POST',
    template: '/rest/api/3/search',
    path: '/rest/api/3/search',
    body: { jql: 'x' },
    status: 410,
    undocumented: true,
  },
  {
    name: 'approximate count',
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    path: '/rest/api/3/search/approximate-count',
    body: { jql: 'statusCategory = "In Progress"' },
    status: 200,
  },
  {
    name: 'approximate count bad JQL',
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    path: '/rest/api/3/search/approximate-count',
    body: { jql: 'foo = bar' },
    status: 400,
  },
  {
    name: 'bulk fetch with errors',
    method: 'POST',
    template: '/rest/api/3/issue/bulkfetch',
    path: '/rest/api/3/issue/bulkfetch',
    body: () => ({
      issueIdsOrKeys: [firstKey(), linkedKey, parentedKey, 'NOPE-1', '99999999'],
      fields: ['*all'],
      expand: ['names', 'schema'],
    }),
    status: 200,
  },
  {
    name: 'bulk fetch, too many',
    method: 'POST',
    template: '/rest/api/3/issue/bulkfetch',
    path: '/rest/api/3/issue/bulkfetch',
    body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `X-${i}`) },
    status: 400,
  },
  {
    name: 'issue',
    method: 'GET',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${linkedKey}?expand=names,schema`,
    status: 200,
  },
  {
    name: 'issue with a parent',
    method: 'GET',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${parentedKey}?fields=parent,subtasks,summary`,
    status: 200,
  },
  {
    name: 'restricted issue as admin',
    method: 'GET',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${restrictedKey}`,
    status: 200,
  },
  {
    name: 'restricted issue as pmo',
    as: 'pmo',
    method: 'GET',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${restrictedKey}`,
    status: 404,
  },
  { name: 'issue missing', method: 'GET', template: ISSUE, path: '/rest/api/3/issue/NOPE-1', status: 404 },
  {
    name: 'edit issue',
    method: 'PUT',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${firstKey()}`,
    body: { fields: { duedate: '2026-04-30', labels: ['contract'], customfield_10016: 5 } },
    status: 204,
  },
  {
    name: 'edit issue returning it',
    method: 'PUT',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${firstKey()}?returnIssue=true`,
    body: { update: { labels: [{ add: 'returned' }] } },
    status: 200,
  },
  {
    name: 'edit issue with a bad field',
    method: 'PUT',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${firstKey()}`,
    body: { fields: { status: { id: '3' }, duedate: 'tomorrow' } },
    status: 400,
  },
  {
    name: 'edit issue as pmo',
    as: 'pmo',
    method: 'PUT',
    template: ISSUE,
    path: () => `/rest/api/3/issue/${firstKey()}`,
    body: { fields: { summary: 'nope' } },
    status: 403,
  },
  {
    name: 'transitions',
    method: 'GET',
    template: `${ISSUE}/transitions`,
    path: () => `/rest/api/3/issue/${firstKey()}/transitions`,
    status: 200,
  },
  {
    name: 'transition',
    method: 'POST',
    template: `${ISSUE}/transitions`,
    path: () => `/rest/api/3/issue/${firstKey()}/transitions`,
    body: () => {
      const issue = sim.dataset.issues.find((i) => i.key === firstKey());
      return { transition: { id: issue?.statusId === '10001' ? '11' : '61' } };
    },
    status: 204,
  },
  {
    name: 'transition with a bad id',
    method: 'POST',
    template: `${ISSUE}/transitions`,
    path: () => `/rest/api/3/issue/${firstKey()}/transitions`,
    body: { transition: { id: '999' } },
    status: 400,
  },
  {
    name: 'transition missing issue',
    method: 'POST',
    template: `${ISSUE}/transitions`,
    path: '/rest/api/3/issue/NOPE-9/transitions',
    body: { transition: { id: '11' } },
    status: 404,
  },
  {
    name: 'add comment (ADF body)',
    method: 'POST',
    template: COMMENT,
    path: () => `/rest/api/3/issue/${firstKey()}/comment`,
    body: {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }],
      },
    },
    status: 201,
  },
  {
    name: 'add comment with a plain-text body',
    method: 'POST',
    template: COMMENT,
    path: () => `/rest/api/3/issue/${firstKey()}/comment`,
    body: { body: 'plain text is API v2' },
    status: 400,
  },
  {
    name: 'add comment as someone who cannot browse the issue',
    as: 'outsider',
    method: 'POST',
    template: COMMENT,
    path: () => `/rest/api/3/issue/${firstKey()}/comment`,
    body: { body: { type: 'doc', version: 1, content: [] } },
    status: 404,
  },
  {
    name: 'comments',
    method: 'GET',
    template: COMMENT,
    path: () => `/rest/api/3/issue/${firstKey()}/comment?startAt=0&maxResults=10`,
    status: 200,
  },
  {
    name: 'comments of a missing issue',
    method: 'GET',
    template: COMMENT,
    path: '/rest/api/3/issue/NOPE-9/comment',
    status: 404,
  },
  {
    name: 'put property (created)',
    method: 'PUT',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    body: { failing: true, rules: ['due-date'] },
    status: 201,
  },
  {
    name: 'put property (updated)',
    method: 'PUT',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    body: { failing: false },
    status: 200,
  },
  {
    name: 'put property too large',
    method: 'PUT',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/big`,
    body: { blob: 'x'.repeat(40_000) },
    status: 400,
  },
  {
    name: 'put property as pmo',
    as: 'pmo',
    method: 'PUT',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    body: { failing: true },
    status: 403,
  },
  {
    name: 'property keys',
    method: 'GET',
    template: PROPS,
    path: () => `/rest/api/3/issue/${firstKey()}/properties`,
    status: 200,
  },
  {
    name: 'property',
    method: 'GET',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    status: 200,
  },
  {
    name: 'property missing',
    method: 'GET',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/nothing`,
    status: 404,
  },
  {
    name: 'delete property',
    method: 'DELETE',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    status: 204,
  },
  {
    name: 'delete property missing',
    method: 'DELETE',
    template: PROP,
    path: () => `/rest/api/3/issue/${firstKey()}/properties/pmoCompliance`,
    status: 404,
  },
  {
    name: 'my permissions, global',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,EDIT_ISSUES,TRANSITION_ISSUES',
    status: 200,
  },
  {
    name: 'my permissions in a project',
    as: 'team',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: () => `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&projectKey=${teamProject}`,
    status: 200,
  },
  {
    name: 'my permissions on an issue',
    as: 'pmo',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: () => `/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=${firstKey()}`,
    status: 200,
  },
  {
    name: 'my permissions without permissions',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions',
    status: 400,
  },
  {
    name: 'my permissions unknown key',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions?permissions=FLY',
    status: 400,
  },
  {
    name: 'my permissions, hidden project',
    as: 'outsider',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: () => `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=${teamProject}`,
    status: 404,
  },
  {
    name: 'project roles',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role',
    path: () => `/rest/api/3/project/${teamProject}/role`,
    status: 200,
  },
  {
    name: 'project role with its actors',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    path: () => `/rest/api/3/project/${teamProject}/role/10000`,
    status: 200,
  },
  {
    name: 'project role with a group actor',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    path: () => `/rest/api/3/project/${teamProject}/role/10003`,
    status: 200,
  },
  {
    name: 'project role, unknown id',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    path: () => `/rest/api/3/project/${teamProject}/role/424242`,
    status: 404,
  },
  {
    name: 'project roles, not a project administrator',
    as: 'team',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role',
    path: () => `/rest/api/3/project/${teamProject}/role`,
    status: 404,
  },
  {
    name: 'permitted projects',
    as: 'team',
    method: 'POST',
    template: '/rest/api/3/permissions/project',
    path: '/rest/api/3/permissions/project',
    body: { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] },
    status: 200,
  },
  {
    name: 'notify, a digest to one user',
    as: 'app',
    method: 'POST',
    template: NOTIFY,
    path: () => `/rest/api/3/issue/${firstKey()}/notify`,
    body: () => NOTIFICATION,
    status: 204,
  },
  {
    name: 'notify, no recipients',
    as: 'app',
    method: 'POST',
    template: NOTIFY,
    path: () => `/rest/api/3/issue/${firstKey()}/notify`,
    body: { subject: 'Nobody', textBody: 'to nobody', to: { users: [] } },
    status: 400,
  },
  {
    name: 'notify, unknown issue',
    as: 'app',
    method: 'POST',
    template: NOTIFY,
    path: '/rest/api/3/issue/NOPE-1/notify',
    body: () => NOTIFICATION,
    status: 404,
  },
  {
    name: 'permissions check for another user, as the app',
    as: 'app',
    method: 'POST',
    template: CHECK,
    path: CHECK,
    body: () => ({
      accountId: 'sim-team',
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [
        {
          permissions: ['BROWSE_PROJECTS'],
          projects: sim.dataset.projects.map((p) => p.id),
          issues: [firstId()],
        },
      ],
    }),
    status: 200,
  },
  {
    name: 'permissions check for another user, as a team member',
    as: 'team',
    method: 'POST',
    template: CHECK,
    path: CHECK,
    body: { accountId: 'sim-pmo', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'] }] },
    status: 403,
  },
  {
    name: 'permissions check, unknown permission',
    as: 'app',
    method: 'POST',
    template: CHECK,
    path: CHECK,
    body: { projectPermissions: [{ permissions: ['FLY'] }] },
    status: 400,
  },
  {
    name: 'permitted projects, bad key',
    method: 'POST',
    template: '/rest/api/3/permissions/project',
    path: '/rest/api/3/permissions/project',
    body: { permissions: ['FLY'] },
    status: 400,
  },
  {
    name: 'jql parse, strict',
    method: 'POST',
    template: '/rest/api/3/jql/parse',
    path: '/rest/api/3/jql/parse?validation=strict',
    body: () => ({
      queries: [
        `project = ${teamProject} AND (labels in (urgent, "tech-debt") OR assignee = currentUser()) AND NOT status = Done ORDER BY updated DESC`,
        'issue.property[pmoCompliance].failing = true',
        'cf[10016] >= 5 AND due < startOfDay(-1) AND resolution = Unresolved',
        'invalid query',
        'summary ~ test',
        'universe = 42',
        'project = INVALID',
      ],
    }),
    status: 200,
  },
  {
    name: 'jql parse, warn',
    method: 'POST',
    template: '/rest/api/3/jql/parse',
    path: '/rest/api/3/jql/parse?validation=warn',
    body: { queries: ['project = INVALID', 'status in (Done, Nope) ORDER BY key'] },
    status: 200,
  },
  {
    name: 'jql parse, bad body',
    method: 'POST',
    template: '/rest/api/3/jql/parse',
    path: '/rest/api/3/jql/parse',
    body: { queries: [] },
    status: 400,
  },
  {
    name: 'changelog bulk fetch',
    method: 'POST',
    template: '/rest/api/3/changelog/bulkfetch',
    path: '/rest/api/3/changelog/bulkfetch',
    body: () => ({
      issueIdsOrKeys: sim.dataset.issues.slice(0, 30).map((i) => i.key),
      fieldIds: ['status', 'resolution'],
      maxResults: 10,
    }),
    status: 200,
  },
  {
    name: 'changelog bulk fetch, due dates and links, second page',
    method: 'POST',
    template: '/rest/api/3/changelog/bulkfetch',
    path: '/rest/api/3/changelog/bulkfetch',
    body: () => ({
      issueIdsOrKeys: sim.dataset.issues.slice(0, 200).map((i) => String(i.id)),
      fieldIds: ['duedate', 'issuelinks'],
      maxResults: 5,
      nextPageToken: Buffer.from('5', 'utf8').toString('base64url'),
    }),
    status: 200,
  },
  {
    name: 'changelog bulk fetch, more than 1000 issues',
    method: 'POST',
    template: '/rest/api/3/changelog/bulkfetch',
    path: '/rest/api/3/changelog/bulkfetch',
    body: () => ({ issueIdsOrKeys: Array.from({ length: 1001 }, (_, n) => `X-${n}`) }),
    status: 400,
  },
];

const FIELD_SCHEMAS: Record<string, string> = {
  status: 'StatusDetails',
  issuetype: 'IssueTypeDetails',
  priority: 'Priority',
  project: 'ProjectDetails',
  assignee: 'UserDetails',
  reporter: 'UserDetails',
  creator: 'UserDetails',
  customfield_10303: 'UserDetails',
  resolution: 'Resolution',
  security: 'SecurityLevel',
  parent: 'LinkedIssue',
};

/** IssueBean.fields is untyped in the spec; check the well-known values against their component schemas. */
function checkIssueFields(issue: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const fields = issue.fields === undefined ? {} : obj(issue.fields);
  const check = (schema: string, value: unknown, where: string) => {
    const r = validator.validateComponent(schema, value);
    if (!r.valid) problems.push(`${issue.key} ${where} (${schema}): ${r.errors}`);
  };
  for (const [field, value] of Object.entries(fields)) {
    if (value === null) continue;
    const schema = FIELD_SCHEMAS[field];
    if (schema) check(schema, value, field);
    if (field === 'subtasks') for (const s of arr(value)) check('LinkedIssue', s, 'subtasks[]');
    if (field === 'issuelinks') {
      for (const l of arr(value)) {
        const link = obj(l);
        check('IssueLinkType', link.type, 'issuelinks[].type');
        const other = link.outwardIssue ?? link.inwardIssue;
        check('LinkedIssue', other, 'issuelinks[].other');
        if ((link.outwardIssue === undefined) === (link.inwardIssue === undefined)) {
          problems.push(`${issue.key}: a link must name exactly one of outwardIssue / inwardIssue`);
        }
      }
    }
    if (field === 'customfield_10304') {
      // Jira sends { self, value, id }; the spec's CustomFieldOption lacks `id`.
      const { id: _id, ...rest } = obj(value);
      check('CustomFieldOption', rest, field);
    }
  }
  return problems;
}

function issuesIn(body: unknown): Record<string, unknown>[] {
  if (body === null || typeof body !== 'object') return [];
  const o = body as Record<string, unknown>;
  if (Array.isArray(o.issues)) return o.issues.map(obj);
  if (typeof o.key === 'string' && typeof o.id === 'string' && 'fields' in o) return [o];
  return [];
}

describe('contract: responses validate against the vendored OpenAPI subset', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = typeof c.path === 'function' ? c.path() : c.path;
    const body = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
    const res = await call(sim, c.as ?? 'admin', c.method, path, body);
    expect({ status: res.status, text: res.text.slice(0, 300) }).toEqual({
      status: c.status,
      text: expect.any(String),
    });
    if (!c.undocumented) expect(validator.documentsStatus(c.template, c.method, c.status)).toBe(true);
    expect(res.headers.get('beta-ratelimit-policy')).toMatch(POLICY_HEADER);
    expect(res.headers.get('beta-ratelimit')).toMatch(REMAINING_HEADER);

    // The request side: every query parameter is one the spec declares; accepted search bodies
    // validate against the spec's request schema (SearchAndReconcileRequestBean).
    const sent = [...new URL(path, 'http://sim.invalid').searchParams.keys()];
    const declared = validator.queryParameters(c.template, c.method);
    expect(sent.filter((name) => !declared.includes(name))).toEqual([]);
    if (
      (c.template === SEARCH || c.template === NOTIFY || c.template === CHECK) &&
      c.method === 'POST' &&
      c.status < 300
    ) {
      const r = validator.validateRequestBody(c.template, c.method, body);
      if (!r.valid) throw new Error(`request body does not match the spec: ${r.errors}`);
    }

    const schema = validator.responseSchema(c.template, c.method, c.status);
    if (schema !== undefined && res.text.length > 0) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const r = validator.validateResponse(c.template, c.method, c.status, res.json);
      if (!r.valid)
        throw new Error(
          `${c.method} ${path} ${c.status} does not match the spec:\n${r.errors}\n${res.text.slice(0, 500)}`,
        );
    } else if (c.status >= 400) {
      const r = validator.validateComponent('ErrorCollection', res.json);
      if (!r.valid) throw new Error(`error body is not an ErrorCollection: ${r.errors}\n${res.text}`);
      expect(
        arr(obj(res.json).errorMessages).length + Object.keys(obj(obj(res.json).errors)).length,
      ).toBeGreaterThan(0);
    } else {
      expect(res.text).toBe('');
    }
    const problems = issuesIn(res.json).flatMap(checkIssueFields);
    expect(problems).toEqual([]);
  });

  it('user bulk names the requested people and leaves out unknown ids; group bulk finds groups by name', async () => {
    const users = await call(sim, 'app', 'GET', '/rest/api/3/user/bulk?accountId=sim-pmo&accountId=nobody');
    expect(arr(obj(users.json).values).map((user) => obj(user).displayName)).toEqual(['Pat PMO Lead']);
    const groups = await call(
      sim,
      'admin',
      'GET',
      '/rest/api/3/group/bulk?groupName=PMO-office&groupName=nope',
    );
    expect(arr(obj(groups.json).values).map((group) => obj(group).name)).toEqual(['pmo-office']);
  });

  it('covers every operation in the vendored subset', () => {
    const covered = new Set(cases.map((c) => `${c.method.toLowerCase()} ${c.template}`));
    const missing: string[] = [];
    for (const [p, ops] of Object.entries(validator.doc.paths)) {
      for (const m of Object.keys(ops)) {
        if (m !== 'parameters' && !covered.has(`${m} ${p}`)) missing.push(`${m} ${p}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the subset is self-contained (every $ref resolves inside it)', () => {
    const refs = new Set<string>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        for (const [k, v] of Object.entries(n)) {
          if (k === '$ref' && typeof v === 'string') refs.add(v);
          else walk(v);
        }
      }
    };
    walk(validator.doc);
    const schemas = validator.doc.components.schemas;
    const unresolved = [...refs].filter((r) => !(r.replace('#/components/schemas/', '') in schemas));
    expect(unresolved).toEqual([]);
  });

  it('every field value in a *all search validates (whole small site)', async () => {
    const res = await call(sim, 'admin', 'POST', SEARCH, {
      jql: 'created <= now()',
      fields: ['*all'],
      maxResults: 100,
    });
    expect(res.status).toBe(200);
    expect(issuesIn(res.json).flatMap(checkIssueFields)).toEqual([]);
  });
});

describe('notify and permissions/check', () => {
  it('records what notify would send, readable through the outbox and the control endpoint', async () => {
    const before = sim.outbox().length;
    const key = firstKey();
    const res = await call(sim, 'app', 'POST', `/rest/api/3/issue/${key}/notify`, NOTIFICATION);
    expect(res.status).toBe(204);
    const sent = sim.outbox().slice(before);
    expect(sent).toEqual([
      expect.objectContaining({
        issueKey: key,
        sentBy: 'sim-app',
        subject: 'PMO digest',
        textBody: 'ATLAS turned red',
        toAccountIds: ['sim-pmo'],
      }),
    ]);
    const control = await fetch(`${sim.url}/__sim/notifications`);
    const listed = obj(await control.json()).notifications;
    expect(arr(listed).length).toBe(sim.outbox().length);
  });

  it('refuses a notification to the caller and unknown fields, recording nothing', async () => {
    const before = sim.outbox().length;
    const self = await call(sim, 'pmo', 'POST', `/rest/api/3/issue/${firstKey()}/notify`, NOTIFICATION);
    expect(self.status).toBe(400);
    const unknown = await call(sim, 'app', 'POST', `/rest/api/3/issue/${firstKey()}/notify`, {
      ...NOTIFICATION,
      cc: 'everyone',
    });
    expect(unknown.status).toBe(400);
    expect(sim.outbox().length).toBe(before);
  });

  it('permissions/check answers the projects the named user browses, not the caller', async () => {
    const ids = sim.dataset.projects.map((p) => p.id);
    const grants = async (accountId: string) => {
      const res = await call(sim, 'app', 'POST', CHECK, {
        accountId,
        projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ids }],
      });
      const [entry] = arr(obj(res.json).projectPermissions);
      return arr(obj(entry).projects);
    };
    expect(await grants('sim-pmo')).toEqual(ids);
    expect(await grants('sim-team')).toEqual(ids.slice(0, 3));
    expect(await grants('sim-outsider')).toEqual([]);
  });
});
