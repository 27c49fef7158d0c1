import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { type ComponentType, type ReactNode, Suspense } from 'react';
import { PortfolioReportProvider } from '../../shared/portfolio/portfolio-report-context';
import { matchRoute, type PortfolioRouteId, routeById } from '../../shared/portfolio/routes';
import { LoadingState } from '../../shared/ui/LoadingState';
import { PortfolioNav } from './PortfolioNav';
import { readRememberedPortfolio } from './portfolio-choice';
import { usePortfolioLocation } from './use-portfolio-location';

/** The component that draws each sub-page (lazy-loaded), given by the entry so the shell imports no view. */
export type PortfolioPages = Readonly<Record<PortfolioRouteId, ComponentType>>;

/**
 * The portfolio global page: sub-page tabs on top, the routed page below. `headerTools` (from the
 * entry, so the shell imports no feature) sit next to the portfolio picker.
 */
export function PortfolioApp({ pages, headerTools }: { pages: PortfolioPages; headerTools?: ReactNode }) {
  const location = usePortfolioLocation();
  if (location.status === 'loading') {
    return (
      <main className="pmo-page">
        <h1 className="pmo-visually-hidden">PMO Portfolio</h1>
        <LoadingState label="Loading the portfolio" />
      </main>
    );
  }
  const route = matchRoute(location.pathname);
  const Page = route === null ? null : pages[route];
  return (
    <PortfolioReportProvider initialPortfolioId={readRememberedPortfolio()}>
      <PortfolioNav current={route} onNavigate={location.navigate} tools={headerTools} />
      <main className="pmo-page" data-testid={`page-${route ?? 'not-found'}`}>
        {route === null || Page === null ? (
          <EmptyState
            header="This page doesn't exist"
            headingLevel={1}
            description="The link you followed doesn't match a page of the PMO portfolio."
            primaryAction={
              <Button appearance="primary" onClick={() => location.navigate(routeById('overview').path)}>
                Go to the overview
              </Button>
            }
          />
        ) : (
          <Suspense fallback={<LoadingState label={`Loading ${routeById(route).label}`} />}>
            <Page />
          </Suspense>
        )}
      </main>
    </PortfolioReportProvider>
  );
}
