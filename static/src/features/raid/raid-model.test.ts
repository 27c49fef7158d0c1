import type { PortfolioReport } from '@domain/portfolio/schema';
import { buildHeatMap, type RaidLogEntry, type RiskEntry, type Roam, scoreRisk } from '@domain/risks/raid';
import { toCsv } from '../../shared/csv/csv';
import {
  filterRisks,
  formatDay,
  heatCellLabel,
  heatMapRows,
  isOverdue,
  levelRanges,
  levelRangeText,
  logCsvColumns,
  raidFigures,
  riskCsvColumns,
  roamBreakdown,
  sortLog,
  sortRisks,
} from './raid-model';

const settings = { riskMatrix: { high: 15, medium: 8 }, riskFallback: { probability: 3, impact: 3 } };

function risk(
  key: string,
  probability: number | null,
  impact: number | null,
  extra: Partial<Pick<RiskEntry, 'open' | 'due' | 'summary' | 'owner' | 'ownerName'>> & { roam?: Roam } = {},
): RiskEntry {
  return {
    key,
    summary: `Risk ${key}`,
    projectKey: key.split('-')[0] ?? key,
    status: 'To Do',
    open: true,
    ...scoreRisk(probability, impact, settings),
    roam: 'unroamed',
    owner: null,
    due: null,
    ...extra,
  };
}

const risks = [
  risk('ATLAS-1', 5, 5, { due: '2026-01-01' }),
  risk('ATLAS-2', 4, 5, { roam: 'owned' }),
  risk('BEACON-7', 4, 5, { roam: 'mitigated', due: '2030-01-01' }),
  risk('BEACON-3', null, 2),
  risk('ATLAS-3', 4, 5, { roam: 'resolved' }),
  risk('ATLAS-4', 4, 5, { open: false }),
  risk('COMET-1', 1, 1),
];
const heatmap = buildHeatMap(risks, settings.riskMatrix);
const names = new Map([
  ['ATLAS', 'Atlas'],
  ['BEACON', 'Beacon'],
  ['COMET', 'Comet'],
]);

describe('heatMapRows', () => {
  it('draws probability 5 on top down to 1, impact 1..5 left to right, from cells[p-1][i-1]', () => {
    const rows = heatMapRows(heatmap);
    expect(rows.map((row) => row.map((cell) => `${cell.probability}${cell.impact}`))).toEqual([
      ['51', '52', '53', '54', '55'],
      ['41', '42', '43', '44', '45'],
      ['31', '32', '33', '34', '35'],
      ['21', '22', '23', '24', '25'],
      ['11', '12', '13', '14', '15'],
    ]);
    expect(rows[0]?.[4]).toBe(heatmap.cells[4]?.[4]);
    expect(rows[1]?.[4]?.count).toBe(2);
    expect(rows[4]?.[0]?.level).toBe('low');
    expect(rows[0]?.[4]?.level).toBe('high');
  });

  it('never shifts the grid when a cell is missing or misplaced', () => {
    const broken = { ...heatmap, cells: heatmap.cells.map((row, p) => (p === 0 ? row.slice(1) : row)) };
    const rows = heatMapRows(broken);
    expect(rows[4]?.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[4]?.every((cell) => cell.probability === 1 && cell.count === 0)).toBe(true);
  });
});

describe('heatCellLabel', () => {
  it('names the coordinates and the count', () => {
    expect(heatCellLabel({ probability: 4, impact: 5, count: 3 })).toBe('Probability 4, impact 5: 3 risks');
    expect(heatCellLabel({ probability: 1, impact: 1, count: 1 })).toBe('Probability 1, impact 1: 1 risk');
  });
});

describe('filterRisks', () => {
  it('without a filter, is the whole register', () => {
    expect(filterRisks(risks, heatmap, null)).toBe(risks);
  });

  it('with a cell, is exactly the risks that cell counts: open and not resolved, in register order', () => {
    const rows = filterRisks(risks, heatmap, { probability: 4, impact: 5 });
    expect(rows.map((r) => r.key)).toEqual(['ATLAS-2', 'BEACON-7']);
    expect(rows).toHaveLength(heatmap.cells[3]?.[4]?.count ?? -1);
  });

  it('puts an estimated risk where its fallback score lands', () => {
    expect(filterRisks(risks, heatmap, { probability: 3, impact: 2 }).map((r) => r.key)).toEqual([
      'BEACON-3',
    ]);
  });

  it('is empty for an empty cell or coordinates off the map', () => {
    expect(filterRisks(risks, heatmap, { probability: 2, impact: 2 })).toEqual([]);
    expect(filterRisks(risks, heatmap, { probability: 9, impact: 1 })).toEqual([]);
  });
});

