import type { StatusUpdateView } from '@contracts/status';
import type { BoardRow, StatusBoard } from '@domain/status/board';
import { type DraftFacts, STATED_STATUS_LABELS, type StatedStatus } from '@domain/status/update';
import { markdownText } from '../../../../src/domain/export-text';
import { type CsvColumn, downloadFile } from '../../shared/csv/csv';
import { readChoice, readFlag, toSearch, writeFlag } from '../../shared/portfolio/url-query';
import { RAG_LABEL } from '../../shared/ui/rag';

/** The board's filters: which update state, which stated status, only disagreements, a search. */
export interface BoardFilters {
  state: BoardRow['state'] | 'all';
  stated: StatedStatus | 'none' | 'all';
  disagreementsOnly: boolean;
  search: string;
}

export const NO_FILTERS: BoardFilters = { state: 'all', stated: 'all', disagreementsOnly: false, search: '' };

export const STATE_LABELS: Record<BoardRow['state'], string> = {
  published: 'Published',
  late: 'Late',
  due: 'Not due yet',
};

export function filterRows(rows: readonly BoardRow[], filters: BoardFilters): BoardRow[] {
  const search = filters.search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filters.state === 'all' || row.state === filters.state) &&
      (filters.stated === 'all' ||
        (filters.stated === 'none' ? row.published === null : row.published?.status === filters.stated)) &&
      (!filters.disagreementsOnly || row.disagreement === 'rosier') &&
      (search === '' ||
        row.projectKey.toLowerCase().includes(search) ||
        row.projectName.toLowerCase().includes(search)),
  );
}

/** Late first, then disagreements, then by project: what a PMO chases first is on top. */
export function boardOrder(rows: readonly BoardRow[]): BoardRow[] {
  const rank = (row: BoardRow) => (row.state === 'late' ? 0 : row.disagreement === 'rosier' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.projectName.localeCompare(b.projectName));
}

export function counts(rows: readonly BoardRow[]) {
  return {
    published: rows.filter((row) => row.state === 'published').length,
    late: rows.filter((row) => row.state === 'late').length,
    due: rows.filter((row) => row.state === 'due').length,
    disagreements: rows.filter((row) => row.disagreement === 'rosier').length,
  };
}

const statedLabel = (row: BoardRow) => (row.published ? STATED_STATUS_LABELS[row.published.status] : '');

export const BOARD_CSV_COLUMNS: readonly CsvColumn<BoardRow>[] = [
  { header: 'project_key', value: (row) => row.projectKey },
  { header: 'project', value: (row) => row.projectName },
  { header: 'update', value: (row) => STATE_LABELS[row.state] },
  { header: 'stated_status', value: statedLabel },
  { header: 'computed_rag', value: (row) => row.computedRag },
  { header: 'disagreement', value: (row) => row.disagreementText ?? '' },
  { header: 'version', value: (row) => row.published?.version ?? '' },
  { header: 'published_by', value: (row) => row.published?.publishedByName ?? '' },
  { header: 'published_at', value: (row) => row.published?.publishedAt ?? '' },
  { header: 'commentary', value: (row) => row.published?.commentary ?? '' },
];

