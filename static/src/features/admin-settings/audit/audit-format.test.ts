import type { AuditEntry } from '@contracts/settings';
import { toCsv } from '../../../shared/csv/csv';
import {
  AUDIT_CSV_COLUMNS,
  auditActionLabel,
  changesText,
  formatDateTime,
  originLabel,
} from './audit-format';

const entry: AuditEntry = {
  id: 'v00000004',
  at: '2026-03-12T14:05:00.000Z',
  actor: 'sim-admin',
  action: 'restore',
  version: 4,
  basedOn: 3,
  restoredFrom: 2,
  projectKey: null,
  comment: '=cmd|calc',
  changes: [
    {
      path: 'standards[delivery-readiness].mode',
      kind: 'changed',
      before: 'enforce',
      after: 'warn',
      summary: "Standard 'Ready for delivery' mode: enforce → warn",
    },
  ],
  omittedChanges: 2,
};

describe('audit format', () => {
  it('says what happened in words', () => {
    expect(auditActionLabel(entry)).toBe('Restored version 2');
    expect(auditActionLabel({ ...entry, restoredFrom: 0 })).toBe('Restored the defaults');
    expect(auditActionLabel({ ...entry, action: 'override', projectKey: 'ABC' })).toBe(
      'RAG override for ABC',
    );
    expect(originLabel({ kind: 'defaults' })).toBe('Built-in defaults');
    expect(originLabel({ kind: 'restore', restoredFrom: 3 })).toBe('Restored version 3');
    expect(changesText(entry)).toBe("Standard 'Ready for delivery' mode: enforce → warn\nand 2 more");
  });

  it('formats timestamps and keeps text that is not one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime(entry.at)).toMatch(/2026/);
  });

  it('exports CSV with formulas neutralised', () => {
    const csv = toCsv(AUDIT_CSV_COLUMNS, [{ ...entry, actorName: 'Ada Admin' }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'When (UTC),Who,Who (account id),Action,Version,Based on version,Project,Comment,Changes',
    );
    // #14.3: people by name, the account id beside it.
    expect(row).toContain(`,Ada Admin,${entry.actor},`);
    expect(row).toContain("'=cmd|calc");
    expect(row).toContain('Restored version 2');
  });
});
