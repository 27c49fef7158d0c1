/** @jest-environment jsdom */
import '../../theme/feature-flags';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { SortableTable } from './SortableTable';

const head: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true },
    { key: 'score', content: 'Score', isSortable: true },
    { key: 'note', content: 'Note' },
  ],
};

function rowsOf(count: number): RowType[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `R-${index + 1}`,
    cells: [
      { key: `R-${index + 1}`, content: `R-${index + 1}` },
      { key: index, content: String(index) },
      { key: 'note', content: 'note' },
    ],
  }));
}

function shownKeys(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

const base = {
  label: 'Risks',
  head,
  rows: rowsOf(3),
  rowsPerPage: 10,
  columns: ['key', 'score'] as const,
  sort: null,
};

describe('SortableTable', () => {
  it('reports a click on a sortable column header as a typed sort, and marks the column the parent sorts by', () => {
    const onSort = jest.fn();
    const { rerender } = render(<SortableTable {...base} onSort={onSort} />);
    expect(screen.getByRole('table', { name: 'Risks' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Score/ }));
    expect(onSort).toHaveBeenCalledWith({ key: 'score', order: 'ASC' });

    rerender(<SortableTable {...base} sort={{ key: 'score', order: 'ASC' }} onSort={onSort} />);
    fireEvent.click(screen.getByRole('button', { name: /Score/ }));
    expect(onSort).toHaveBeenLastCalledWith({ key: 'score', order: 'DESC' });
  });

  it('ignores a sort by a column the parent did not name', () => {
    const onSort = jest.fn();
    render(<SortableTable {...base} columns={['score'] as const} onSort={onSort} />);
    fireEvent.click(screen.getByRole('button', { name: /Key/ }));
    expect(onSort).not.toHaveBeenCalled();
  });

  it('pages the rows and never stays past the last page when the list gets shorter', () => {
    const props = { ...base, rowsPerPage: 2, onSort: () => undefined };
    const { rerender } = render(<SortableTable {...props} rows={rowsOf(5)} />);
    expect(shownKeys()).toEqual(['R-1', 'R-2']);
    fireEvent.click(screen.getByRole('button', { name: /page 3/i }));
    expect(shownKeys()).toEqual(['R-5']);

    rerender(<SortableTable {...props} rows={rowsOf(3)} />);
    expect(shownKeys()).toEqual(['R-3']);
  });
});
