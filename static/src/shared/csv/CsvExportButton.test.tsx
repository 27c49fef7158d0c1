/** @jest-environment jsdom */
import '../theme/feature-flags';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CsvExportButton } from './CsvExportButton';
import { downloadCsv } from './csv';

jest.mock('./csv', () => ({ downloadCsv: jest.fn() }));

describe('CsvExportButton', () => {
  beforeEach(() => jest.mocked(downloadCsv).mockClear());

  it('builds the file only when clicked, and downloads it under its name', () => {
    const build = jest.fn(() => ({ filename: 'pmo-risks-all-2026-12-05.csv', csv: 'Key\r\nA-1' }));
    render(<CsvExportButton noun="risk" rowCount={2} build={build} testId="csv-export-risks" />);
    expect(build).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: 2 risks' }));
    expect(build).toHaveBeenCalledTimes(1);
    expect(downloadCsv).toHaveBeenCalledWith('pmo-risks-all-2026-12-05.csv', 'Key\r\nA-1');
  });

  it('waits for a build that reads more data, and downloads nothing when it fails', async () => {
    let finish: (value: { filename: string; csv: string }) => void = () => {};
    const build = jest.fn(
      () =>
        new Promise<{ filename: string; csv: string }>((resolve) => {
          finish = resolve;
        }),
    );
    render(<CsvExportButton noun="row" rowCount={3} build={build} testId="csv-export-history" />);
    fireEvent.click(screen.getByTestId('csv-export-history'));
    expect(downloadCsv).not.toHaveBeenCalled();
    finish({ filename: 'h.csv', csv: 'Day' });
    await waitFor(() => expect(downloadCsv).toHaveBeenCalledWith('h.csv', 'Day'));

    jest.mocked(downloadCsv).mockClear();
    const onError = jest.fn();
    render(
      <CsvExportButton
        noun="row"
        rowCount={3}
        build={() => Promise.reject(new Error('history unreadable'))}
        onError={onError}
        testId="csv-export-failing"
      />,
    );
    fireEvent.click(screen.getByTestId('csv-export-failing'));
    await waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('history unreadable')));
    expect(downloadCsv).not.toHaveBeenCalled();
  });

  it('is disabled when there is no row to export', () => {
    const build = jest.fn(() => ({ filename: 'x.csv', csv: '' }));
    render(<CsvExportButton noun="risk" rowCount={0} build={build} testId="csv-export-risks" />);
    const button = screen.getByTestId('csv-export-risks');
    expect(button.hasAttribute('disabled')).toBe(true);
    fireEvent.click(button);
    expect(build).not.toHaveBeenCalled();
  });

  it('says what it exports in its own words when given a label', () => {
    render(
      <CsvExportButton
        label="Export links CSV"
        noun="link"
        rowCount={1}
        build={() => ({ filename: 'l.csv', csv: '' })}
        testId="csv-export-links"
      />,
    );
    expect(screen.getByRole('button', { name: 'Export links CSV: 1 link' }).textContent).toBe(
      'Export links CSV',
    );
  });
});
