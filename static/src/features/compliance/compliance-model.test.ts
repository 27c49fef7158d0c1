import { toCsv } from '../../shared/csv/csv';
import { issueUrl } from '../../shared/lib/jira-url';
import type { ComplianceReport } from '../../shared/portfolio/report-helpers';
import {
  activeFilter,
  cellLabel,
  complianceFigure,
  complianceMatrix,
  filterViolations,
  healthCountsNote,
  nothingApplies,
  sortViolations,
  type Violation,
  violationCsvColumns,
} from './compliance-model';

const violation = (over: Partial<Violation>): Violation => ({
  key: 'A-1',
  projectKey: 'A',
  summary: 'Something',
  standardId: 's1',
  standardName: 'Standard one',
  mode: 'warn',
  messages: ['Due date is required.'],
  ...over,
});

const report: ComplianceReport = {
  standards: [
    { id: 's1', name: 'Standard one', mode: 'enforce' },
    { id: 's2', name: 'Standard two', mode: 'warn' },
  ],
  projects: [
    {
      projectKey: 'A',
      evaluated: 20,
      compliant: 17,
      byStandard: [{ standardId: 's1', applicable: 20, violating: 3 }],
    },
    {
      projectKey: 'B',
      evaluated: 10,
      compliant: 5,
      byStandard: [
        { standardId: 's1', applicable: 4, violating: 0 },
        { standardId: 's2', applicable: 10, violating: 5 },
      ],
    },
  ],
  violations: [
    violation({ key: 'A-1' }),
    violation({ key: 'A-2', summary: null }),
    violation({ key: 'A-10' }),
    violation({ key: 'B-1', projectKey: 'B', standardId: 's2', standardName: 'Standard two' }),
  ],
  gates: [],
  totals: { evaluated: 30, compliant: 22, violating: 8 },
  truncated: { violations: false, gates: false },
  problems: [],
};
const names = new Map([
  ['A', 'Atlas'],
  ['B', 'Beacon'],
]);

describe('compliance percentages and tones', () => {
  const thresholds = { amber: 90, red: 75 };
  test('round like the overview, never up across a threshold or to 100, null when nothing was evaluated (#14.7)', () => {
    expect(complianceFigure(17, 20, thresholds)?.percent).toBe(85);
    // 71.6 %: the overview's compliance indicator says 72 %, and so does the compliance view.
    expect(complianceFigure(63, 88, thresholds)?.percent).toBe(72);
    expect(complianceFigure(199, 200, thresholds)?.percent).toBe(99.5);
    expect(complianceFigure(1799, 2000, thresholds)?.percent).toBe(89.9);
    expect(complianceFigure(0, 0, thresholds)).toBeNull();
  });
  test('the tone is the RAG against the configured thresholds', () => {
    expect(complianceFigure(100, 100, thresholds)?.tone).toBe('success');
    expect(complianceFigure(90, 100, thresholds)?.tone).toBe('success');
    expect(complianceFigure(89, 100, thresholds)?.tone).toBe('warning');
    expect(complianceFigure(75, 100, thresholds)?.tone).toBe('warning');
    expect(complianceFigure(74, 100, thresholds)?.tone).toBe('danger');
    expect(complianceFigure(74, 100, { amber: 70, red: 50 })?.tone).toBe('success');
  });
});

describe('complianceMatrix', () => {
  const matrix = complianceMatrix(report, names);
  test('a row per project, a cell per standard in the report order; missing cells do not apply', () => {
    expect(matrix.rows.map((row) => row.projectName)).toEqual(['Atlas', 'Beacon']);
    expect(matrix.rows[0]?.cells).toEqual([
      { standardId: 's1', applicable: 20, violating: 3, percent: 85, tone: 'warning' },
      { standardId: 's2', applicable: 0, violating: 0, percent: null, tone: null },
    ]);
    expect(matrix.rows[1]?.cells.map((cell) => [cell.percent, cell.tone])).toEqual([
      [100, 'success'],
      [50, 'danger'],
    ]);
    expect(matrix.rows[1]).toMatchObject({ percent: 50, tone: 'danger', evaluated: 10, compliant: 5 });
  });
  test('totals per standard across projects', () => {
    expect(matrix.totals).toEqual([
      { standardId: 's1', applicable: 24, violating: 3, percent: 88, tone: 'warning' },
      { standardId: 's2', applicable: 10, violating: 5, percent: 50, tone: 'danger' },
    ]);
  });
  test('unknown project names fall back to the key', () => {
    expect(complianceMatrix(report, new Map()).rows[0]?.projectName).toBe('A');
  });
  test('cell labels say what the cell holds', () => {
    const [cell, none] = matrix.rows[0]?.cells ?? [];
    if (!cell || !none) throw new Error('no cells');
    expect(cellLabel('Atlas', 'Standard one', cell)).toBe(
      'Atlas, Standard one: 3 of 20 issues violate, 85 % compliant',
    );
    expect(cellLabel('Atlas', 'Standard two', none)).toBe('Atlas, Standard two: does not apply');
  });
});

