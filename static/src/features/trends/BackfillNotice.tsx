import SectionMessage from '@atlaskit/section-message';
import type { BackfillStatus } from '@domain/history/backfill-status';
import { useEffect, useMemo } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { formatCount } from '../../shared/lib/format';

/** How often the page asks again while the backfill runs. */
const POLL_MS = 15_000;

function describe(
  status: BackfillStatus,
): { title: string; body: string; appearance: 'information' | 'warning' } | null {
  const range = status.fromDay && status.toDay ? ` (${status.fromDay} to ${status.toDay})` : '';
  const spent = `${formatCount(status.points)} Jira points so far`;
  switch (status.state) {
    case 'queued':
      return {
        title: 'Reconstructing the history',
        body: `The days before ${status.firstRecordedDay}${range} will be rebuilt from Jira's issue history shortly.`,
        appearance: 'information',
      };
    case 'reading':
      return {
        title: 'Reconstructing the history',
        body: `Reading Jira's issue history: ${status.batchesRead} of ${status.batches} batches (${spent}).`,
        appearance: 'information',
      };
    case 'building':
      return {
        title: 'Reconstructing the history',
        body: `Rebuilding the days${range}: ${status.daysBuilt} of ${status.days} done.`,
        appearance: 'information',
      };
    case 'waiting':
      return {
        title: "Waiting for Jira's hourly quota",
        body: `The history backfill keeps within the refresh's share of the quota and goes on${status.waitingUntil ? ` at ${new Date(status.waitingUntil).toLocaleTimeString()}` : ' next hour'} (${spent}).`,
        appearance: 'information',
      };
    case 'failed':
      return {
        title: 'The history could not be reconstructed yet',
        body: `${status.error ?? 'An error stopped it.'} The next refresh goes on where it stopped.`,
        appearance: 'warning',
      };
    default:
      return null;
  }
}

/** Progress of the history backfill while the reconstructed days fill in; nothing once done. */
export function BackfillNotice({ portfolioId, onProgress }: { portfolioId: string; onProgress: () => void }) {
  const payload = useMemo(() => ({ portfolioId }), [portfolioId]);
  const backfill = useResolver('getHistoryBackfill', payload);
  const status = backfill.data?.backfill ?? null;
  const running = status !== null && ['queued', 'reading', 'building', 'waiting'].includes(status.state);
  const { reload } = backfill;
  const built = status?.daysBuilt ?? 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  // Days appear as they are built: redraw the charts when more are stored.
  useEffect(() => {
    if (built > 0) onProgress();
  }, [built, onProgress]);
  const message = status ? describe(status) : null;
  if (!message) return null;
  return (
    <SectionMessage appearance={message.appearance} title={message.title} testId="history-backfill">
      <p>{message.body}</p>
    </SectionMessage>
  );
}
