/**
 * The app's UI modules as manifest.yml declares them (keys, titles, resources, global-page routes),
 * and the host URLs that play Jira's pages for them. `modules.test.ts` checks these against the
 * manifest so a renamed module or page shows up here.
 */
export const PORTFOLIO_MODULE = {
  key: 'pmo-portfolio-page',
  type: 'jira:globalPage',
  entry: 'portfolio',
  title: 'PMO Portfolio',
} as const;

export const ISSUE_PANEL_MODULE = {
  key: 'pmo-issue-panel',
  type: 'jira:issuePanel',
  entry: 'issue-panel',
  title: 'PMO standards',
} as const;

export const ADMIN_MODULE = {
  key: 'pmo-admin-page',
  type: 'jira:adminPage',
  entry: 'admin',
  title: 'PMO Portfolio settings',
} as const;

export const UI_MODULES = [PORTFOLIO_MODULE, ISSUE_PANEL_MODULE, ADMIN_MODULE] as const;

/** The global page's `pages`, in manifest order: the sidebar and the app's history routes. */
export const PORTFOLIO_PAGES = [
  { title: 'Overview', route: 'overview' },
  { title: 'Trends', route: 'trends' },
  { title: 'Dependencies', route: 'dependencies' },
  { title: 'RAID', route: 'raid' },
  { title: 'Compliance', route: 'compliance' },
  { title: 'Gates', route: 'gates' },
  { title: 'Status', route: 'status' },
  { title: 'Prioritise', route: 'prioritise' },
] as const;

/** Host paths standing in for Jira's. */
export const PATHS = {
  portfolio: '/jira/apps/pmo-portfolio',
  admin: '/jira/settings/apps/pmo-portfolio',
  projects: '/jira/projects',
  browse: (key: string) => `/jira/browse/${encodeURIComponent(key)}`,
} as const;
