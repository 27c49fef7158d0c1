import type { ScoreResultView } from '@contracts/scoring';
import './score-bars.css';

/**
 * A score's breakdown: one bar per criterion, as long as the criterion's share of the weight, filled
 * as far as its rating goes in its direction. Filled parts add up to the weighted score.
 */
export function ScoreBars({
  result,
  compact = false,
  label,
}: {
  result: ScoreResultView;
  compact?: boolean;
  /** Read out to screen readers: "Breakdown of ATLAS-12's score". */
  label: string;
}) {
  const maxShare = Math.max(...result.parts.map((part) => part.weightShare), 0.0001);
  return (
    <ul
      className={`pmo-bare-list pmo-score-bars${compact ? ' pmo-score-bars--compact' : ''}`}
      aria-label={label}
    >
      {result.parts.map((part) => {
        const filled = part.normalised === null ? 0 : part.normalised;
        const text =
          part.normalised === null
            ? `${part.name}: not rated`
            : `${part.name}: ${Math.round(filled * 100)} % of its best, ${Math.round(part.weightShare * 100)} % of the weight${part.assumedWorst ? ' (not rated: counted as the worst level)' : ''}`;
        return (
          <li key={part.criterionId} className="pmo-score-bars__row" title={text}>
            {compact ? (
              <span className="pmo-visually-hidden">{text}</span>
            ) : (
              <span className="pmo-score-bars__name">{part.name}</span>
            )}
            <span
              className="pmo-score-bars__track"
              style={{ width: `${(part.weightShare / maxShare) * 100}%` }}
              aria-hidden="true"
            >
              <span
                className={`pmo-score-bars__fill${part.normalised === null ? ' pmo-score-bars__fill--missing' : ''}${part.assumedWorst ? ' pmo-score-bars__fill--assumed' : ''}`}
                style={{ width: `${filled * 100}%` }}
              />
            </span>
            {compact ? null : (
              <span className="pmo-score-bars__value pmo-subtle">
                {part.normalised === null ? 'not rated' : `${Math.round(filled * 100)} %`}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
