import '../../shared/theme/feature-flags';
import { lazy } from 'react';
import { AlertsBell } from '../../features/alerts/AlertsBell';
import { PortfolioApp, type PortfolioPages } from '../../features/portfolio-shell/PortfolioApp';
import { mount } from '../../shared/ui/mount';

/** The views of the portfolio page, each loaded when first shown. */
const PAGES: PortfolioPages = {
  overview: lazy(() => import('../../features/overview/OverviewPage')),
  trends: lazy(() => import('../../features/trends/TrendsPage')),
  dependencies: lazy(() => import('../../features/dependencies/DependenciesPage')),
  raid: lazy(() => import('../../features/raid/RaidPage')),
  compliance: lazy(() => import('../../features/compliance/CompliancePage')),
  gates: lazy(() => import('../../features/gates/GatesPage')),
  status: lazy(() => import('../../features/status/StatusPage')),
  prioritise: lazy(() => import('../../features/prioritise/PrioritisePage')),
};

mount(<PortfolioApp pages={PAGES} headerTools={<AlertsBell />} />);
