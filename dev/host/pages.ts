import { html, jsonForHtml, SafeHtml } from './html';
import type { IssueView, ProjectIssueRow, TransitionOption } from './jira-views';
import { ADMIN_MODULE, ISSUE_PANEL_MODULE, PATHS, PORTFOLIO_MODULE, PORTFOLIO_PAGES } from './modules';

export type ColorMode = 'light' | 'dark';

export interface HostUser {
  accountId: string;
  displayName: string;
  role: string;
}

/** What every frame page knows about the request: who is acting, the theme, the Jira behind it. */
export interface FrameContext {
  users: readonly HostUser[];
  user: HostUser;
  colorMode: ColorMode;
  mode: 'simulator' | 'site';
  jiraBaseUrl: string;
}

type Section = 'apps' | 'projects' | 'settings';

const TOKEN_SHEETS = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
];
export const THEME_ATTR = 'light:light dark:dark spacing:spacing typography:typography shape:shape';

const JIRA_LOGO = new SafeHtml(
  '<svg class="brand-logo" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M11.53 2c0 2.4 1.97 4.35 4.35 4.35h1.78v1.7c0 2.4 1.94 4.34 4.34 4.35V2.84a.84.84 0 0 0-.84-.84h-9.63Z"/>' +
    '<path fill="currentColor" opacity=".8" d="M6.77 6.8a4.36 4.36 0 0 0 4.34 4.34h1.8v1.72a4.36 4.36 0 0 0 4.34 4.34V7.63a.84.84 0 0 0-.83-.83H6.77Z"/>' +
    '<path fill="currentColor" opacity=".6" d="M2 11.6c0 2.4 1.95 4.34 4.35 4.34h1.78v1.72c.01 2.39 1.95 4.33 4.34 4.34v-9.57a.84.84 0 0 0-.84-.84H2Z"/>' +
    '</svg>',
);

function userOptions(ctx: FrameContext): SafeHtml {
  return html`${ctx.users.map(
    (user) =>
      html`<option value="${user.accountId}"${user.accountId === ctx.user.accountId ? new SafeHtml(' selected') : ''}>${user.displayName}${roleLabel(user.role)}</option>`,
  )}`;
}

/** What the user switcher says after a simulator user's name, by role (nothing for other roles). */
const ROLE_LABEL: Record<string, string> = {
  admin: ' (Jira admin)',
  pmo: ' (PMO lead)',
  team: ' (team member)',
  outsider: ' (outsider)',
};

const roleLabel = (role: string): string => ROLE_LABEL[role] ?? '';

function current(flag: boolean): SafeHtml {
  return new SafeHtml(flag ? ' aria-current="page"' : '');
}

interface LayoutOptions {
  ctx: FrameContext;
  title: string;
  section: Section;
  sidebar?: SafeHtml;
  main: SafeHtml;
  /** The main area is one app iframe filling the viewport (global and admin pages). */
  fill?: boolean;
  /** Extra data for frame.js. */
  state?: Record<string, unknown>;
}

