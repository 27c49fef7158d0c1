import type { HistoryExport } from '@contracts/history';
import type { CsvColumn } from '../../shared/csv/csv';

type Row = HistoryExport['rows'][number];

const indicator = (row: Row, name: string) => row.indicators.find((candidate) => candidate.name === name);

/** The history CSV: a row per project per day, every indicator's value and RAG, KPIs and exposure. */
export const HISTORY_CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Day', value: (row) => row.day },
  { header: 'Project key', value: (row) => row.projectKey },
  { header: 'Project', value: (row) => row.name },
  { header: 'RAG', value: (row) => row.rag },
  { header: 'Computed RAG', value: (row) => row.computedRag },
  { header: 'Manual override', value: (row) => (row.overridden ? 'yes' : 'no') },
  ...(['schedule', 'blockers', 'risk', 'compliance', 'staleness'] as const).flatMap((name) => [
    { header: `${name} value`, value: (row: Row) => indicator(row, name)?.value ?? null },
    { header: `${name} RAG`, value: (row: Row) => indicator(row, name)?.rag ?? null },
  ]),
  { header: 'Open', value: (row) => row.kpis.open },
  { header: 'In progress', value: (row) => row.kpis.inProgress },
  { header: 'Done', value: (row) => row.kpis.done },
  { header: 'Overdue', value: (row) => row.kpis.overdue },
  { header: 'Resolved in the last 7 days', value: (row) => row.kpis.resolvedLastWeek },
  { header: 'Average open age (days)', value: (row) => row.kpis.averageOpenAgeDays },
  { header: 'Risk exposure', value: (row) => row.riskExposure },
  { header: 'Compliant issues', value: (row) => row.compliance.compliant },
  { header: 'Issues under standards', value: (row) => row.compliance.evaluated },
  { header: 'Settings version', value: (row) => row.settingsVersion },
  { header: 'Reconstructed', value: (row) => (row.reconstructed ? 'yes' : 'no') },
  // Indicators added later go last, so columns of older exports keep their place.
  ...(['variance', 'scope'] as const).flatMap((name) => [
    { header: `${name} value`, value: (row: Row) => indicator(row, name)?.value ?? null },
    { header: `${name} RAG`, value: (row: Row) => indicator(row, name)?.rag ?? null },
  ]),
];
