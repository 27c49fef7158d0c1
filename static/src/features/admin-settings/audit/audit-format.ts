import type { AuditEntry, VersionMeta } from '@contracts/settings';
import type { CsvColumn } from '../../../shared/csv/csv';

/** A timestamp as "12 Mar 2026, 14:05" in the viewer's locale and time zone; the raw text when it is not one. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);
}

/** How a version came to be, in words. */
export function originLabel(origin: VersionMeta['origin']): string {
  switch (origin.kind) {
    case 'defaults':
      return 'Built-in defaults';
    case 'save':
      return 'Published';
    case 'restore':
      return origin.restoredFrom === 0 ? 'Restored the defaults' : `Restored version ${origin.restoredFrom}`;
    case 'import':
      return 'Imported';
    case 'override':
      return `RAG override for ${origin.projectKey}`;
  }
}

/** What an audit entry did, in words. */
export function auditActionLabel(entry: AuditEntry): string {
  switch (entry.action) {
    case 'save':
      return 'Published';
    case 'restore':
      if (entry.restoredFrom === 0) return 'Restored the defaults';
      return entry.restoredFrom === null ? 'Restored' : `Restored version ${entry.restoredFrom}`;
    case 'import':
      return 'Imported';
    case 'override':
      return entry.projectKey === null ? 'RAG override' : `RAG override for ${entry.projectKey}`;
  }
}

/** The changes of an entry as one cell of text. */
export function changesText(entry: AuditEntry): string {
  const lines = entry.changes.map((change) => change.summary);
  if (entry.omittedChanges > 0) lines.push(`and ${entry.omittedChanges} more`);
  return lines.join('\n');
}

export const AUDIT_CSV_COLUMNS: CsvColumn<AuditEntry>[] = [
  { header: 'When (UTC)', value: (entry) => entry.at },
  { header: 'Who', value: (entry) => entry.actorName ?? 'Unknown user' },
  { header: 'Who (account id)', value: (entry) => entry.actor },
  { header: 'Action', value: auditActionLabel },
  { header: 'Version', value: (entry) => entry.version },
  { header: 'Based on version', value: (entry) => entry.basedOn },
  { header: 'Project', value: (entry) => entry.projectKey ?? '' },
  { header: 'Comment', value: (entry) => entry.comment },
  { header: 'Changes', value: changesText },
];
