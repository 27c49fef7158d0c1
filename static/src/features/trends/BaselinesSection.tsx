import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ProjectBaselines } from '@contracts/history';
import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { toInvokeError } from '../../shared/api/invoke-error';
import { useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { formatScopeChange, formatVarianceDays } from '../../shared/lib/variance-format';
import { CallState } from '../../shared/ui/CallState';
import { BaselineVsActualChart } from './BaselineVsActualChart';
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from './chart-style';

/** Planned issues drawn in the baseline-vs-actual chart: the ones that slipped most. */
const CHART_ISSUES = 15;

function describeVariance(variance: NonNullable<ProjectBaselines['variance']>): string {
  const schedule =
    variance.scheduleDays === null
      ? 'The forecast finish cannot be compared (no due dates on open work).'
      : variance.scheduleDays === 0
        ? 'The forecast finish is where the baseline put it.'
        : `The forecast finish is ${Math.abs(variance.scheduleDays)} days ${variance.scheduleDays > 0 ? 'later' : 'earlier'} than in the baseline${variance.forecastFinish ? ` (now ${variance.forecastFinish})` : ''}.`;
  const unit = variance.scopeUnit === 'points' ? 'story points' : 'issues';
  const scope =
    variance.scopePercent === null
      ? ''
      : variance.scopePercent === 0
        ? ` Scope is unchanged (${variance.currentScope} ${unit}).`
        : ` Scope ${variance.scopePercent > 0 ? 'grew' : 'shrank'} by ${Math.abs(variance.scopePercent)}% (${variance.baselineScope} → ${variance.currentScope} ${unit}).`;
  return schedule + scope;
}

function SlipChart({ issues }: { issues: NonNullable<ProjectBaselines['variance']>['issues'] }) {
  const data = issues
    .filter((issue) => issue.slipDays !== null && issue.slipDays !== 0)
    .sort((a, b) => Math.abs(b.slipDays ?? 0) - Math.abs(a.slipDays ?? 0))
    .slice(0, CHART_ISSUES)
    .map((issue) => ({ key: issue.key, slip: issue.slipDays ?? 0 }));
  if (data.length === 0) {
    return issues.length > 0 ? (
      <p className="pmo-subtle" data-testid="baseline-no-slip">
        No planned issue's due date has moved since the baseline ({issues.length} planned).
      </p>
    ) : null;
  }
  return (
    <div
      role="img"
      aria-label={`Days each planned issue's due date moved since the baseline: ${data.map((item) => `${item.key} ${item.slip}`).join(', ')}`}
      className="pmo-chart"
      data-testid="baseline-slip-chart"
    >
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 22 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
          <XAxis type="number" tick={AXIS_TICK} unit=" d" allowDecimals={false} />
          <YAxis type="category" dataKey="key" tick={AXIS_TICK} width={90} />
          <ReferenceLine x={0} stroke={token('color.border.bold')} />
          <Tooltip {...TOOLTIP_STYLE} />
          <Bar dataKey="slip" name="Days later than the baseline" isAnimationActive={false}>
            {data.map((item) => (
              <Cell
                key={item.key}
                fill={
                  item.slip > 0
                    ? token('color.background.danger.bold')
                    : token('color.background.success.bold')
                }
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Planned issues of the baseline that are no longer in the portfolio (deleted or moved away). */
function GoneIssues({ issues }: { issues: NonNullable<ProjectBaselines['variance']>['issues'] }) {
  const gone = issues.filter((issue) => issue.gone);
  if (gone.length === 0) return null;
  return (
    <p className="pmo-subtle" data-testid="baseline-gone">
      No longer in the portfolio (deleted or moved): {gone.map((issue) => issue.key).join(', ')}.
    </p>
  );
}

/** Where the baseline's start dates come from, when it kept any. */
function startsText(baseline: ProjectBaselines['baselines'][number]): string {
  const count = Object.keys(baseline.startDates ?? {}).length;
  if (count === 0 || !baseline.startDateSource) return '';
  const source =
    baseline.startDateSource === 'field' ? 'start date field' : 'created dates (no start date field)';
  return `, ${count} start ${count === 1 ? 'date' : 'dates'} from the ${source}`;
}

/** The project now against one baseline, as the list shows it: "+12 days, +8.5% of issues". */
function againstText(against: ProjectBaselines['baselines'][number]['against']): string {
  if (against === null) return 'not measured yet';
  const unit = against.scopeUnit === 'points' ? 'points' : 'issues';
  return `now ${formatVarianceDays(against.scheduleDays)}, scope ${formatScopeChange(against.scopePercent)} (${unit})`;
}

/**
 * A project's baselines: schedule and scope variance against the newest, baseline against actual
 * over the window of `days`, the list (each with the project now against it), and "Set baseline".
 */
export function BaselinesSection({
  portfolioId,
  projectKey,
  days,
}: {
  portfolioId: string;
  projectKey: string;
  days?: number;
}) {
  const payload = useMemo(
    () => ({ portfolioId, projectKey, ...(days ? { days } : {}) }),
    [portfolioId, projectKey, days],
  );
  const baselines = useResolver('listBaselines', payload);
  const setBaseline = useResolverAction('setBaseline');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    try {
      await setBaseline.run({ portfolioId, projectKey, note });
      setNote('');
      baselines.reload();
    } catch (error) {
      setProblem(toInvokeError(error).message);
    }
  };
  const data = baselines.data;
  return (
    <section className="pmo-baselines" aria-labelledby="baselines-heading" data-testid="baselines">
      <Heading size="small" as="h3" id="baselines-heading">
        Baselines
      </Heading>
      <CallState call={baselines} loading="Loading baselines" what="load the baselines" />
      {data ? (
        <div className="pmo-stack">
          {data.variance ? (
            <>
              <p data-testid="baseline-variance">{describeVariance(data.variance)}</p>
              <BaselineVsActualChart series={data.series} projectKey={projectKey} />
              <SlipChart issues={data.variance.issues} />
              <GoneIssues issues={data.variance.issues} />
            </>
          ) : (
            <p className="pmo-subtle" data-testid="baseline-none">
              No baseline yet. One is captured when an issue of the project passes a gate
              {data.canSet ? ', or set one now with a note' : ''}.
            </p>
          )}
          {data.captures > data.baselines.length ? (
            <p className="pmo-subtle" data-testid="baseline-replaced">
              {data.captures - data.baselines.length} earlier capture
              {data.captures - data.baselines.length === 1 ? ' was' : 's were'} replaced by a later one the
              same day (kept in the capture log).
            </p>
          ) : null}
          {data.baselines.length > 0 ? (
            <ul className="pmo-markers" data-testid="baseline-list">
              {data.baselines.map((baseline) => (
                <li key={baseline.capturedAt} data-testid={`baseline-${baseline.day}`}>
                  <span className="pmo-key">{baseline.day}</span>{' '}
                  <Lozenge appearance={baseline.trigger === 'gate' ? 'success' : 'inprogress'}>
                    {baseline.trigger === 'gate' ? 'Gate passed' : 'Set by PMO'}
                  </Lozenge>{' '}
                  {baseline.note || <span className="pmo-subtle">No note</span>}
                  {baseline.byName ? <span className="pmo-subtle"> by {baseline.byName}</span> : null}{' '}
                  <span className="pmo-subtle">
                    ({baseline.scope.issues} issues, {baseline.scope.storyPoints} points, finish{' '}
                    {baseline.forecastFinish ?? 'unknown'}, risk exposure {baseline.riskExposure}
                    {startsText(baseline)})
                  </span>{' '}
                  <span data-testid={`baseline-against-${baseline.day}`}>
                    {againstText(baseline.against)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {data.canSet ? (
            <form
              className="pmo-inline"
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <label className="pmo-inline">
                <span>Note</span>
                <input
                  className="pmo-date-input pmo-note-input"
                  value={note}
                  maxLength={1000}
                  onChange={(event) => setNote(event.target.value)}
                  data-testid="baseline-note"
                  placeholder="Why this baseline (e.g. re-plan after scope change)"
                />
              </label>
              <Button type="submit" isLoading={setBaseline.pending} testId="baseline-set">
                Set baseline
              </Button>
            </form>
          ) : null}
          {problem ? (
            <SectionMessage appearance="error" title="The baseline was not set" testId="baseline-error">
              <p>{problem}</p>
            </SectionMessage>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
