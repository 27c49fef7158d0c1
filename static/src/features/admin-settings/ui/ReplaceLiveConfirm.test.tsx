/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ReplaceLiveConfirm } from './ReplaceLiveConfirm';

function confirm(dirty: boolean, onComment = jest.fn(), onCancel = jest.fn()) {
  render(
    <ReplaceLiveConfirm
      dirty={dirty}
      what="A restore"
      comment=""
      onComment={onComment}
      commentTestId="restore-comment"
      onCancel={onCancel}
    >
      <button type="button">Restore version 3</button>
    </ReplaceLiveConfirm>,
  );
}

describe('ReplaceLiveConfirm', () => {
  it('asks for a comment and offers the confirm button and a way back', () => {
    const onComment = jest.fn();
    const onCancel = jest.fn();
    confirm(false, onComment, onCancel);
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: 'Back to the audited set' } });
    expect(onComment).toHaveBeenCalledWith('Back to the audited set');
    expect(screen.getByRole('button', { name: 'Restore version 3' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('refuses while the draft has unsaved changes, saying they would be lost', () => {
    confirm(true);
    expect(screen.queryByRole('button', { name: 'Restore version 3' })).toBeNull();
    expect(
      screen.getByText('A restore replaces the live settings; your unsaved changes would be lost.'),
    ).toBeTruthy();
  });
});
