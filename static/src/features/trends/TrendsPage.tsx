import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { HISTORY_EXPORT_DAYS } from '@contracts/history';
import { useCallback, useMemo, useState } from 'react';
import { callResolver } from '../../shared/api/invoke';
import { useResolver } from '../../shared/api/use-resolver';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { CallState } from '../../shared/ui/CallState';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { BackfillNotice } from './BackfillNotice';
import { ChangesSince } from './ChangesSince';
import { HISTORY_CSV_COLUMNS } from './history-csv';
import { PortfolioRagChart } from './PortfolioRagChart';
import { ProjectTrend } from './ProjectTrend';
import { TREND_WINDOWS, windowsOf } from './periods';
import './trends.css';

function TrendsContent({ portfolioId, asOf }: { portfolioId: string; asOf: string }) {
  const [days, setDays] = useState<number>(84);
  // The report's "as of" is part of the key, so a refresh that records a new day reloads the history.
  const payload = useMemo(() => ({ portfolioId, days }), [portfolioId, days]);
  const history = useResolver('getPortfolioHistory', payload);
  const [exportError, setExportError] = useState<string | null>(null);
  const data = history.data;
  const buildCsv = useCallback(async () => {
    if (!data) throw new Error('The history is not loaded yet');
    const rows = [];
    for (const window of windowsOf(data.from, data.to, HISTORY_EXPORT_DAYS)) {
      const part = await callResolver('exportPortfolioHistory', { portfolioId, ...window });
      rows.push(...part.rows);
    }
    setExportError(null);
    return {
      filename: csvFilename('history', portfolioId, new Date()),
      csv: toCsv(HISTORY_CSV_COLUMNS, rows),
    };
  }, [data, portfolioId]);
  const recordedDays = data?.days.filter((day) => day.recorded).length ?? 0;
  return (
    <div className="pmo-stack" data-history-as-of={asOf}>
      <section className="pmo-section" aria-labelledby="rag-trend-heading">
        <div className="pmo-section-header">
          <Heading size="medium" as="h2" id="rag-trend-heading">
            Portfolio health over time
          </Heading>
          <div className="pmo-inline">
            <label className="pmo-inline">
              <span>Period</span>
              <select
                className="pmo-select"
                value={days}
                onChange={(event) => setDays(Number(event.target.value))}
                data-testid="trend-window"
              >
                {TREND_WINDOWS.map((window) => (
                  <option key={window.days} value={window.days}>
                    {window.label}
                  </option>
                ))}
              </select>
            </label>
            <CsvExportButton
              label="Export history CSV"
              noun="day"
              rowCount={recordedDays}
              build={buildCsv}
              onError={(error) => setExportError(error instanceof Error ? error.message : String(error))}
              testId="csv-export-history"
            />
          </div>
        </div>
        <BackfillNotice portfolioId={portfolioId} onProgress={history.reload} />
        {exportError ? (
          <SectionMessage
            appearance="error"
            title="The history could not be exported"
            testId="history-export-error"
          >
            <p>{exportError}</p>
          </SectionMessage>
        ) : null}
        <CallState
          call={history}
          loading="Loading the portfolio's history"
          what="load the portfolio's history"
        />
        {data && recordedDays === 0 ? (
          <EmptyMessage
            testId="trends-empty"
            header="No history in this period yet"
            headingLevel={3}
            description="Every completed refresh records the day's health of each project. Trends appear from the first one."
          />
        ) : null}
        {data && recordedDays > 0 ? (
          <>
            <p className="pmo-subtle">
              Days follow the {data.timeZone} calendar. {recordedDays} of {data.days.length} days recorded.
            </p>
            <PortfolioRagChart history={data} />
          </>
        ) : null}
      </section>
      {data ? <ChangesSince portfolioId={portfolioId} today={data.to} /> : null}
      {data && data.projects.length > 0 ? (
        <ProjectTrend portfolioId={portfolioId} days={days} projects={data.projects} />
      ) : null}
    </div>
  );
}

/**
 * Trends: the portfolio's health day by day (red / amber / green counts), what changed since a day,
 * and each project's indicators over time with the record of any day as it was computed then.
 */
export default function TrendsPage() {
  return (
    <ReportPage
      title="Trends"
      subject="the portfolio's trends"
      staleSubject="the trends below are"
      pageTestId="trends-page"
      contentTestId="trends-content"
    >
      {(report, portfolioId) => <TrendsContent portfolioId={portfolioId} asOf={report.meta.generatedAt} />}
    </ReportPage>
  );
}
