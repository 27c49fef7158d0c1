import type { ChangedField, IssueChange } from '../domain/history/issue-change';
import { parseTimestamp } from '../domain/kpis/time';
import type { BulkChangelog } from './schemas';

const FIELD_OF: Readonly<Record<string, ChangedField>> = {
  status: 'status',
  resolution: 'resolution',
  duedate: 'duedate',
  issuelinks: 'link',
};

/** Jira's changelog items cut to the domain's changes; other fields and unreadable dates are skipped. */
export function toIssueChanges(page: BulkChangelog): IssueChange[] {
  const changes: IssueChange[] = [];
  for (const log of page.issueChangeLogs) {
    for (const history of log.changeHistories) {
      const at = parseTimestamp(history.created);
      if (at === null) continue;
      for (const item of history.items) {
        // Link items carry no field id on some sites: their field name is "Link".
        const field = FIELD_OF[item.fieldId ?? ''] ?? (item.field === 'Link' ? 'link' : undefined);
        if (field === undefined) continue;
        const text = field === 'link';
        changes.push({
          issueId: log.issueId,
          at,
          field,
          from: text ? item.fromText : item.from,
          to: text ? item.toText : item.to,
        });
      }
    }
  }
  return changes;
}
