import type { EngineSettings } from '@domain/settings';
import { PERCENT_INDICATORS } from '../draft/threshold-ranges';
import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { ProblemText } from '../ui/FieldFrame';
import { SectionIntro } from '../ui/SectionIntro';
import { NumberField } from '../ui/TextFields';
import { ComplianceHealthFields } from './ComplianceHealthFields';

type Indicator = keyof EngineSettings['health'];

/** The two thresholds of every indicator, in the table's column order. */
const LEVELS = ['amber', 'red'] as const;

const INDICATORS: {
  key: Indicator;
  name: string;
  measure: string;
  lowerIsWorse?: true;
}[] = [
  { key: 'schedule', name: 'Schedule', measure: 'Open issues past their due date' },
  { key: 'blocked', name: 'Blockers', measure: 'Open issues blocked by an unresolved issue' },
  {
    key: 'dateConflicts',
    name: 'Date conflicts',
    measure: 'Open issues whose open blocker is due after them',
  },
  { key: 'staleness', name: 'Staleness', measure: 'In-progress issues not updated recently' },
  {
    key: 'compliance',
    name: 'Compliance',
    measure: 'Evaluated issues that meet the standards counted below',
    lowerIsWorse: true,
  },
  {
    key: 'variance',
    name: 'Schedule variance',
    measure: "Days the forecast finish is later than the newest baseline's",
  },
  {
    key: 'scope',
    name: 'Scope change',
    measure: 'Change of the scope since the newest baseline, added or removed',
  },
];

/** Days of schedule variance; a share of issues or a scope change is a percentage; date conflicts count issues. */
const unitOf = (key: Indicator): '%' | ' days' | '' =>
  key === 'variance' ? ' days' : PERCENT_INDICATORS.has(key) ? '%' : '';

const suffixOf = (key: Indicator): string => unitOf(key).trim() || 'issues';

function rule(indicator: (typeof INDICATORS)[number], values: { amber: number; red: number }): string {
  const unit = unitOf(indicator.key);
  const fmt = (n: number) => (Number.isNaN(n) ? '…' : `${n}${unit}`);
  return indicator.lowerIsWorse
    ? `Amber below ${fmt(values.amber)}, red below ${fmt(values.red)}.`
    : `Amber at ${fmt(values.amber)} or more, red at ${fmt(values.red)} or more.`;
}

/** Health thresholds: where each indicator turns amber and red. */
export function ThresholdsSection({ config, update, problems }: EditorProps) {
  const { health } = config.engine;
  const setThreshold = (key: Indicator, level: (typeof LEVELS)[number], value: number) =>
    update((draft) => ({
      ...draft,
      engine: {
        ...draft.engine,
        health: { ...draft.engine.health, [key]: { ...draft.engine.health[key], [level]: value } },
      },
    }));
  return (
    <div className="pmo-stack">
      <SectionIntro section="thresholds">
        A project's RAG is its worst indicator, with compliance weighing as set below. The risk indicator
        follows the risk matrix: red for a high open risk, amber for a medium one. Schedule variance and scope
        change count only once a project has a baseline (set on the Trends page, or captured when a gate is
        passed).
      </SectionIntro>
      <table className="pmo-table" aria-label="Health thresholds per indicator">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Amber at</th>
            <th scope="col">Red at</th>
            <th scope="col">Reads as</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((indicator) => {
            const values = health[indicator.key];
            const path = ['engine', 'health', indicator.key];
            return (
              <tr key={indicator.key} data-testid={`threshold-${indicator.key}`}>
                <th scope="row">
                  <span className="pmo-table__strong">{indicator.name}</span>
                  <span className="pmo-subtlest pmo-block">{indicator.measure}</span>
                </th>
                {LEVELS.map((level) => (
                  <td key={level}>
                    <NumberField
                      label={`${indicator.name}: ${level} at`}
                      hideLabel
                      value={values[level]}
                      onChange={(value) => setThreshold(indicator.key, level, value)}
                      problems={problemsAt(problems, [...path, level])}
                      min={0}
                      max={unitOf(indicator.key) === '%' ? 100 : undefined}
                      suffix={suffixOf(indicator.key)}
                      testId={`threshold-${indicator.key}-${level}`}
                    />
                  </td>
                ))}
                <td>
                  <span className="pmo-subtle">{rule(indicator, values)}</span>
                  <ProblemText messages={problemsAt(problems, path)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <NumberField
        label="An in-progress issue is stale after"
        value={config.engine.staleDays}
        onChange={(staleDays) => update((draft) => ({ ...draft, engine: { ...draft.engine, staleDays } }))}
        problems={problemsAt(problems, ['engine', 'staleDays'])}
        min={1}
        max={365}
        suffix="days without an update"
        testId="threshold-stale-days"
      />
      <ComplianceHealthFields config={config} update={update} />
    </div>
  );
}
