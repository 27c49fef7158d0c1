/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FilterStatus } from './FilterStatus';

describe('FilterStatus', () => {
  it('announces the count and offers no chip while nothing is filtered', () => {
    render(<FilterStatus text="12 risks, 9 open" filter={null} testId="register-count" />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('12 risks, 9 open');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the active filter in a chip that clears it', () => {
    const onClear = jest.fn();
    render(
      <FilterStatus
        text="3 violations in"
        filter={{ name: 'Atlas · Definition of ready', onClear, clearTestId: 'compliance-filter-clear' }}
        testId="violations-count"
      />,
    );
    const chip = screen.getByRole('button', { name: 'Clear the filter Atlas · Definition of ready' });
    expect(chip.getAttribute('data-testid')).toBe('compliance-filter-clear');
    expect(screen.getByTestId('violations-count').textContent).toContain('3 violations in');
    fireEvent.click(chip);
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});
