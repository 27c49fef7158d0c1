import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { AuditEntry } from '@contracts/settings';
import { useState } from 'react';
import { errorTitle, type InvokeError, toInvokeError } from '../../../shared/api/invoke-error';
import { type ResolverAction, useResolverAction } from '../../../shared/api/use-resolver-action';
import { useResolverPages } from '../../../shared/api/use-resolver-pages';
import { downloadCsv, toCsv } from '../../../shared/csv/csv';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { ColumnHeads } from '../../../shared/ui/table/ColumnHeads';
import { SectionIntro } from '../ui/SectionIntro';
import { AUDIT_CSV_COLUMNS, auditActionLabel, formatDateTime } from './audit-format';

const PAGE = 50;
/** The export reads at most this many pages (5,000 entries), so a huge log cannot hang the page. */
const MAX_EXPORT_PAGES = 100;

type ListAuditLog = ResolverAction<'listAuditLog'>['run'];

async function readAll(listAuditLog: ListAuditLog): Promise<{ entries: AuditEntry[]; complete: boolean }> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_EXPORT_PAGES; page++) {
    const answer: { entries: AuditEntry[]; nextCursor: string | null } = await listAuditLog(
      cursor === null ? { limit: 100 } : { cursor, limit: 100 },
    );
    entries.push(...answer.entries);
    cursor = answer.nextCursor;
    if (cursor === null) return { entries, complete: true };
  }
  return { entries, complete: false };
}

function ChangesCell({ entry }: { entry: AuditEntry }) {
  if (entry.changes.length === 0) return <span className="pmo-subtle">No changes</span>;
  const shown = entry.changes.slice(0, 3);
  const more = entry.changes.length - shown.length + entry.omittedChanges;
  return (
    <ul className="pmo-plain-list">
      {shown.map((change) => (
        <li key={`${change.kind}:${change.path}`}>{change.summary}</li>
      ))}
      {more > 0 ? <li className="pmo-subtle">and {more} more</li> : null}
    </ul>
  );
}

/** Audit log: who changed what and when, newest first, exportable as CSV. */
export function AuditSection({ canEdit, liveVersion }: { canEdit: boolean; liveVersion: number }) {
  // A new live version adds an entry: the log is read again from its newest page.
  const log = useResolverPages('listAuditLog', {
    payload: (cursor) => (cursor === null ? { limit: PAGE } : { cursor, limit: PAGE }),
    itemsOf: (page) => page.entries,
    enabled: canEdit,
    scope: liveVersion,
  });
  const { status, items: entries, error, hasMore, loadingMore, more, reload } = log;
  const listAuditLog = useResolverAction('listAuditLog');
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [exportError, setExportError] = useState<InvokeError | null>(null);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    setExportNote(null);
    try {
      const all = await readAll(listAuditLog.run);
      const stamp = new Date().toISOString().slice(0, 10);
      downloadCsv(`pmo-settings-audit-${stamp}.csv`, toCsv(AUDIT_CSV_COLUMNS, all.entries));
      setExportNote(
        all.complete
          ? `Exported ${all.entries.length} entries.`
          : `Exported the newest ${all.entries.length} entries; the log is longer.`,
      );
    } catch (caught) {
      setExportError(toInvokeError(caught));
    } finally {
      setExporting(false);
    }
  };

  if (!canEdit) {
    return (
      <div className="pmo-stack">
        <SectionIntro section="audit">
          Only people who can change PMO settings can see the audit log.
        </SectionIntro>
      </div>
    );
  }

  return (
    <div className="pmo-stack">
      <SectionIntro
        section="audit"
        actions={
          <Button onClick={() => void exportCsv()} isLoading={exporting} testId="audit-export">
            Export CSV
          </Button>
        }
      >
        Every change to the PMO settings: who, when, why and what changed.
      </SectionIntro>
      {exportError ? (
        <SectionMessage appearance="error" title={errorTitle(exportError.code)}>
          <p>We couldn't export the audit log. {exportError.message}</p>
        </SectionMessage>
      ) : null}
      {exportNote ? (
        <p className="pmo-subtle" role="status">
          {exportNote}
        </p>
      ) : null}
      {status === 'loading' ? <LoadingState label="Loading the audit log" /> : null}
      {status === 'error' && error ? (
        <ErrorState error={error} what="read the audit log" onRetry={reload} />
      ) : null}
      {status === 'ready' && entries.length === 0 ? (
        <p className="pmo-subtle" data-testid="audit-empty">
          Nothing has changed yet: the built-in defaults are in force.
        </p>
      ) : null}
      {status === 'ready' && entries.length > 0 ? (
        <table className="pmo-table" aria-label="Audit log" data-testid="audit-table">
          <ColumnHeads labels={['When', 'Who', 'What', 'Version', 'Comment', 'Changes']} />
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid={`audit-row-${entry.version}`}>
                <td className="pmo-nowrap">{formatDateTime(entry.at)}</td>
                <td>{entry.actorName ?? 'Unknown user'}</td>
                <td>{auditActionLabel(entry)}</td>
                <td className="pmo-numeric">{entry.version}</td>
                <td className="pmo-wrap">{entry.comment || <span className="pmo-subtle">—</span>}</td>
                <td className="pmo-wrap">
                  <ChangesCell entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {status === 'ready' && hasMore ? (
        <Button onClick={more} isLoading={loadingMore} testId="audit-more">
          Show older entries
        </Button>
      ) : null}
    </div>
  );
}
