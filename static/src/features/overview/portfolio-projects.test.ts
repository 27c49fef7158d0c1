import type { ProjectOverview } from '@contracts/resolver-contract';
import { toCsv } from '../../shared/csv/csv';
import {
  PRIORITY_CSV_COLUMNS,
  PROJECT_CSV_COLUMNS,
  portfolioScopeNote,
  projectsOfPortfolio,
  sortProjectsForTable,
} from './portfolio-projects';
import type { HealthState } from './project-health';

function project(key: string, name: string, extra: Partial<ProjectOverview> = {}): ProjectOverview {
  return {
    id: key,
    key,
    name,
    category: null,
    avatarUrl: null,
    style: 'classic',
    counts: { new: 1, indeterminate: 2, done: 3 },
    total: 6,
    url: `/browse/${key}`,
    ...extra,
  };
}

const browsable = [project('ATLAS', 'Atlas'), project('BEACON', 'Beacon'), project('COMET', 'Comet')];

function report(keys: string[], staleProjects: string[] = []) {
  return { projects: keys.map((key) => ({ key })), meta: { staleProjects } };
}

describe('projectsOfPortfolio', () => {
  it("keeps only the browsable projects the portfolio's report covers, and says so", () => {
    const state = projectsOfPortfolio(browsable, 'category:10000', report(['BEACON']), false);
    expect(state.status).toBe('ready');
    expect(state.projects.map((p) => p.key)).toEqual(['BEACON']);
    expect(portfolioScopeNote(state, 'category:10000')).toBe(
      'Showing the 1 project of the selected portfolio (you can browse 3).',
    );
  });

  it('keeps projects the report could not read (stale), so they are not silently dropped', () => {
    const state = projectsOfPortfolio(browsable, 'category:1', report(['ATLAS'], ['COMET']), false);
    expect(state.projects.map((p) => p.key)).toEqual(['ATLAS', 'COMET']);
  });

  it('lists every browsable project, and says nothing, for "all" when the report covers them all', () => {
    const state = projectsOfPortfolio(browsable, 'all', report(['ATLAS', 'BEACON', 'COMET']), false);
    expect(state.projects).toHaveLength(3);
    expect(state.narrowed).toBe(false);
    expect(portfolioScopeNote(state, 'all')).toBeNull();
  });

  it('lists every browsable project while the report loads or after it failed, and says why', () => {
    const pending = projectsOfPortfolio(browsable, 'category:1', undefined, false);
    expect(pending.status).toBe('pending');
    expect(pending.projects).toHaveLength(3);
    expect(portfolioScopeNote(pending, 'category:1')).toMatch(/until the selected portfolio is loaded/);
    expect(portfolioScopeNote(pending, 'all')).toBeNull();
    const failed = projectsOfPortfolio(browsable, 'category:1', undefined, true);
    expect(failed.status).toBe('unknown');
    expect(portfolioScopeNote(failed, 'category:1')).toMatch(/could not be loaded/);
  });
});

describe('sortProjectsForTable', () => {
  const health: HealthState = {
    status: 'ready',
    byKey: new Map(
      (
        [
          ['ATLAS', 'green', null],
          ['BEACON', 'red', 'Late'],
          ['COMET', 'amber', 'Stale'],
        ] as const
      ).map(([key, rag, reason]) => [
        key,
        { rag, reason, computed: { rag, reason }, override: null, variance: null, scope: null },
      ]),
    ),
  };

  it('sorts by name by default and worst health first on the Health column', () => {
    const shuffled = [browsable[2], browsable[0], browsable[1]] as ProjectOverview[];
    expect(sortProjectsForTable(shuffled, health, { key: 'name', order: 'ASC' }).map((p) => p.key)).toEqual([
      'ATLAS',
      'BEACON',
      'COMET',
    ]);
    expect(sortProjectsForTable(shuffled, health, { key: 'health', order: 'ASC' }).map((p) => p.key)).toEqual(
      ['BEACON', 'COMET', 'ATLAS'],
    );
    expect(sortProjectsForTable(shuffled, health, { key: 'name', order: 'DESC' }).map((p) => p.key)).toEqual([
      'COMET',
      'BEACON',
      'ATLAS',
    ]);
  });
});