describe('nothingApplies', () => {
  test('null report, no standards, or no applicable issue', () => {
    expect(nothingApplies(null)).toBe(true);
    expect(nothingApplies({ ...report, standards: [] })).toBe(true);
    expect(nothingApplies({ ...report, projects: [] })).toBe(true);
    expect(
      nothingApplies({
        ...report,
        projects: [{ projectKey: 'A', evaluated: 0, compliant: 0, byStandard: [] }],
      }),
    ).toBe(true);
    expect(nothingApplies(report)).toBe(false);
  });
});

describe('filtering and sorting violations', () => {
  const matrix = complianceMatrix(report, names);
  test('a cell filter keeps exactly that project’s violations of that standard', () => {
    expect(
      filterViolations(report.violations, { projectKey: 'A', standardId: 's1' }).map((v) => v.key),
    ).toEqual(['A-1', 'A-2', 'A-10']);
    expect(filterViolations(report.violations, { projectKey: 'B', standardId: 's1' })).toEqual([]);
    expect(filterViolations(report.violations, null)).toHaveLength(4);
  });
  test('a filter on a cell without violations (or gone) is dropped', () => {
    expect(activeFilter(matrix, { projectKey: 'A', standardId: 's1' })).toEqual({
      projectKey: 'A',
      standardId: 's1',
    });
    expect(activeFilter(matrix, { projectKey: 'B', standardId: 's1' })).toBeNull();
    expect(activeFilter(matrix, { projectKey: 'Z', standardId: 's1' })).toBeNull();
    expect(activeFilter(matrix, null)).toBeNull();
  });
  test('sorts like the table: numeric keys, both ways; the report order without a sort', () => {
    const keys = (sorted: readonly Violation[]) => sorted.map((v) => v.key);
    expect(keys(sortViolations(report.violations, null, names))).toEqual(['A-1', 'A-2', 'A-10', 'B-1']);
    expect(keys(sortViolations(report.violations, { key: 'key', order: 'DESC' }, names))).toEqual([
      'B-1',
      'A-10',
      'A-2',
      'A-1',
    ]);
    expect(keys(sortViolations(report.violations, { key: 'project', order: 'DESC' }, names))[0]).toBe('B-1');
  });
});

describe('violation CSV', () => {
  test('one row per visible violation; restricted summaries say so; formulas neutralised', () => {
    const rows = [
      violation({ key: 'A-2', summary: null }),
      violation({ key: 'A-3', summary: '=HYPERLINK("x")', messages: ['One.', 'Two.'] }),
    ];
    const csv = toCsv(violationCsvColumns(names), rows).split('\r\n');
    expect(csv[0]).toBe('Key,Summary,Project key,Project,Standard,Mode,What it misses');
    expect(csv[1]).toBe('A-2,Restricted issue,A,Atlas,Standard one,Guidance,Due date is required.');
    expect(csv[2]).toBe('A-3,"\'=HYPERLINK(""x"")",A,Atlas,Standard one,Guidance,One. Two.');
  });
  test('issue links go to /browse/KEY', () => {
    expect(issueUrl('ATLAS-1')).toBe('/browse/ATLAS-1');
  });
});

describe('how the compliance page says what health counts (#14.13)', () => {
  const standards = [
    { id: 'a', name: 'Epic stage gates', mode: 'enforce' as const },
    { id: 'b', name: 'Ready for delivery', mode: 'warn' as const },
    { id: 'c', name: 'Risks are owned', mode: 'warn' as const },
  ];

  it('names the warn-mode standards health leaves out', () => {
    expect(healthCountsNote({ standards, healthCounts: 'enforced' })).toBe(
      "Project health counts only enforced standards: Ready for delivery and Risks are owned are in warn mode, listed here as warnings without changing a project's RAG.",
    );
  });

  it('says nothing when health counts every standard listed', () => {
    expect(healthCountsNote({ standards, healthCounts: 'all' })).toBeNull();
    expect(healthCountsNote({ standards: standards.slice(0, 1), healthCounts: 'enforced' })).toBeNull();
  });
});
