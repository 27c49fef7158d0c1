import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import { ProblemText } from '../ui/FieldFrame';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { NumberField } from '../ui/TextFields';

const SCALE = [1, 2, 3, 4, 5] as const;
const SCALE_CHOICES = SCALE.map((n) => ({ value: String(n), label: String(n) }));

const FALLBACKS = [
  { key: 'probability', label: 'Assumed probability' },
  { key: 'impact', label: 'Assumed impact' },
] as const;

export type RiskLevel = 'high' | 'medium' | 'low' | 'unknown';

/** How a score P x I reads under the matrix; thresholds being edited may be NaN. */
export function riskLevel(score: number, matrix: { high: number; medium: number }): RiskLevel {
  if (Number.isNaN(matrix.high) || Number.isNaN(matrix.medium)) return 'unknown';
  if (score >= matrix.high) return 'high';
  if (score >= matrix.medium) return 'medium';
  return 'low';
}

/** Risk matrix: where probability x impact becomes a medium and a high risk, with a live heat map. */
export function RiskMatrixSection({ config, update, problems }: EditorProps) {
  const { riskMatrix, riskFallback } = config.engine;
  /** Everything of a threshold's field but its label. */
  const thresholdField = (key: 'high' | 'medium') => ({
    value: riskMatrix[key],
    onChange: (value: number) =>
      update((draft) => ({
        ...draft,
        engine: { ...draft.engine, riskMatrix: { ...draft.engine.riskMatrix, [key]: value } },
      })),
    problems: problemsAt(problems, ['engine', 'riskMatrix', key]),
    min: 1,
    max: 25,
    testId: `risk-${key}`,
  });
  const setFallback = (key: (typeof FALLBACKS)[number]['key'], value: number) =>
    update((draft) => ({
      ...draft,
      engine: { ...draft.engine, riskFallback: { ...draft.engine.riskFallback, [key]: value } },
    }));
  return (
    <div className="pmo-stack">
      <SectionIntro section="risk-matrix">
        A risk's score is probability × impact, each from 1 to 5. The thresholds below decide which scores are
        medium and high; the heat map shows the result.
      </SectionIntro>
      <div className="pmo-matrix-layout">
        <div className="pmo-stack">
          <NumberField label="High from score" {...thresholdField('high')} />
          <NumberField label="Medium from score" {...thresholdField('medium')} />
          <ProblemText messages={problemsAt(problems, ['engine', 'riskMatrix'])} />
          <fieldset className="pmo-group">
            <legend className="pmo-group__legend">When a risk has no probability or impact</legend>
            <p className="pmo-field__help">
              It is scored as if the missing value were this, and marked “assumed” in the RAID log so the PMO
              can chase the owner for a real estimate.
            </p>
            <div className="pmo-inline-fields">
              {FALLBACKS.map(({ key, label }) => (
                <SelectField
                  key={key}
                  label={label}
                  value={String(riskFallback[key])}
                  options={SCALE_CHOICES}
                  onChange={(value) => setFallback(key, Number(value))}
                  problems={problemsAt(problems, ['engine', 'riskFallback', key])}
                  testId={`risk-fallback-${key}`}
                />
              ))}
            </div>
          </fieldset>
        </div>
        <figure className="pmo-heatmap" aria-labelledby="heatmap-caption">
          <table className="pmo-heatmap__grid" data-testid="risk-heatmap">
            <caption id="heatmap-caption">Risk level by probability (rows) and impact (columns)</caption>
            <thead>
              <tr>
                <td />
                {SCALE.map((impact) => (
                  <th key={impact} scope="col">
                    Impact {impact}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...SCALE].reverse().map((probability) => (
                <tr key={probability}>
                  <th scope="row">Probability {probability}</th>
                  {SCALE.map((impact) => {
                    const score = probability * impact;
                    const level = riskLevel(score, riskMatrix);
                    return (
                      <td key={impact} className={`pmo-heatmap__cell pmo-heatmap__cell--${level}`}>
                        <span className="pmo-numeric">{score}</span>
                        <span className="pmo-visually-hidden"> {level}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="pmo-legend-items pmo-heatmap__legend" aria-label="Legend">
            <li>
              <span className="pmo-swatch pmo-heatmap__cell--high" aria-hidden="true" /> High
            </li>
            <li>
              <span className="pmo-swatch pmo-heatmap__cell--medium" aria-hidden="true" /> Medium
            </li>
            <li>
              <span className="pmo-swatch pmo-heatmap__cell--low" aria-hidden="true" /> Low
            </li>
          </ul>
        </figure>
      </div>
    </div>
  );
}
