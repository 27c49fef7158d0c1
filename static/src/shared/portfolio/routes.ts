/**
 * The portfolio page's sub-pages. Paths match the routes of the global page's `pages` in the
 * manifest, so Jira's own sub-page links and deep links (e.g. `/dependencies`) land on the same view.
 */
export const PORTFOLIO_ROUTES = [
  { id: 'overview', path: '/overview', label: 'Overview' },
  { id: 'trends', path: '/trends', label: 'Trends' },
  { id: 'dependencies', path: '/dependencies', label: 'Dependencies' },
  { id: 'raid', path: '/raid', label: 'RAID' },
  { id: 'compliance', path: '/compliance', label: 'Compliance' },
  { id: 'gates', path: '/gates', label: 'Gates' },
  { id: 'status', path: '/status', label: 'Status' },
  { id: 'prioritise', path: '/prioritise', label: 'Prioritise' },
] as const;

export type PortfolioRoute = (typeof PORTFOLIO_ROUTES)[number];
export type PortfolioRouteId = PortfolioRoute['id'];

/**
 * The sub-page a location path shows: `/` (or nothing) is the overview; matching ignores case,
 * a trailing slash, query and hash. Null for a path that names no sub-page.
 */
export function matchRoute(pathname: string | null | undefined): PortfolioRouteId | null {
  const path = (pathname ?? '').split(/[?#]/, 1)[0] ?? '';
  const segments = path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.toLowerCase());
  if (segments.length === 0) return 'overview';
  if (segments.length > 1) return null;
  const route = PORTFOLIO_ROUTES.find((candidate) => candidate.id === segments[0]);
  return route ? route.id : null;
}

export function routeById(id: PortfolioRouteId): PortfolioRoute {
  const route = PORTFOLIO_ROUTES.find((candidate) => candidate.id === id);
  if (!route) throw new Error(`Unknown portfolio route ${id}`);
  return route;
}
