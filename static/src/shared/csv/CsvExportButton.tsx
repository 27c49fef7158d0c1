import Button from '@atlaskit/button/new';
import { downloadCsv } from './csv';

type Props = {
  /** The button's text; "Export CSV" by default. */
  label?: string;
  /** What a row is, in the singular, for the accessible name: "project" makes "Export CSV: 12 projects". */
  noun: string;
  rowCount: number;
  /** Builds the file name and the CSV text when clicked (not on every render). */
  build: () => { filename: string; csv: string };
  testId: string;
};

/** Downloads the rows a table shows (all pages, in the order shown) as a CSV file. */
export function CsvExportButton({ label = 'Export CSV', noun, rowCount, build, testId }: Props) {
  const onClick = () => {
    const { filename, csv } = build();
    downloadCsv(filename, csv);
  };
  return (
    <Button
      onClick={onClick}
      isDisabled={rowCount === 0}
      testId={testId}
      aria-label={`${label}: ${rowCount} ${noun}${rowCount === 1 ? '' : 's'}`}
    >
      {label}
    </Button>
  );
}
