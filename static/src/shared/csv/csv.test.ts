import Papa from 'papaparse';
import { csvFilename, toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { header: 'Key', value: (row: { key: string; summary: string; points: number | null }) => row.key },
    { header: 'Summary', value: (row: { summary: string }) => row.summary },
    { header: 'Points', value: (row: { points: number | null }) => row.points },
  ];

  it('quotes commas, quotes and line breaks so the file reads back to the same cells', () => {
    const rows = [{ key: 'ABC-1', summary: 'Say "hi", then\nleave', points: 3 }];
    const parsed = Papa.parse<string[]>(toCsv(columns, rows), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['Key', 'Summary', 'Points'],
      ['ABC-1', 'Say "hi", then\nleave', '3'],
    ]);
  });

  it('writes empty cells for missing values', () => {
    const csv = toCsv(columns, [{ key: 'ABC-2', summary: 'x', points: null }]);
    expect(csv.split('\r\n')[1]).toBe('ABC-2,x,');
  });

  it('neutralises cells a spreadsheet would evaluate as formulas', () => {
    const csv = toCsv(columns, [{ key: 'ABC-3', summary: '=HYPERLINK("http://evil")', points: 1 }]);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed[1]?.[1]).toBe('\'=HYPERLINK("http://evil")');
  });
});

describe('csvFilename', () => {
  it('names the file after the table, the portfolio and the local day, safe for any file system', () => {
    const day = new Date(2026, 10, 8, 23, 59);
    expect(csvFilename('risks', 'category:10001', day)).toBe('pmo-risks-category-10001-2026-11-08.csv');
    expect(csvFilename('Assumptions', 'all', day)).toBe('pmo-assumptions-all-2026-11-08.csv');
    expect(csvFilename('projects', '../../etc/passwd', day)).toBe('pmo-projects-etc-passwd-2026-11-08.csv');
  });
});
