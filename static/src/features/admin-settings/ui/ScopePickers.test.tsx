/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import type { SiteCatalog } from '../catalog';
import { ScopePickers } from './ScopePickers';

const catalog: SiteCatalog = {
  projects: [{ key: 'PAY', name: 'Payments', categoryId: null }],
  categories: [{ id: '10', name: 'Delivery' }],
  issueTypes: [{ id: '1', name: 'Epic' }],
  statuses: [],
  fields: [],
  linkTypes: [],
  suggestedFieldMapping: {},
  suggestedBlockingLinks: [],
};

describe('scope pickers', () => {
  it('offers a picker per list in the order given, each telling what an empty list means', () => {
    render(
      <ScopePickers
        pickers={[
          { list: 'issueTypes', emptyText: 'Any issue type', testSuffix: 'types' },
          { list: 'projectKeys', emptyText: 'Any project', testSuffix: 'projects' },
        ]}
        values={{ projectKeys: ['PAY'] }}
        onChange={() => undefined}
        problemsOf={() => []}
        catalog={catalog}
        testId="candidates"
      />,
    );
    const labels = screen
      .getAllByText(/^(Issue types|Projects|Project categories)$/)
      .map((l) => l.textContent);
    expect(labels).toEqual(['Issue types', 'Projects']);
    expect(screen.getByText('Any issue type')).toBeTruthy();
    expect(screen.getByText('Payments (PAY)')).toBeTruthy();
    expect(screen.getByTestId('candidates-projects')).toBeTruthy();
  });

  it('reports a change with the list it belongs to, and shows that list problems', () => {
    const onChange = jest.fn();
    render(
      <ScopePickers
        pickers={[{ list: 'categoryIds', emptyText: 'All categories', testSuffix: 'categories' }]}
        values={{ categoryIds: ['10', 'gone'] }}
        onChange={onChange}
        problemsOf={(list) => [`${list} has a category this site does not have`]}
        catalog={catalog}
        testId="scope"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delivery, remove' }));
    expect(onChange).toHaveBeenCalledWith('categoryIds', ['gone']);
    expect(screen.getByText('categoryIds has a category this site does not have')).toBeTruthy();
  });
});
