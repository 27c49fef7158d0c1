import type { BoardRow } from '@domain/status/board';
import {
  boardMarkdown,
  boardOrder,
  editorStartText,
  filterRows,
  formatBoardQuery,
  NO_FILTERS,
  parseBoardQuery,
} from './status-model';

const row = (projectKey: string, overrides: Partial<BoardRow> = {}): BoardRow => ({
  projectKey,
  projectName: `${projectKey} name`,
  computedRag: 'green',
  ragReason: null,
  state: 'due',
  published: null,
  drafting: false,
  disagreement: null,
  disagreementText: null,
  canWrite: false,
  ...overrides,
});

const published = (status: 'on-track' | 'at-risk' | 'off-track', commentary = '') => ({
  version: 1,
  status,
  commentary,
  publishedBy: 'a',
  publishedByName: 'Ann <script>',
  publishedAt: '2026-12-10T09:00:00.000Z',
});

const rows = [
  row('ALPHA', {
    state: 'published',
    published: published('on-track'),
    computedRag: 'red',
    disagreement: 'rosier',
    disagreementText: 'says on track, data says red',
  }),
  row('BETA', { state: 'late' }),
  row('GAMMA', { state: 'published', published: published('at-risk') }),
];

describe('the status board model', () => {
  it('filters by update state, stated status, disagreement and search', () => {
    expect(filterRows(rows, { ...NO_FILTERS, state: 'published' }).map((r) => r.projectKey)).toEqual([
      'ALPHA',
      'GAMMA',
    ]);
    expect(filterRows(rows, { ...NO_FILTERS, stated: 'none' }).map((r) => r.projectKey)).toEqual(['BETA']);
    expect(filterRows(rows, { ...NO_FILTERS, disagreementsOnly: true }).map((r) => r.projectKey)).toEqual([
      'ALPHA',
    ]);
    expect(filterRows(rows, { ...NO_FILTERS, search: 'gam' }).map((r) => r.projectKey)).toEqual(['GAMMA']);
  });

  it('puts late projects first, then rosier-than-data ones', () => {
    expect(boardOrder(rows).map((r) => r.projectKey)).toEqual(['BETA', 'ALPHA', 'GAMMA']);
  });

  it('keeps filters, period and open project in the URL and ignores what it does not understand', () => {
    const query = {
      filters: { state: 'late' as const, stated: 'all' as const, disagreementsOnly: true, search: 'at' },
      periodId: '2026-12-07',
      project: 'ALPHA',
    };
    expect(parseBoardQuery(formatBoardQuery(query))).toEqual(query);
    expect(parseBoardQuery('?state=bogus&period=x&project=<b>')).toEqual({
      filters: NO_FILTERS,
      periodId: null,
      project: null,
    });
    expect(formatBoardQuery({ filters: NO_FILTERS, periodId: null, project: null })).toBe('');
  });

  it('exports Markdown where names and commentary cannot inject markup or links', () => {
    const text = boardMarkdown(
      {
        period: {
          id: '2026-12-07',
          start: '2026-12-07',
          end: '2026-12-13',
          due: '2026-12-11',
          label: 'Week of 7 Dec 2026',
        },
        timeZone: 'UTC',
      },
      [
        row('ALPHA', {
          projectName: 'A | [x](http://evil)',
          state: 'published',
          published: published('on-track', 'see <img src=x> **now**'),
        }),
      ],
      'Delivery',
    );
    expect(text).toContain(
      '| A \\| \\[x\\]\\(http\\://evil\\) (ALPHA) | Published | On track | Green |  | v1 by Ann &lt;script&gt;, 2026-12-10 |',
    );
    expect(text).toContain('- **A \\| \\[x\\]\\(http\\://evil\\)**: see &lt;img src=x&gt; \\*\\*now\\*\\*');
  });
});

describe('the text the update editor opens with', () => {
  const draft = (savedAt: string) => ({
    revision: 3,
    status: 'at-risk' as const,
    commentary: 'Draft text',
    savedBy: 'a',
    savedAt,
    savedByName: 'Ann',
  });
  const version = (publishedAt: string) =>
    ({ ...published('on-track', 'Published text'), publishedAt }) as unknown as Parameters<
      typeof editorStartText
    >[0]['published'][number];

  it.each([
    [
      'the published version when it is newer than the last saved draft (a publish outran the autosave)',
      '2026-12-10T09:00:00.000Z',
      { status: 'on-track', commentary: 'Published text' },
    ],
    [
      'the draft when it was saved after the publication',
      '2026-12-10T10:00:00.000Z',
      { status: 'at-risk', commentary: 'Draft text' },
    ],
  ])('is %s', (_case, draftSavedAt, expected) => {
    const published = [version('2026-12-10T09:00:05.000Z')];
    expect(editorStartText({ draft: draft(draftSavedAt), published })).toEqual(expected);
  });

  it('is empty when there is neither a draft nor a publication', () => {
    expect(editorStartText({ draft: null, published: [] })).toEqual({ status: null, commentary: '' });
  });
});
