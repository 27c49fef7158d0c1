/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ReadOnlyContext } from './read-only';
import { SelectField } from './SelectField';
import { TagPicker } from './TagPicker';
import { NumberField, OptionalTextField, TextField } from './TextFields';

const STATUSES = [
  { value: 'todo', label: 'To Do' },
  { value: 'doing', label: 'In Progress' },
  { value: 'done', label: 'Done' },
];

describe('admin form fields on Atlaskit', () => {
  it('names a text field by its label and ties its problems to it for screen readers', () => {
    render(
      <TextField label="Name" value="" onChange={() => undefined} problems={['Required.']} testId="name" />,
    );
    const input = screen.getByLabelText('Name');
    expect(input).toBe(screen.getByTestId('name'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(texts.join(' ')).toContain('Required.');
  });

  it('reports an emptied number field as NaN, which validation calls "Enter a number."', () => {
    const onChange = jest.fn();
    render(<NumberField label="Stale after" value={14} onChange={onChange} suffix="days" />);
    fireEvent.change(screen.getByLabelText('Stale after'), { target: { value: '' } });
    expect(onChange).toHaveBeenCalledWith(Number.NaN);
    expect(screen.getByText('days')).toBeTruthy();
  });

  it('stores a blank optional text setting as unset, and shows an unset one empty', () => {
    const onChange = jest.fn();
    render(
      <OptionalTextField label="Group" value={null} onChange={onChange} placeholder="Administrators only" />,
    );
    const input = screen.getByLabelText('Group') as HTMLInputElement;
    expect(input.value).toBe('');
    fireEvent.change(input, { target: { value: '  ' } });
    expect(onChange).toHaveBeenLastCalledWith(null);
    fireEvent.change(input, { target: { value: 'pmo-leads' } });
    expect(onChange).toHaveBeenLastCalledWith('pmo-leads');
  });

  it('picks a value from the list with the keyboard and marks one the site does not have', () => {
    const onChange = jest.fn();
    const { rerender } = render(
      <SelectField label="Status" value="todo" options={STATUSES} onChange={onChange} />,
    );
    const input = screen.getByLabelText('Status');
    // Open, move past the current "To Do" to "In Progress", pick it: no mouse needed.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('doing');
    rerender(<SelectField label="Status" value="gone" options={STATUSES} onChange={onChange} />);
    expect(screen.getByText('gone (not on this site)')).toBeTruthy();
  });

  it('removes a chosen tag by its named button, and offers no edits when read-only', () => {
    const onChange = jest.fn();
    const picker = (
      <TagPicker label="Statuses" values={['todo', 'doing']} options={STATUSES} onChange={onChange} />
    );
    const { rerender } = render(picker);
    fireEvent.click(screen.getByRole('button', { name: 'In Progress, remove' }));
    expect(onChange).toHaveBeenCalledWith(['todo']);
    rerender(<ReadOnlyContext value={true}>{picker}</ReadOnlyContext>);
    expect(screen.getByLabelText('Statuses').hasAttribute('disabled')).toBe(true);
  });
});