export function renderLayout(options: LayoutOptions): SafeHtml {
  const { ctx } = options;
  const state = {
    accountId: ctx.user.accountId,
    colorMode: ctx.colorMode,
    mode: ctx.mode,
    portfolioBase: PATHS.portfolio,
    ...options.state,
  };
  const badge = ctx.mode === 'site' ? `Jira site (read-only): ${ctx.jiraBaseUrl}` : 'Local Jira simulator';
  return html`<!doctype html>
<html lang="en" data-color-mode="${ctx.colorMode}" data-theme="${THEME_ATTR}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - Jira</title>
<link rel="icon" href="/__host/app-icon.svg" type="image/svg+xml">
${TOKEN_SHEETS.map((sheet) => html`<link rel="stylesheet" href="/__host/tokens/${sheet}.css">\n`)}<link rel="stylesheet" href="/__host/frame.css">
<script type="application/json" id="pmo-host-state">${new SafeHtml(jsonForHtml(state))}</script>
<script src="/__host/frame.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topnav">
  <a class="brand" href="${PATHS.portfolio}">${JIRA_LOGO}<span>Jira</span></a>
  <nav class="topnav-links" aria-label="Jira">
    <a href="${PATHS.projects}"${current(options.section === 'projects')}>Projects</a>
    <a href="${PATHS.portfolio}"${current(options.section === 'apps')}>Apps</a>
    <a href="${PATHS.admin}"${current(options.section === 'settings')}>Settings</a>
  </nav>
  <div class="topnav-end">
    <span class="env-badge" title="${ctx.jiraBaseUrl}">${badge}</span>
    <button type="button" class="theme-toggle" data-testid="theme-toggle" aria-pressed="${ctx.colorMode === 'dark' ? 'true' : 'false'}">Dark theme</button>
    <label class="user-switcher"><span>Acting as</span>
      <select data-testid="user-switcher" name="user">${userOptions(ctx)}</select>
    </label>
  </div>
</header>
<div class="page${options.fill ? ' page-fill' : ''}">
  ${options.sidebar ?? ''}
  <main id="main" class="content">${options.main}</main>
</div>
<div class="flags" id="pmo-flags" aria-live="polite"></div>
</body>
</html>
`;
}

/** The URL of a Custom UI resource in an iframe, with the context the bridge shim will report. */
export function appFrameSrc(
  entry: string,
  moduleKey: string,
  accountId: string,
  extension: Record<string, unknown>,
): string {
  const query = new URLSearchParams({ moduleKey, accountId, extension: JSON.stringify(extension) });
  return `/apps/${entry}/index.html?${query.toString()}`;
}

export function renderPortfolioPage(ctx: FrameContext, route: string): SafeHtml {
  const sidebar = html`<nav class="sidebar" aria-label="${PORTFOLIO_MODULE.title}">
    <div class="sidebar-header">
      <img src="/__host/app-icon.svg" alt="" width="32" height="32">
      <div><div class="sidebar-title">${PORTFOLIO_MODULE.title}</div><div class="sidebar-subtitle">App</div></div>
    </div>
    <ul class="sidebar-links">
      ${PORTFOLIO_PAGES.map(
        (page) =>
          html`<li><a href="${PATHS.portfolio}/${page.route}" data-route="/${page.route}" data-testid="nav-${page.route}"${current(route === `/${page.route}`)}>${page.title}</a></li>`,
      )}
    </ul>
  </nav>`;
  return renderAppPage(ctx, PORTFOLIO_MODULE, { section: 'apps', sidebar, page: 'portfolio' });
}

export function renderAdminPage(ctx: FrameContext): SafeHtml {
  const sidebar = html`<nav class="sidebar" aria-label="Apps settings">
    <div class="sidebar-header"><div><div class="sidebar-title">Apps</div><div class="sidebar-subtitle">Jira settings</div></div></div>
    <ul class="sidebar-links">
      <li><span class="sidebar-group">Apps</span></li>
      <li><a href="${PATHS.admin}" aria-current="page">${ADMIN_MODULE.title}</a></li>
    </ul>
  </nav>`;
  return renderAppPage(ctx, ADMIN_MODULE, { section: 'settings', sidebar, page: 'admin' });
}

/** A page that is one app module filling the viewport (the global page, the admin page), as Jira frames it. */
function renderAppPage(
  ctx: FrameContext,
  module: typeof PORTFOLIO_MODULE | typeof ADMIN_MODULE,
  page: { section: Section; sidebar: SafeHtml; page: string },
): SafeHtml {
  const src = appFrameSrc(module.entry, module.key, ctx.user.accountId, { type: module.type });
  return renderLayout({
    ctx,
    title: module.title,
    section: page.section,
    sidebar: page.sidebar,
    fill: true,
    main: html`<iframe class="app-frame" data-testid="app-frame" data-module="${module.key}" title="${module.title}" src="${src}"></iframe>`,
    state: { page: page.page },
  });
}

