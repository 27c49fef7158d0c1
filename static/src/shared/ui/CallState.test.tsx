/** @jest-environment jsdom */
import '../theme/feature-flags';
import { fireEvent, render, screen } from '@testing-library/react';
import { InvokeError } from '../api/invoke-error';
import { CallState } from './CallState';

const text = { loading: 'Loading baselines', what: 'load the baselines' };

describe('CallState', () => {
  it('announces the spinner while the call loads', () => {
    render(<CallState call={{ status: 'loading', error: undefined, reload: jest.fn() }} {...text} />);
    expect(screen.getByRole('status').textContent).toContain('Loading baselines');
  });

  it('says what failed when the call failed, and Retry calls it again', () => {
    const reload = jest.fn();
    const error = new InvokeError('BRIDGE_ERROR', 'The bridge went away.');
    render(<CallState call={{ status: 'error', error, reload }} {...text} />);
    expect(screen.getByTestId('error-state').textContent).toContain("We couldn't load the baselines.");
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('shows nothing once the data is there', () => {
    const { container } = render(
      <CallState call={{ status: 'ready', error: undefined, reload: jest.fn() }} {...text} />,
    );
    expect(container.textContent).toBe('');
  });
});
