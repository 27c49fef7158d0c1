import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../shared/ui/LoadingState';
import { PortfolioNav } from './PortfolioNav';
import { readRememberedPortfolio } from './portfolio-choice';
import { PortfolioReportProvider } from './portfolio-report-context';
import { matchRoute, type PortfolioRouteId, routeById } from './routes';
import { usePortfolioLocation } from './use-portfolio-location';

const OverviewPage = lazy(() => import('../overview/OverviewPage'));
const DependenciesPage = lazy(() => import('../dependencies/DependenciesPage'));
const RaidPage = lazy(() => import('../raid/RaidPage'));
const CompliancePage = lazy(() => import('../compliance/CompliancePage'));
const GatesPage = lazy(() => import('../gates/GatesPage'));

function PageFor({ route }: { route: PortfolioRouteId }) {
  if (route === 'overview') return <OverviewPage />;
  if (route === 'dependencies') return <DependenciesPage />;
  if (route === 'raid') return <RaidPage />;
  if (route === 'compliance') return <CompliancePage />;
  return <GatesPage />;
}

/** The portfolio global page: sub-page tabs on top, the routed page below. */
export function PortfolioApp() {
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
  return (
    <PortfolioReportProvider initialPortfolioId={readRememberedPortfolio()}>
      <PortfolioNav current={route} onNavigate={location.navigate} />
      <main className="pmo-page" data-testid={`page-${route ?? 'not-found'}`}>
        {route === null ? (
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
            <PageFor route={route} />
          </Suspense>
        )}
      </main>
    </PortfolioReportProvider>
  );
}
