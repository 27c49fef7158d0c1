import Papa from 'papaparse';
import { toCsv } from './csv';

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
