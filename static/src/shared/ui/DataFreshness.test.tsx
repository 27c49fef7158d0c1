/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { DataFreshness } from './DataFreshness';

describe('DataFreshness', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-12-05T12:10:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  it('says how old the data is, with the exact time in the element a screen reader and a hover read', () => {
    render(<DataFreshness generatedAt="2026-12-05T12:05:00Z" />);
    const line = screen.getByTestId('data-freshness');
    expect(line.textContent).toBe('Data as of 5 minutes ago');
    const time = line.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2026-12-05T12:05:00Z');
    expect(time?.getAttribute('title')).toBeTruthy();
  });

  it('keeps the age current while the page stays open', () => {
    render(
      <DataFreshness generatedAt="2026-12-05T12:09:50Z" label="Health as of" testId="report-freshness" />,
    );
    expect(screen.getByTestId('report-freshness').textContent).toBe('Health as of just now');
    act(() => {
      jest.advanceTimersByTime(2 * 60_000);
    });
    expect(screen.getByTestId('report-freshness').textContent).toBe('Health as of 2 minutes ago');
  });

  it('says so when the time cannot be read, rather than showing a wrong age', () => {
    render(<DataFreshness generatedAt="not a date" />);
    expect(screen.getByTestId('data-freshness').textContent).toBe('Data as of an unknown time');
  });
});
