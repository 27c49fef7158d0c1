import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { downloadCsv } from './csv';

type Built = { filename: string; csv: string };

type Props = {
  /** The button's text; "Export CSV" by default. */
  label?: string;
  /** What a row is, in the singular, for the accessible name: "project" makes "Export CSV: 12 projects". */
  noun: string;
  rowCount: number;
  /**
   * Builds the file name and the CSV text when clicked (not on every render); may read more data
   * first (the button shows it is busy meanwhile).
   */
  build: () => Built | Promise<Built>;
  /** Told when an asynchronous build fails (nothing is downloaded). */
  onError?: (error: unknown) => void;
  testId: string;
};

/** Downloads the rows a table shows (all pages, in the order shown) as a CSV file. */
export function CsvExportButton({ label = 'Export CSV', noun, rowCount, build, onError, testId }: Props) {
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    const built = build();
    if (!(built instanceof Promise)) {
      downloadCsv(built.filename, built.csv);
      return;
    }
    setBusy(true);
    built
      .then(({ filename, csv }) => downloadCsv(filename, csv))
      .catch((error: unknown) => onError?.(error))
      .finally(() => setBusy(false));
  };
  return (
    <Button
      onClick={onClick}
      isDisabled={rowCount === 0}
      isLoading={busy}
      testId={testId}
      aria-label={`${label}: ${rowCount} ${noun}${rowCount === 1 ? '' : 's'}`}
    >
      {label}
    </Button>
  );
}
