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

  it('neutralises formulas hidden behind a leading space, line break, zero-width space or BOM (#13.9)', () => {
    const hidden = [
      ' =1+1',
      '\n=1+1',
      '\r\n@SUM(A1)',
      '\u200B=cmd|x',
      '\uFEFF=1',
      '\u00A0+1',
      '\u3000-1',
      '\uFF1D1+1',
    ];
    const rows = hidden.map((summary) => ({ key: 'ABC-4', summary, points: -1 }));
    const parsed = Papa.parse<string[]>(toCsv(columns, rows), { skipEmptyLines: true }).data;
    expect(parsed.slice(1).map((row) => row[1])).toEqual(hidden.map((text) => `'${text}`));
    // Numbers stay numbers; ordinary text is untouched.
    expect(parsed[1]?.[2]).toBe('-1');
    expect(toCsv(columns, [{ key: 'A-1', summary: 'a = b', points: 1 }]).split('\r\n')[1]).toBe(
      'A-1,a = b,1',
    );
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
