import Papa from 'papaparse';
import { neutralizeSpreadsheetCell } from '../../../../src/domain/export-text';

/** One column of a CSV export: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Rows as CSV text (RFC 4180 quoting by papaparse). Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first, also after spaces, line breaks, zero-width characters or a BOM) are prefixed
 * with a quote, so Jira text cannot inject formulas.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return Papa.unparse(
    {
      fields: columns.map((column) => column.header),
      data: rows.map((row) => columns.map((column) => neutralizeFormula(column.value(row)))),
    },
    { newline: '\r\n' },
  );
}

function neutralizeFormula(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  return neutralizeSpreadsheetCell(value);
}

/** Offers `csv` as a file download named `filename` (UTF-8 with a BOM so Excel reads accents). */
export function downloadCsv(filename: string, csv: string): void {
  downloadFile(filename, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}

/** Offers `blob` as a file download named `filename` (CSV, Markdown). */
export function downloadFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A download name such as `pmo-risks-category-10001-2026-11-28.csv`: lower-case, dashes, no path. */
export function csvFilename(what: string, portfolioId: string, date: Date): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const day = [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');
  const parts = ['pmo', slug(what), slug(portfolioId), day].filter((part) => part.length > 0);
  return `${parts.join('-')}.csv`;
}
