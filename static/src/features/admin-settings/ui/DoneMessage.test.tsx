/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { DoneMessage } from './DoneMessage';

describe('done message', () => {
  it('announces what was saved as a status, and shows nothing before', () => {
    const { rerender } = render(<DoneMessage title="Saved" message={null} />);
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<DoneMessage title="Saved" message="Override for PAY saved as version 12." />);
    expect(screen.getByRole('status').textContent).toBe('Override for PAY saved as version 12.');
    expect(screen.getByText('Saved')).toBeTruthy();
  });
});
