/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { ColumnHeads } from './ColumnHeads';

function table(actions: boolean) {
  render(
    <table>
      <ColumnHeads labels={['Version', 'When']} actions={actions} />
      <tbody />
    </table>,
  );
  return screen.getAllByRole('columnheader').map((header) => header.textContent);
}

describe('ColumnHeads', () => {
  it('names each column, and the actions column only for screen readers', () => {
    expect(table(true)).toEqual(['Version', 'When', 'Actions']);
    expect(document.querySelector('th:last-child span')?.className).toBe('pmo-visually-hidden');
  });

  it('has no actions column where rows have no buttons (read-only)', () => {
    expect(table(false)).toEqual(['Version', 'When']);
  });

  it('can keep the actions column off paper', () => {
    render(
      <table>
        <ColumnHeads labels={['Project']} actions actionsClassName="pmo-no-print" />
        <tbody />
      </table>,
    );
    expect(screen.getByRole('columnheader', { name: 'Actions' }).className).toBe('pmo-no-print');
  });
});
