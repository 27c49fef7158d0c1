/** @jest-environment jsdom */

import type { TickAudience } from '@domain/standards/schema';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { TickAudienceField } from './TickAudienceField';

/** Opens the audience select by keyboard and picks the option `steps` below the current one. */
function pickBelow(label: string, steps: number): void {
  const input = screen.getByLabelText(label);
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  for (let step = 0; step < steps; step++) fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'Enter' });
}

type FieldProps = ComponentProps<typeof TickAudienceField>;

/** The field for checklist items (the defaults), with `props` on top. */
const fieldOf = (props: Partial<FieldProps>) => (
  <TickAudienceField
    audience={undefined}
    onChange={() => undefined}
    problems={[]}
    itemLabel="items"
    testId="t"
    {...props}
  />
);

/** The field as admin Scoring shows it for who may authorise proposals. */
const authorisersField = (audience: TickAudience | undefined, onChange: FieldProps['onChange']) =>
  fieldOf({
    audience,
    onChange,
    itemLabel: 'proposals',
    action: 'authorise',
    unsetMeans: 'pmo',
    testId: 'auth',
  });

describe('who may act: the audience field', () => {
  it('for checklist items, unset means anyone who can edit the issue and the PMO is stored', () => {
    const onChange = jest.fn();
    render(fieldOf({ onChange }));
    expect(screen.getByText('Anyone who can edit the issue')).toBeTruthy();
    // Editors, group, role, PMO: three below the current choice.
    pickBelow('Who may tick items', 3);
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'pmo' });
  });

  it('for authorising, unset means the PMO, editors are not offered, and a group asks for its name', () => {
    const onChange = jest.fn();
    const { rerender } = render(authorisersField(undefined, onChange));
    expect(screen.getByText('The PMO')).toBeTruthy();
    expect(screen.queryByText('Anyone who can edit the issue')).toBeNull();
    // The PMO is last: group and role are above it, so open and move to the first option.
    const input = screen.getByLabelText('Who may authorise proposals');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.queryByText('Anyone who can edit the issue')).toBeNull();
    fireEvent.keyDown(input, { key: 'Home' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'group', group: '' });

    rerender(authorisersField({ kind: 'group', group: 'pmo-approvers' }, onChange));
    expect((screen.getByTestId('auth-group') as HTMLInputElement).value).toBe('pmo-approvers');
    // Back to the PMO: the default, so nothing is stored.
    pickBelow('Who may authorise proposals', 2);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
