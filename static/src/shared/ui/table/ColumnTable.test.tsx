/** @jest-environment jsdom */
import '../../theme/feature-flags';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ColumnTable, type TableSpec } from './ColumnTable';

type Fruit = { name: string; weight: number };
type Context = { unit: string; picked: ReadonlySet<string> };

const FRUIT_TABLE: TableSpec<Fruit, Context, 'name' | 'weight'> = {
  label: ({ unit }) => `Fruit in ${unit}`,
  testId: 'fruit',
  columns: [
    { key: 'name', head: 'Name', width: 40, cell: (fruit) => fruit.name },
    { key: 'weight', head: 'Weight', width: 40, cell: (fruit, { unit }) => `${fruit.weight} ${unit}` },
    {
      key: 'actions',
      head: 'Actions',
      width: 20,
      sortable: false,
      cell: () => <button type="button">Pick</button>,
    },
  ],
  rowsPerPage: 10,
  rowKey: (fruit) => fruit.name,
  rowTestId: (fruit) => `fruit-${fruit.name}`,
  sortValue: (fruit, column) => fruit[column],
  highlighted: (fruit, { picked }) => picked.has(fruit.name),
};

const FRUITS: readonly Fruit[] = [
  { name: 'Pear', weight: 180 },
  { name: 'Fig', weight: 50 },
];

function renderTable(onSort = jest.fn()) {
  const context: Context = { unit: 'g', picked: new Set(['Fig']) };
  render(
    <ColumnTable table={FRUIT_TABLE} items={FRUITS} context={context} sorting={{ sort: null, onSort }} />,
  );
  return onSort;
}

describe('ColumnTable', () => {
  it('shows one row per item, in the order given, with each column’s cell, and highlights the rows asked for', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Fruit in g' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Pear', '180 g', 'Pick'],
      ['Fig', '50 g', 'Pick'],
    ]);
    expect(
      screen.getByTestId('fruit-Fig').getAttribute('data-ts--dynamic-table--table-row--highlighted'),
    ).toBe('true');
    expect(
      screen.getByTestId('fruit-Pear').hasAttribute('data-ts--dynamic-table--table-row--highlighted'),
    ).toBe(false);
  });

  it('sorts by the sortable columns only, reported as a typed sort', () => {
    const onSort = renderTable();
    fireEvent.click(screen.getByRole('button', { name: /Weight/ }));
    expect(onSort).toHaveBeenCalledWith({ key: 'weight', order: 'ASC' });
    expect(screen.queryByRole('button', { name: /Actions/ })).toBeNull();
  });
});
