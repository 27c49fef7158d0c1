import { token } from '@atlaskit/tokens';
import type { PortfolioHistory } from '@contracts/history';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { RAG_FILL } from '../../shared/history/rag-colors';
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from './chart-style';

const SERIES = [
  { key: 'red', name: 'Red' },
  { key: 'amber', name: 'Amber' },
  { key: 'green', name: 'Green' },
  { key: 'none', name: 'No data' },
] as const;

/** The first and last day of the reconstructed stretch, if any (backfill covers the oldest days). */
function reconstructedRange(days: PortfolioHistory['days']): { from: string; to: string } | null {
  const rebuilt = days.filter((day) => day.reconstructed);
  const first = rebuilt[0];
  const last = rebuilt.at(-1);
  return first && last ? { from: first.day, to: last.day } : null;
}

/** One sentence with the latest counts and the change over the window, for screen readers. */
export function describeRagCounts(history: PortfolioHistory): string {
  const recorded = history.days.filter((day) => day.recorded);
  const first = recorded[0];
  const last = recorded.at(-1);
  if (!first || !last) return 'No health recorded in this period yet.';
  const counts = (day: typeof last) =>
    `${day.counts.red} red, ${day.counts.amber} amber, ${day.counts.green} green`;
  return first === last
    ? `On ${last.day}: ${counts(last)}.`
    : `On ${first.day}: ${counts(first)}. On ${last.day}: ${counts(last)}.`;
}

/** The portfolio's red / amber / green project counts per day, stacked. */
export function PortfolioRagChart({ history }: { history: PortfolioHistory }) {
  const data = history.days.map((day) =>
    day.recorded
      ? { day: day.day, ...day.counts }
      : { day: day.day, red: null, amber: null, green: null, none: null },
  );
  const rebuilt = reconstructedRange(history.days);
  const description = describeRagCounts(history);
  return (
    <figure className="pmo-chart" data-testid="portfolio-rag-chart">
      <div role="img" aria-label={`Projects per RAG over time. ${description}`}>
        <ResponsiveContainer width="100%" height={220}>
          <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={AXIS_TICK} minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} width={32} />
            <Tooltip {...TOOLTIP_STYLE} />
            <Legend />
            {rebuilt ? (
              <ReferenceArea
                x1={rebuilt.from}
                x2={rebuilt.to}
                fill={token('color.background.neutral')}
                fillOpacity={0.5}
                label={{
                  value: 'Reconstructed',
                  position: 'insideTop',
                  fill: token('color.text.subtle'),
                  fontSize: 11,
                }}
              />
            ) : null}
            {SERIES.map((series) => (
              <Area
                key={series.key}
                type="stepAfter"
                dataKey={series.key}
                name={series.name}
                stackId="rag"
                stroke={RAG_FILL[series.key]}
                fill={RAG_FILL[series.key]}
                fillOpacity={0.85}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="pmo-subtle" data-testid="portfolio-rag-summary">
        {description}
        {rebuilt ? ` Days from ${rebuilt.from} to ${rebuilt.to} were reconstructed from Jira's history.` : ''}
      </figcaption>
    </figure>
  );
}
