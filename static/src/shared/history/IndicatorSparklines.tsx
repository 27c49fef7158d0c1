import type { PortfolioHistory } from '@contracts/history';
import { INDICATOR_LABEL } from '@domain/health/indicator-labels';
import { RagSparkline } from './RagSparkline';

type Indicators = PortfolioHistory['projects'][number]['indicators'];

/** Whether any day kept indicator RAGs (days recorded before they were kept show none). */
export const hasIndicatorDays = (indicators: Indicators): boolean =>
  indicators.some((indicator) => /[garn]/.test(indicator.rag));

/** Each indicator's RAG day by day, one labelled sparkline a row: what moved a project's health. */
export function IndicatorSparklines({
  id,
  projectName,
  indicators,
  period,
  testId,
}: {
  id: string;
  projectName: string;
  indicators: Indicators;
  period: string;
  testId?: string;
}) {
  return (
    <ul
      id={id}
      className="pmo-indicator-sparklines"
      aria-label={`${projectName}: indicators over the last ${period}`}
      data-testid={testId}
    >
      {indicators.map((indicator) => (
        <li key={indicator.name} className="pmo-indicator-sparklines__row">
          <span className="pmo-indicator-sparklines__label">{INDICATOR_LABEL[indicator.name]}</span>
          <RagSparkline
            rag={indicator.rag}
            period={period}
            subject={INDICATOR_LABEL[indicator.name]}
            testId={testId ? `${testId}-${indicator.name}` : undefined}
          />
        </li>
      ))}
    </ul>
  );
}