describe('sorting by the baseline columns', () => {
  const view = (variance: number | null, scope: number | null) => ({
    rag: 'green' as const,
    reason: null,
    computed: { rag: 'green' as const, reason: null },
    override: null,
    variance: { name: 'variance' as const, value: variance, rag: 'green' as const, reason: '' },
    scope: { name: 'scope' as const, value: scope, rag: 'green' as const, reason: '' },
  });
  const health: HealthState = {
    status: 'ready',
    byKey: new Map([
      ['ATLAS', view(-3, -30)],
      ['BEACON', view(20, 5)],
      ['COMET', view(null, null)],
    ]),
  };

  it('puts the latest finish and the largest scope change (either way) first, projects without a baseline last', () => {
    const order = (key: 'variance' | 'scope', sortOrder: 'ASC' | 'DESC') =>
      sortProjectsForTable(browsable, health, { key, order: sortOrder }).map((p) => p.key);
    expect(order('variance', 'ASC')).toEqual(['BEACON', 'ATLAS', 'COMET']);
    expect(order('variance', 'DESC')).toEqual(['ATLAS', 'BEACON', 'COMET']);
    expect(order('scope', 'ASC')).toEqual(['ATLAS', 'BEACON', 'COMET']);
  });
});

describe('PROJECT_CSV_COLUMNS', () => {
  it('exports the figures, the RAG and its reason; health unknown while loading', () => {
    const rows = [project('ATLAS', '=Atlas', { category: 'Platform' })];
    const ready: HealthState = {
      status: 'ready',
      byKey: new Map([
        [
          'ATLAS',
          {
            rag: 'red',
            reason: '3 overdue',
            computed: { rag: 'red', reason: '3 overdue' },
            override: null,
            variance: { name: 'variance', value: 12, rag: 'amber', reason: '12 days late' },
            scope: { name: 'scope', value: -4.5, rag: 'green', reason: 'shrank' },
          },
        ],
      ]),
    };
    expect(
      toCsv(
        PROJECT_CSV_COLUMNS,
        rows.map((p) => ({ project: p, health: ready })),
      ).split('\r\n'),
    ).toEqual([
      'Key,Project,Category,Health,Health reason,Computed health,Computed reason,Override set by,Override set at,Override until,To Do,In progress,Done,Total,Schedule variance (days),Scope change (%)',
      "ATLAS,'=Atlas,Platform,Red,3 overdue,Red,3 overdue,,,,1,2,3,6,12,-4.5",
    ]);
    const loading: HealthState = { status: 'loading' };
    expect(
      toCsv(
        PROJECT_CSV_COLUMNS,
        rows.map((p) => ({ project: p, health: loading })),
      ).split('\r\n')[1],
    ).toBe("ATLAS,'=Atlas,Platform,,,,,,,,1,2,3,6,,");
  });

  it('exports an override with who, when and until when, and keeps the computed RAG beside it', () => {
    const override = {
      rag: 'green',
      reason: 'Re-planned',
      expiresAt: '2099-01-01T00:00:00.000Z',
      by: 'pmo-lead',
      setAt: '2026-12-01T10:00:00.000Z',
    } as const;
    const overridden: HealthState = {
      status: 'ready',
      byKey: new Map([
        [
          'ATLAS',
          {
            rag: 'green',
            reason: 'Set by the PMO: Re-planned',
            computed: { rag: 'red', reason: '3 overdue' },
            override,
            variance: null,
            scope: null,
          },
        ],
      ]),
    };
    expect(
      toCsv(PROJECT_CSV_COLUMNS, [{ project: project('ATLAS', 'Atlas'), health: overridden }]).split(
        '\r\n',
      )[1],
    ).toBe(
      'ATLAS,Atlas,,Green,Set by the PMO: Re-planned,Red,3 overdue,pmo-lead,2026-12-01T10:00:00.000Z,2099-01-01T00:00:00.000Z,1,2,3,6,,',
    );
  });
});

describe('the priority rank column', () => {
  const loading: HealthState = { status: 'loading' };
  const priorities = new Map([
    ['COMET', { rank: 1, computedRank: 3, issueKey: 'COMET-4', proposals: 2 }],
    ['ATLAS', { rank: 2, computedRank: 1, issueKey: 'ATLAS-9', proposals: 1 }],
  ]);

  it('sorts by rank, projects without a ranked proposal last in either order', () => {
    const sorted = (order: 'ASC' | 'DESC') =>
      sortProjectsForTable(browsable, loading, { key: 'priority', order }, priorities).map((p) => p.key);
    expect(sorted('ASC')).toEqual(['COMET', 'ATLAS', 'BEACON']);
    expect(sorted('DESC')).toEqual(['ATLAS', 'COMET', 'BEACON']);
  });

  it('goes to the CSV with the computed rank and the proposal holding it; blank for a project without one', () => {
    const rows = browsable.map((p) => ({ project: p, health: loading, priority: priorities.get(p.key) }));
    const csv = toCsv([...PROJECT_CSV_COLUMNS.slice(0, 1), ...PRIORITY_CSV_COLUMNS], rows).split('\r\n');
    expect(csv).toEqual([
      'Key,Priority rank,Computed priority rank,Top proposal,Ranked proposals',
      'ATLAS,2,1,ATLAS-9,1',
      'BEACON,,,,0',
      'COMET,1,3,COMET-4,2',
    ]);
  });
});
