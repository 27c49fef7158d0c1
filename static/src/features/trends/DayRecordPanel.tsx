import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { ProjectHistoryDay } from '@contracts/history';
import { INDICATOR_MEASURE_LABEL } from '@domain/health/indicator-labels';
import { formatCount } from '../../shared/lib/format';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { ColumnHeads } from '../../shared/ui/table/ColumnHeads';

/** One recorded day of a project, as computed then: what made it red, with the reasons of that day. */
export function DayRecordPanel({ projectName, day }: { projectName: string; day: ProjectHistoryDay }) {
  const { kpis } = day;
  const compliance =
    day.compliance.evaluated === 0
      ? 'no issue under a standard'
      : `${day.compliance.compliant} of ${day.compliance.evaluated} issues compliant`;
  return (
    <section className="pmo-day-record" aria-labelledby="day-record-heading" data-testid="day-record">
      <div className="pmo-section-header">
        <Heading size="small" as="h3" id="day-record-heading">
          {projectName} on {day.day}
        </Heading>
        <span className="pmo-inline">
          <RagLozenge rag={day.rag} />
          {day.overridden ? (
            <span className="pmo-subtle" data-testid="day-record-computed">
              manual override; computed <RagLozenge rag={day.computedRag} />
            </span>
          ) : null}
          {day.reconstructed ? (
            <Lozenge appearance="new" testId="day-record-reconstructed">
              Reconstructed
            </Lozenge>
          ) : null}
        </span>
      </div>
      <table className="pmo-simple-table" data-testid="day-record-indicators">
        <caption className="pmo-visually-hidden">Health indicators on {day.day}</caption>
        <ColumnHeads labels={['Indicator', 'Value', 'RAG', 'Why']} />
        <tbody>
          {day.indicators.map((indicator) => (
            <tr key={indicator.name} data-testid={`day-indicator-${indicator.name}`}>
              <th scope="row">{INDICATOR_MEASURE_LABEL[indicator.name]}</th>
              <td className="pmo-numeric">{indicator.value === null ? '—' : indicator.value}</td>
              <td>
                <RagLozenge rag={indicator.rag} />
              </td>
              <td>{indicator.reason ?? <span className="pmo-subtle">Within its thresholds</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="pmo-facts" data-testid="day-record-kpis">
        <dt>Open</dt>
        <dd>{formatCount(kpis.open)}</dd>
        <dt>In progress</dt>
        <dd>{formatCount(kpis.inProgress)}</dd>
        <dt>Done</dt>
        <dd>{formatCount(kpis.done)}</dd>
        <dt>Overdue</dt>
        <dd>{formatCount(kpis.overdue)}</dd>
        <dt>Resolved in the 7 days before</dt>
        <dd>{formatCount(kpis.resolvedLastWeek)}</dd>
        <dt>Average open age</dt>
        <dd>{kpis.averageOpenAgeDays === null ? '—' : `${kpis.averageOpenAgeDays} days`}</dd>
        <dt>Risk exposure</dt>
        <dd>{formatCount(day.riskExposure)}</dd>
        <dt>Compliance</dt>
        <dd>{compliance}</dd>
        <dt>Gated issues by stage</dt>
        <dd>
          {Object.keys(day.stages).length === 0
            ? 'none'
            : Object.entries(day.stages)
                .map(([stage, count]) => `${stage}: ${count}`)
                .join(', ')}
        </dd>
        <dt>Settings version</dt>
        <dd>{day.settingsVersion}</dd>
      </dl>
    </section>
  );
}
