/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { TickAudienceField } from './TickAudienceField';

/** Opens the audience select by keyboard and picks the option `steps` below the current one. */
function pickBelow(label: string, steps: number): void {
  const input = screen.getByLabelText(label);
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  for (let step = 0; step < steps; step++) fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'Enter' });
}

describe('who may act: the audience field', () => {
  it('for checklist items, unset means anyone who can edit the issue and the PMO is stored', () => {
    const onChange = jest.fn();
    render(
      <TickAudienceField
        audience={undefined}
        onChange={onChange}
        problems={[]}
        itemLabel="items"
        testId="t"
      />,
    );
    expect(screen.getByText('Anyone who can edit the issue')).toBeTruthy();
    // Editors, group, role, PMO: three below the current choice.
    pickBelow('Who may tick items', 3);
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'pmo' });
  });

  it('for authorising, unset means the PMO, editors are not offered, and a group asks for its name', () => {
    const onChange = jest.fn();
    const { rerender } = render(
      <TickAudienceField
        audience={undefined}
        onChange={onChange}
        problems={[]}
        itemLabel="proposals"
        action="authorise"
        unsetMeans="pmo"
        testId="auth"
      />,
    );
    expect(screen.getByText('The PMO')).toBeTruthy();
    expect(screen.queryByText('Anyone who can edit the issue')).toBeNull();
    // The PMO is last: group and role are above it, so open and move to the first option.
    const input = screen.getByLabelText('Who may authorise proposals');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.queryByText('Anyone who can edit the issue')).toBeNull();
    fireEvent.keyDown(input, { key: 'Home' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'group', group: '' });

    rerender(
      <TickAudienceField
        audience={{ kind: 'group', group: 'pmo-approvers' }}
        onChange={onChange}
        problems={[]}
        itemLabel="proposals"
        action="authorise"
        unsetMeans="pmo"
        testId="auth"
      />,
    );
    expect((screen.getByTestId('auth-group') as HTMLInputElement).value).toBe('pmo-approvers');
    // Back to the PMO: the default, so nothing is stored.
    pickBelow('Who may authorise proposals', 2);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