function projectSidebar(project: { key: string; name: string }, active: 'issues' | 'none'): SafeHtml {
  return html`<nav class="sidebar" aria-label="Project">
    <div class="sidebar-header">
      <span class="project-avatar" aria-hidden="true">${project.key.slice(0, 1)}</span>
      <div><div class="sidebar-title">${project.name}</div><div class="sidebar-subtitle">Software project</div></div>
    </div>
    <ul class="sidebar-links">
      <li><a href="${PATHS.browse(project.key)}"${current(active === 'issues')}>Issues</a></li>
      <li><span class="sidebar-group">Apps</span></li>
      <li><a href="${PATHS.portfolio}">${PORTFOLIO_MODULE.title}</a></li>
    </ul>
  </nav>`;
}

function lozenge(text: string, category: string): SafeHtml {
  const kind = category === 'done' ? 'done' : category === 'new' ? 'new' : 'inprogress';
  return html`<span class="lozenge lozenge-${kind}">${text}</span>`;
}

function formatDate(value: string | null): string {
  if (!value) return 'None';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export interface IssuePageOptions {
  issue: IssueView;
  transitions: TransitionOption[] | { unavailable: string };
  readOnly: boolean;
}

export function renderIssuePage(ctx: FrameContext, options: IssuePageOptions): SafeHtml {
  const { issue } = options;
  const src = appFrameSrc(ISSUE_PANEL_MODULE.entry, ISSUE_PANEL_MODULE.key, ctx.user.accountId, {
    type: ISSUE_PANEL_MODULE.type,
    issue: { id: issue.id, key: issue.key, type: issue.issueType.name, typeId: issue.issueType.id },
    project: { id: issue.project.id, key: issue.project.key, type: issue.project.type },
    isNewToIssue: false,
  });
  const details: [string, string][] = [
    ['Type', issue.issueType.name],
    ['Assignee', issue.assignee ?? 'Unassigned'],
    ['Reporter', issue.reporter ?? 'None'],
    ['Priority', issue.priority ?? 'None'],
    ['Due date', formatDate(issue.dueDate)],
    ['Labels', issue.labels.length > 0 ? issue.labels.join(', ') : 'None'],
    ['Created', formatDate(issue.created)],
    ['Updated', formatDate(issue.updated)],
  ];
  const main = html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
      <a href="${PATHS.projects}">Projects</a><span aria-hidden="true">/</span>
      <a href="${PATHS.browse(issue.project.key)}">${issue.project.name}</a><span aria-hidden="true">/</span>
      <a href="${PATHS.browse(issue.key)}" data-testid="issue-key">${issue.key}</a>
    </nav>
    <div class="issue-layout">
      <section class="issue-main" aria-labelledby="issue-summary">
        <h1 id="issue-summary" data-testid="issue-summary">${issue.summary}</h1>
        ${renderTransitionControl(issue, options)}
        <h2 class="section-title">Details</h2>
        <dl class="details" data-testid="issue-details">
          <dt>Status</dt><dd data-testid="issue-status">${lozenge(issue.status.name, issue.status.category)}</dd>
          <dt>Project</dt><dd><a href="${PATHS.browse(issue.project.key)}">${issue.project.name} (${issue.project.key})</a></dd>
          ${details.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
        </dl>
      </section>
      <aside class="issue-apps" aria-label="Apps">
        <section class="app-panel">
          <h2 class="app-panel-title"><img src="/__host/app-icon.svg" alt="" width="16" height="16">${ISSUE_PANEL_MODULE.title}</h2>
          <iframe class="panel-frame" data-testid="panel-frame" data-autosize data-module="${ISSUE_PANEL_MODULE.key}" title="${ISSUE_PANEL_MODULE.title}" src="${src}"></iframe>
        </section>
      </aside>
    </div>`;
  return renderLayout({
    ctx,
    title: `[${issue.key}] ${issue.summary}`,
    section: 'projects',
    sidebar: projectSidebar(issue.project, 'none'),
    main,
    state: { page: 'issue', issueKey: issue.key },
  });
}

function renderTransitionControl(issue: IssueView, options: IssuePageOptions): SafeHtml {
  const { transitions } = options;
  const status = html`<span class="current-status">${lozenge(issue.status.name, issue.status.category)}</span>`;
  if (!Array.isArray(transitions)) {
    return html`<div class="transition">${status}<p class="muted">${transitions.unavailable}</p></div>`;
  }
  if (transitions.length === 0) {
    return html`<div class="transition">${status}<p class="muted">No transitions are available to you for this issue.</p></div>`;
  }
  return html`<form class="transition" data-testid="transition-form" data-issue-key="${issue.key}" data-read-only="${options.readOnly ? 'true' : 'false'}">
      ${status}
      <label for="transition-select" class="visually-hidden">Move to status</label>
      <select id="transition-select" name="transitionId" data-testid="transition-select">
        ${transitions.map((t) => html`<option value="${t.id}">${t.name} → ${t.to.name}</option>`)}
      </select>
      <button type="submit" class="button-primary" data-testid="transition-button">${options.readOnly ? 'Check transition' : 'Transition'}</button>
      <p class="transition-message" role="status" data-testid="transition-message"></p>
    </form>`;
}

export function renderProjectPage(
  ctx: FrameContext,
  project: { key: string; name: string },
  issues: ProjectIssueRow[],
): SafeHtml {
  const rows =
    issues.length === 0
      ? html`<tr><td colspan="5" class="muted">No issues you can see.</td></tr>`
      : html`${issues.map(
          (issue) => html`<tr>
            <td><a href="${PATHS.browse(issue.key)}">${issue.key}</a></td>
            <td>${issue.summary}</td>
            <td>${issue.type}</td>
            <td>${lozenge(issue.status, issue.statusCategory)}</td>
            <td>${issue.assignee ?? 'Unassigned'}</td>
          </tr>`,
        )}`;
  const main = html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="${PATHS.projects}">Projects</a><span aria-hidden="true">/</span><span>${project.name}</span></nav>
    <h1>${project.name} issues</h1>
    <table class="issue-table" data-testid="project-issues">
      <thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Assignee</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
    <p class="muted">Showing the first ${issues.length} issues.</p>`;
  return renderLayout({
    ctx,
    title: project.name,
    section: 'projects',
    sidebar: projectSidebar(project, 'issues'),
    main,
    state: { page: 'project' },
  });
}

export function renderProjectsPage(
  ctx: FrameContext,
  projects: { key: string; name: string; category: string | null }[],
) {
  const rows =
    projects.length === 0
      ? html`<tr><td colspan="3" class="muted">You can't browse any projects.</td></tr>`
      : html`${projects.map(
          (p) =>
            html`<tr><td><a href="${PATHS.browse(p.key)}">${p.name}</a></td><td>${p.key}</td><td>${p.category ?? ''}</td></tr>`,
        )}`;
  return renderLayout({
    ctx,
    title: 'Projects',
    section: 'projects',
    main: html`<h1>Projects</h1>
      <table class="issue-table" data-testid="projects-table">
        <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Category</th></tr></thead>
        <tbody>${rows}</tbody>
      </table>`,
    state: { page: 'projects' },
  });
}

/** A page with a title and a message, inside the frame when there is a context. */
export function renderMessagePage(options: { title: string; body: SafeHtml; ctx?: FrameContext }): SafeHtml {
  const main = html`<div class="message-page"><h1>${options.title}</h1>${options.body}</div>`;
  if (options.ctx) return renderLayout({ ctx: options.ctx, title: options.title, section: 'projects', main });
  return html`<!doctype html>
<html lang="en" data-color-mode="light" data-theme="${THEME_ATTR}">
<head><meta charset="utf-8"><title>${options.title}</title>
<link rel="stylesheet" href="/__host/tokens/atlassian-light.css"><link rel="stylesheet" href="/__host/frame.css"></head>
<body><main id="main" class="content">${main}</main></body>
</html>
`;
}
