import type { ProjectOverview } from '@contracts/resolver-contract';
import { projectSortValue, projectTotal, summarizePortfolio } from './portfolio-summary';

function project(
  key: string,
  counts: ProjectOverview['counts'],
  extra: Partial<ProjectOverview> = {},
): ProjectOverview {
  return {
    id: key,
    key,
    name: `Project ${key}`,
    category: null,
    avatarUrl: null,
    style: 'classic',
    counts,
    total: counts === null ? null : counts.new + counts.indeterminate + counts.done,
    url: `/browse/${key}`,
    ...extra,
  };
}

describe('summarizePortfolio', () => {
  it('counts To Do and In progress as open, and leaves out projects whose counts are unknown', () => {
    const summary = summarizePortfolio([
      project('A', { new: 3, indeterminate: 2, done: 10 }),
      project('B', { new: 0, indeterminate: 5, done: 1 }),
      project('C', null),
    ]);
    expect(summary).toEqual({ projects: 3, open: 10, done: 11, unknownProjects: 1 });
  });

  it('is all zeros for an empty portfolio', () => {
    expect(summarizePortfolio([])).toEqual({ projects: 0, open: 0, done: 0, unknownProjects: 0 });
  });
});

describe('projectSortValue', () => {
  it('sorts unknown counts and totals below every real count', () => {
    const unknown = project('U', null);
    for (const column of ['new', 'indeterminate', 'done', 'total'] as const) {
      expect(projectSortValue(unknown, column)).toBe(-1);
    }
    expect(projectSortValue(project('Z', { new: 0, indeterminate: 0, done: 0 }), 'new')).toBe(0);
  });

  it('sorts a missing category as empty text', () => {
    expect(projectSortValue(project('A', null), 'category')).toBe('');
    expect(projectSortValue(project('A', null, { category: 'Finance' }), 'category')).toBe('Finance');
  });
});

describe('projectTotal', () => {
  it("prefers the server's total and falls back to the sum of the counts", () => {
    expect(projectTotal(project('A', { new: 1, indeterminate: 1, done: 1 }, { total: 7 }))).toBe(7);
    expect(projectTotal(project('A', { new: 1, indeterminate: 2, done: 3 }, { total: null }))).toBe(6);
    expect(projectTotal(project('A', null))).toBeNull();
  });
});
