import { token } from '@atlaskit/tokens';
import type { ProjectBaselines } from '@contracts/history';
import { daysFrom } from '@domain/history/calendar';
import { dayOfIsoDate, isoDateOfDay } from '@domain/kpis/time';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScopeChange, formatVarianceDays } from '../../shared/lib/variance-format';
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from './chart-style';

type Series = ProjectBaselines['series'];

const BASELINE_STROKE = token('color.chart.gray.bold');
const ACTUAL_STROKE = token('color.chart.blue.bold');

// A day without a record stays a gap (never bridged); no animation, so what is drawn is what was recorded.
const GAPPED = { connectNulls: false, isAnimationActive: false } as const;
/** The baseline: a dashed grey step, as it changes only when a new baseline is set. */
const BASELINE_LINE = {
  ...GAPPED,
  type: 'stepAfter',
  stroke: BASELINE_STROKE,
  strokeDasharray: '6 3',
} as const;
/** What happened (the forecast or actual): a solid blue line with small points. */
const ACTUAL_LINE = { ...GAPPED, type: 'linear', stroke: ACTUAL_STROKE, dot: { r: 2 } } as const;

/** Dates drawn as day numbers (recharts plots numbers), labelled back as ISO dates. */
const asDayNumber = (date: string | null) => (date === null ? null : dayOfIsoDate(date));
const asDate = (value: unknown) => (typeof value === 'number' ? isoDateOfDay(value) : String(value));

/** What the charts show on the last recorded day, said in words for screen readers and tests. */
function latestSummary(series: Series): string {
  const last = [...series].reverse().find((day) => day.baselineDay !== null);
  if (!last) return 'No baseline in this window.';
  const finish =
    last.forecastFinish === null
      ? `baseline finish ${last.baselineFinish ?? 'unknown'}, forecast finish not recorded`
      : `baseline finish ${last.baselineFinish}, forecast finish ${last.forecastFinish} (${formatVarianceDays(last.scheduleDays)})`;
  const scope =
    last.actualScope === null
      ? `scope baseline ${last.baselineScope} ${last.scopeUnit}, actual not recorded`
      : `scope baseline ${last.baselineScope} ${last.scopeUnit}, actual ${last.actualScope} ${last.scopeUnit}`;
  return `On ${last.day}: ${finish}; ${scope}.`;
}

/**
 * Baseline against actual over the window, from the recorded days: the baseline's finish against
 * the forecast finish, and the baseline's scope against the actual. A day without a record, or
 * recorded before the variance was kept, is a gap.
 */
export function BaselineVsActualChart({ series, projectKey }: { series: Series; projectKey: string }) {
  if (!series.some((day) => day.baselineDay !== null)) return null;
  const unit = [...series].reverse().find((day) => day.scopeUnit !== null)?.scopeUnit ?? 'issues';
  // Every calendar day of the window: a day without a record is a gap in the lines, never bridged.
  const byDay = new Map(series.map((day) => [day.day, day]));
  const data = daysFrom(series[0]?.day ?? '', series.at(-1)?.day ?? '').map((date) => {
    const day = byDay.get(date);
    return {
      day: date,
      baselineFinish: asDayNumber(day?.baselineFinish ?? null),
      forecastFinish: asDayNumber(day?.forecastFinish ?? null),
      baselineScope: day?.baselineScope ?? null,
      actualScope: day?.actualScope ?? null,
    };
  });
  // A line of one point draws nothing: mark the points while the baseline is that young.
  const baselineDot = data.filter((day) => day.baselineScope !== null).length <= 1 ? { r: 3 } : false;
  const summary = latestSummary(series);
  const last = [...series].reverse().find((day) => day.baselineDay !== null);
  const scopeChange =
    last?.actualScope != null && last.baselineScope
      ? formatScopeChange(
          Math.round(((last.actualScope - last.baselineScope) / last.baselineScope) * 1000) / 10,
        )
      : null;
  return (
    <div className="pmo-baseline-charts" data-testid="baseline-vs-actual">
      <div className="pmo-chart">
        <div
          role="img"
          aria-label={`Baseline finish against forecast finish of ${projectKey}. ${summary}`}
          data-testid="baseline-finish-chart"
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={AXIS_TICK} minTickGap={24} />
              <YAxis
                domain={['dataMin - 7', 'dataMax + 7']}
                tickFormatter={asDate}
                tick={AXIS_TICK}
                width={84}
                allowDecimals={false}
              />
              <Tooltip {...TOOLTIP_STYLE} formatter={(value) => asDate(value)} />
              <Legend />
              <Line {...BASELINE_LINE} dataKey="baselineFinish" name="Baseline finish" dot={baselineDot} />
              <Line {...ACTUAL_LINE} dataKey="forecastFinish" name="Forecast finish" />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <p className="pmo-subtle pmo-chart-caption">
          Finish dates: the baseline in effect each day against the forecast (latest due date of open work, or
          the actual finish).
        </p>
      </div>
      <div className="pmo-chart">
        <div
          role="img"
          aria-label={`Scope baseline against actual of ${projectKey}, in ${unit}.${scopeChange ? ` Change ${scopeChange}.` : ''}`}
          data-testid="baseline-scope-chart"
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={AXIS_TICK} minTickGap={24} />
              <YAxis domain={[0, 'auto']} tick={AXIS_TICK} width={44} />
              <Tooltip {...TOOLTIP_STYLE} />
              <Legend />
              <Line
                {...BASELINE_LINE}
                dataKey="baselineScope"
                name={`Baseline scope (${unit})`}
                dot={baselineDot}
              />
              <Line {...ACTUAL_LINE} dataKey="actualScope" name={`Actual scope (${unit})`} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <p className="pmo-subtle pmo-chart-caption">
          Scope in {unit === 'points' ? 'story points (the baseline had points)' : 'issues'}.
        </p>
      </div>
      <p className="pmo-subtle" data-testid="baseline-vs-actual-summary">
        {summary}
      </p>
    </div>
  );
}
