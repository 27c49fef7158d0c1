import type { MouseEvent, ReactNode } from 'react';
import { PORTFOLIO_ROUTES, type PortfolioRouteId } from '../../shared/portfolio/routes';
import { PortfolioPicker } from './PortfolioPicker';
import './portfolio-shell.css';

type Props = {
  current: PortfolioRouteId | null;
  onNavigate: (path: string) => void;
  /** Tools the entry puts next to the portfolio picker (the alerts bell). */
  tools?: ReactNode;
};

/**
 * The portfolio page's header: the sub-page tabs (plain links, keyboard and screen-reader friendly,
 * routed through history) and the portfolio picker that every sub-page follows.
 */
export function PortfolioNav({ current, onNavigate, tools }: Props) {
  return (
    <header className="pmo-shell-header">
      <nav className="pmo-tabs" aria-label="Portfolio pages">
        <ul className="pmo-tabs__list">
          {PORTFOLIO_ROUTES.map((route) => {
            const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0)
                return;
              event.preventDefault();
              onNavigate(route.path);
            };
            return (
              <li key={route.id}>
                <a
                  className="pmo-tabs__link"
                  href={route.path}
                  aria-current={route.id === current ? 'page' : undefined}
                  data-testid={`nav-${route.id}`}
                  onClick={onClick}
                >
                  {route.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="pmo-shell-header__tools">
        {tools}
        <PortfolioPicker />
      </div>
    </header>
  );
}