/** The board as Markdown for a wiki page or an e-mail: every Jira or user text escaped, nothing runs. */
export function boardMarkdown(
  board: Pick<StatusBoard, 'period' | 'timeZone'>,
  rows: readonly BoardRow[],
  portfolioName: string,
): string {
  const lines = [
    `# Status: ${markdownText(portfolioName)}, ${markdownText(board.period.label)}`,
    '',
    `Due ${board.period.due} (${markdownText(board.timeZone)}). ${rows.length} projects.`,
    '',
    '| Project | Update | Stated | Data | Flag | Published |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      [
        `${markdownText(row.projectName)} (${markdownText(row.projectKey)})`,
        STATE_LABELS[row.state],
        statedLabel(row) || '—',
        RAG_LABEL[row.computedRag],
        row.disagreementText ? `⚠ ${markdownText(row.disagreementText)}` : '',
        row.published
          ? `v${row.published.version} by ${markdownText(row.published.publishedByName)}, ${row.published.publishedAt.slice(0, 10)}`
          : '—',
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
  ];
  const written = rows.filter((row) => row.published && row.published.commentary.trim() !== '');
  if (written.length > 0) {
    lines.push('', '## Commentary', '');
    for (const row of written) {
      lines.push(`- **${markdownText(row.projectName)}**: ${markdownText(row.published?.commentary ?? '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Offers `text` as a Markdown file download. */
export function downloadMarkdown(filename: string, text: string): void {
  downloadFile(filename, new Blob([text], { type: 'text/markdown;charset=utf-8' }));
}

/** The drafted facts as commentary a writer starts from (cut to the limit at a line end). */
export function factsAsText(facts: DraftFacts, limit: number): string {
  const lines: string[] = [];
  lines.push(`Health: ${facts.health.computedRag}.`);
  for (const reason of facts.health.reasons) lines.push(`- ${reason}`);
  if (facts.changes.length > 0) {
    lines.push('', `Since ${facts.changesSince ?? 'the last update'}:`);
    for (const change of facts.changes) lines.push(`- ${change}`);
  }
  if (facts.upcoming.length > 0) {
    lines.push('', 'Next two weeks:');
    for (const item of facts.upcoming)
      lines.push(`- ${item.key} ${item.summary ?? ''} (${item.detail})`.replace(/ {2,}/g, ' '));
  }
  if (facts.overdue.count > 0)
    lines.push('', `Overdue: ${facts.overdue.count} open issues past their due date.`);
  if (facts.topRisks.length > 0) {
    lines.push('', 'Top risks:');
    for (const risk of facts.topRisks)
      lines.push(`- ${risk.key} ${risk.summary ?? ''} (score ${risk.score})`.replace(/ {2,}/g, ' '));
  }
  if (facts.conflicts.length > 0) {
    lines.push('', 'Cross-project conflicts:');
    for (const conflict of facts.conflicts) lines.push(`- ${conflict.text}`);
  }
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (next.length > limit) break;
    text = next;
  }
  return text;
}

/** What the board keeps in its URL: filters, the period shown and the project whose update is open. */
export interface BoardQuery {
  filters: BoardFilters;
  periodId: string | null;
  project: string | null;
}

const STATES = ['published', 'late', 'due'] as const;
const STATED = ['on-track', 'at-risk', 'off-track', 'none'] as const;

export function parseBoardQuery(search: string): BoardQuery {
  const params = new URLSearchParams(search);
  const period = params.get('period');
  const project = params.get('project');
  return {
    filters: {
      state: readChoice(params, 'state', STATES) ?? 'all',
      stated: readChoice(params, 'stated', STATED) ?? 'all',
      disagreementsOnly: readFlag(params, 'flagged'),
      search: params.get('q') ?? '',
    },
    periodId: period && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period : null,
    project: project && /^[A-Z][A-Z0-9_]{0,30}$/.test(project) ? project : null,
  };
}

export function formatBoardQuery(query: BoardQuery): string {
  const params = new URLSearchParams();
  if (query.filters.state !== 'all') params.set('state', query.filters.state);
  if (query.filters.stated !== 'all') params.set('stated', query.filters.stated);
  writeFlag(params, 'flagged', query.filters.disagreementsOnly);
  if (query.filters.search.trim() !== '') params.set('q', query.filters.search);
  if (query.periodId) params.set('period', query.periodId);
  if (query.project) params.set('project', query.project);
  return toSearch(params);
}

/** What the editor shows: a stated status (none chosen yet) and the commentary. */
export interface EditorText {
  status: StatedStatus | null;
  commentary: string;
}

/**
 * The text the editor opens with: the newer of the saved draft and the latest published version (a
 * publish can outrun the last autosave, leaving an older draft behind).
 */
export function editorStartText(view: Pick<StatusUpdateView, 'draft' | 'published'>): EditorText {
  const latest = view.published[0];
  if (view.draft && (!latest || view.draft.savedAt > latest.publishedAt)) {
    return { status: view.draft.status, commentary: view.draft.commentary };
  }
  if (latest) return { status: latest.status, commentary: latest.commentary };
  return { status: null, commentary: '' };
}
