import { formatCount } from '../../shared/lib/format';
import type { PortfolioSummary } from './portfolio-summary';

/** Headline figures of the portfolio. */
export function KpiTiles({ summary }: { summary: PortfolioSummary }) {
  const tiles = [
    { id: 'projects', label: 'Projects', value: summary.projects },
    { id: 'open', label: 'Open issues (To Do + In progress)', value: summary.open },
    { id: 'done', label: 'Done issues', value: summary.done },
  ];
  return (
    <section aria-label="Portfolio figures">
      <dl className="pmo-kpis">
        {tiles.map((tile) => (
          <div className="pmo-kpi" key={tile.id} data-testid={`kpi-${tile.id}`}>
            <dt>{tile.label}</dt>
            <dd className="pmo-numeric">{formatCount(tile.value)}</dd>
          </div>
        ))}
      </dl>
      {summary.unknownProjects > 0 ? (
        <p className="pmo-subtlest">
          Issue figures leave out {summary.unknownProjects}{' '}
          {summary.unknownProjects === 1 ? 'project' : 'projects'} whose counts could not be read.
        </p>
      ) : null}
    </section>
  );
}
