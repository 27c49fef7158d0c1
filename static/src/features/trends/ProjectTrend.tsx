import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { HistoryMarker, ProjectHistory } from '@contracts/history';
import { INDICATOR_MEASURE_LABEL } from '@domain/health/indicator-labels';
import { daysFrom } from '@domain/history/calendar';
import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useResolver } from '../../shared/api/use-resolver';
import { RAG_FILL } from '../../shared/history/rag-colors';
import { CallState } from '../../shared/ui/CallState';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { BaselinesSection } from './BaselinesSection';
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from './chart-style';
import { DayRecordPanel } from './DayRecordPanel';

const PERCENT_LINES = [
  { key: 'schedule', color: token('color.chart.red.bold') },
  { key: 'blockers', color: token('color.chart.orange.bold') },
  { key: 'staleness', color: token('color.chart.purple.bold') },
  { key: 'compliance', color: token('color.chart.blue.bold') },
] as const;

const MARKER_COLOR: Record<HistoryMarker['kind'], string> = {
  settings: token('color.border.discovery'),
  override: token('color.border.warning'),
  gate: token('color.border.success'),
  baseline: token('color.border.brand'),
};

const RAG_LEVEL = { none: 1, green: 1, amber: 2, red: 3 } as const;

function TrendChart({ history, onPick }: { history: ProjectHistory; onPick: (day: string) => void }) {
  // Every calendar day of the window: a day without a record is a gap in the lines, never bridged.
  const byDay = new Map(history.days.map((day) => [day.day, day]));
  const data = daysFrom(history.days[0]?.day ?? history.to, history.to).map((date) => {
    const day = byDay.get(date);
    if (!day) return { day: date, rag: null, level: 0 };
    return {
      day: date,
      rag: day.rag,
      level: RAG_LEVEL[day.rag],
      ...Object.fromEntries(day.indicators.map((indicator) => [indicator.name, indicator.value])),
    };
  });
  const pick = (state: { activeLabel?: string | number } | null) => {
    if (state && typeof state.activeLabel === 'string') onPick(state.activeLabel);
  };
  return (
    <div
      role="img"
      aria-label={`Indicators of ${history.name} over ${history.days.length} recorded days; choose a day below to see its record.`}
      className="pmo-chart"
      data-testid="project-trend-chart"
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart
          data={data}
          syncId="project-trend"
          onClick={pick}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={AXIS_TICK} minTickGap={24} />
          <YAxis yAxisId="percent" domain={[0, 100]} unit="%" tick={AXIS_TICK} width={44} />
          <YAxis yAxisId="risk" orientation="right" domain={[0, 25]} tick={AXIS_TICK} width={32} />
          <Tooltip {...TOOLTIP_STYLE} />
          <Legend />
          {history.markers.map((marker) => (
            <ReferenceLine
              key={`${marker.day}-${marker.kind}-${marker.text}`}
              yAxisId="percent"
              x={marker.day}
              stroke={MARKER_COLOR[marker.kind]}
              strokeDasharray="4 2"
            />
          ))}
          {PERCENT_LINES.map((line) => (
            <Line
              key={line.key}
              yAxisId="percent"
              type="monotone"
              dataKey={line.key}
              name={INDICATOR_MEASURE_LABEL[line.key]}
              stroke={line.color}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="risk"
            type="stepAfter"
            dataKey="risk"
            name={INDICATOR_MEASURE_LABEL.risk}
            stroke={token('color.chart.gray.bold')}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={18}>
        <BarChart
          data={data}
          syncId="project-trend"
          onClick={pick}
          barCategoryGap={0}
          margin={{ top: 0, right: 48, bottom: 0, left: 44 }}
        >
          <XAxis dataKey="day" hide />
          <Bar dataKey="level" isAnimationActive={false} name="RAG">
            {data.map((entry) => (
              <Cell key={entry.day} fill={entry.rag ? RAG_FILL[entry.rag] : 'transparent'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One project's health over time: indicators, RAG band, markers, and the record of any day. */
export function ProjectTrend({
  portfolioId,
  days,
  projects,
}: {
  portfolioId: string;
  days: number;
  projects: readonly { key: string; name: string }[];
}) {
  const [projectKey, setProjectKey] = useState(projects[0]?.key ?? '');
  const selected = projects.some((project) => project.key === projectKey)
    ? projectKey
    : (projects[0]?.key ?? '');
  const payload = useMemo(
    () => (selected ? { portfolioId, projectKey: selected, days } : null),
    [portfolioId, selected, days],
  );
  const history = useResolver('getProjectHistory', payload);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const recorded = history.data?.days ?? [];
  const day = recorded.find((candidate) => candidate.day === pickedDay) ?? recorded.at(-1) ?? null;
  return (
    <section className="pmo-section" aria-labelledby="project-trend-heading" data-testid="project-trend">
      <div className="pmo-section-header">
        <Heading size="medium" as="h2" id="project-trend-heading">
          Project trend
        </Heading>
        <label className="pmo-inline">
          <span>Project</span>
          <select
            className="pmo-select"
            value={selected}
            onChange={(event) => {
              setProjectKey(event.target.value);
              setPickedDay(null);
            }}
            data-testid="project-trend-select"
          >
            {projects.map((project) => (
              <option key={project.key} value={project.key}>
                {project.name} ({project.key})
              </option>
            ))}
          </select>
        </label>
      </div>
      <CallState call={history} loading="Loading the project's history" what="load the project's history" />
      {history.data && recorded.length === 0 ? (
        <EmptyMessage
          testId="project-trend-empty"
          header="Nothing recorded in this period"
          headingLevel={3}
          description="Each completed refresh records the day; choose a longer period or come back after the next refresh."
        />
      ) : null}
      {history.data && day ? (
        <div className="pmo-stack">
          <TrendChart history={history.data} onPick={setPickedDay} />
          {history.data.markers.length > 0 ? (
            <ul className="pmo-markers" aria-label="What happened" data-testid="project-trend-markers">
              {history.data.markers.map((marker) => (
                <li key={`${marker.day}-${marker.kind}-${marker.text}`} data-kind={marker.kind}>
                  <span className="pmo-key">{marker.day}</span> {marker.text}
                </li>
              ))}
            </ul>
          ) : null}
          <label className="pmo-inline">
            <span>Open the record of</span>
            <select
              className="pmo-select"
              value={day.day}
              onChange={(event) => setPickedDay(event.target.value)}
              data-testid="day-record-select"
            >
              {[...recorded].reverse().map((candidate) => (
                <option key={candidate.day} value={candidate.day}>
                  {candidate.day}
                  {candidate.reconstructed ? ' (reconstructed)' : ''}
                </option>
              ))}
            </select>
          </label>
          <DayRecordPanel projectName={history.data.name} day={day} />
          <BaselinesSection portfolioId={portfolioId} projectKey={selected} days={days} />
        </div>
      ) : null}
    </section>
  );
}