describe('levelRanges', () => {
  it("reads each level's score range from the classified cells, high first", () => {
    const ranges = levelRanges(heatmap);
    expect(ranges).toEqual([
      { level: 'high', min: 15, max: 25 },
      { level: 'medium', min: 8, max: 12 },
      { level: 'low', min: 1, max: 6 },
    ]);
    expect(ranges.map(levelRangeText)).toEqual(['score 15–25', 'score 8–12', 'score 1–6']);
  });
});

describe('sortRisks', () => {
  it("keeps the report's order until a column is chosen", () => {
    expect(sortRisks(risks, null, names)).toBe(risks);
  });

  it('sorts by level high first, by key numerically, by due with undated first ascending', () => {
    expect(sortRisks(risks, { key: 'level', order: 'ASC' }, names).map((r) => r.level)).toEqual([
      'high',
      'high',
      'high',
      'high',
      'high',
      'low',
      'low',
    ]);
    const byKey = sortRisks(
      [risk('A-10', 1, 1), risk('A-9', 1, 1), risk('A-100', 1, 1)],
      { key: 'key', order: 'ASC' },
      names,
    );
    expect(byKey.map((r) => r.key)).toEqual(['A-9', 'A-10', 'A-100']);
    expect(sortRisks(risks, { key: 'due', order: 'DESC' }, names)[0]?.key).toBe('BEACON-7');
    expect(sortRisks(risks, { key: 'roam', order: 'ASC' }, names).at(-1)?.key).toBe('ATLAS-3');
  });
});

describe('CSV', () => {
  it('exports a risk with every register field, formulas neutralised', () => {
    const rows = [
      risk('ATLAS-9', null, 4, {
        summary: '=HYPERLINK("x")',
        owner: 'acc-1',
        ownerName: 'Ada Lovelace',
        due: '2027-03-28',
      }),
      risk('ATLAS-10', null, 4, { owner: 'acc-gone', ownerName: null }),
    ];
    const [header, line, unnamed] = toCsv(riskCsvColumns(names), rows).split('\r\n');
    expect(header).toBe(
      'Key,Summary,Project key,Project,Status,Open,Probability,Impact,Score,Level,Estimated,Owner,Owner account id,ROAM,Due',
    );
    expect(line).toBe(
      `ATLAS-9,"'=HYPERLINK(""x"")",ATLAS,Atlas,To Do,yes,3,4,12,Medium,yes,Ada Lovelace,acc-1,Not ROAMed,2027-03-28`,
    );
    // #14.3: an owner Jira does not name reads "Unknown user", never the id alone.
    expect(unnamed).toContain(',Unknown user,acc-gone,');
  });

  it('exports log entries, a hidden summary as an empty cell', () => {
    const entry: RaidLogEntry = {
      key: 'COMET-2',
      summary: null,
      projectKey: 'COMET',
      status: 'Done',
      open: false,
      owner: null,
      due: null,
    };
    expect(toCsv(logCsvColumns(names), [entry]).split('\r\n')).toEqual([
      'Key,Summary,Project key,Project,Status,Open,Owner,Owner account id,Due',
      'COMET-2,,COMET,Comet,Done,no,,,',
    ]);
  });
});

describe('sortLog', () => {
  it('sorts by project name', () => {
    const entries: RaidLogEntry[] = ['COMET-1', 'ATLAS-1'].map((key) => ({
      key,
      summary: key,
      projectKey: key.split('-')[0] ?? '',
      status: 'To Do',
      open: true,
      owner: null,
      due: null,
    }));
    expect(sortLog(entries, { key: 'project', order: 'ASC' }, names).map((e) => e.key)).toEqual([
      'ATLAS-1',
      'COMET-1',
    ]);
  });
});

describe('figures and dates', () => {
  const asOf = '2026-06-15T10:00:00.000Z';
  it('counts open unresolved risks as the heat map does', () => {
    const figures = raidFigures({ risks, heatmap, asOf } as Pick<
      PortfolioReport,
      'risks' | 'heatmap' | 'asOf'
    >);
    expect(figures).toEqual({ openRisks: 5, highRisks: 3, unroamed: 3, overdue: 1, estimated: 1 });
  });

  it('is overdue only when open and due before the report day', () => {
    expect(isOverdue({ open: true, due: '2026-06-14' }, asOf)).toBe(true);
    expect(isOverdue({ open: true, due: '2026-06-15' }, asOf)).toBe(false);
    expect(isOverdue({ open: false, due: '2026-01-01' }, asOf)).toBe(false);
    expect(isOverdue({ open: true, due: null }, asOf)).toBe(false);
  });

  it('formats a due day without shifting it by the time zone', () => {
    expect(formatDay('2027-03-28')).toBe('Mar 28, 2027');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('roamBreakdown', () => {
  it('counts open, unresolved risks by ROAM status, not-ROAMed first, empty statuses left out', () => {
    expect(roamBreakdown(risks)).toEqual([
      { roam: 'unroamed', count: 3 },
      { roam: 'owned', count: 1 },
      { roam: 'mitigated', count: 1 },
    ]);
    expect(roamBreakdown([])).toEqual([]);
  });
});
