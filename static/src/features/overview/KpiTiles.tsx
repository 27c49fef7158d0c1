import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import { formatCount } from '../../shared/lib/format';
import { type FigureTile, FigureTiles } from '../../shared/ui/FigureTiles';
import type { PortfolioSummary } from './portfolio-summary';

/** The number of red projects: a count, 'loading' while the health report is computed, null when it failed. */
export type RedProjects = number | 'loading' | null;

function redProjectsValue(red: RedProjects): ReactNode {
  if (red === 'loading') return <Spinner size="small" label="Computing the number of red projects" />;
  if (red === null) return <span title="Health could not be computed">—</span>;
  return formatCount(red);
}

/** Headline figures of the portfolio. */
export function KpiTiles({ summary, redProjects }: { summary: PortfolioSummary; redProjects: RedProjects }) {
  const tiles: FigureTile[] = [
    { id: 'projects', label: 'Projects', value: formatCount(summary.projects) },
    { id: 'red-projects', label: 'Red projects', value: redProjectsValue(redProjects) },
    { id: 'open', label: 'Open issues (To Do + In progress)', value: formatCount(summary.open) },
    { id: 'done', label: 'Done issues', value: formatCount(summary.done) },
  ];
  return (
    <section aria-label="Portfolio figures">
      <FigureTiles tiles={tiles} testIdPrefix="kpi" />
      {summary.unknownProjects > 0 ? (
        <p className="pmo-subtlest">
          Issue figures leave out {summary.unknownProjects}{' '}
          {summary.unknownProjects === 1 ? 'project' : 'projects'} whose counts could not be read.
        </p>
      ) : null}
    </section>
  );
}
