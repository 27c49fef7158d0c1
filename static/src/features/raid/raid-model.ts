import type { PortfolioReport } from '@domain/portfolio/schema';
import type { HeatCell, HeatMap, RaidLogEntry, RiskEntry, RiskLevel, Roam } from '@domain/risks/raid';
import type { CsvColumn } from '../../shared/csv/csv';
import { type SortValue, sortByColumn, type TableSort } from '../../shared/ui/table/table-sort';

/* ---------- Heat map ---------- */

/** The 1..5 scale of probability and impact. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** A heat-map cell's coordinates: the register filter a click on it sets. */
export interface HeatFilter {
  probability: number;
  impact: number;
}

/**
 * The heat map as drawn: rows from probability 5 (top) down to 1, each with impact 1..5 left to right.
 * Reads the report's `cells[probability - 1][impact - 1]`; a missing cell (a malformed report) reads
 * as an empty low cell rather than shifting the grid.
 */
export function heatMapRows(heatmap: HeatMap): HeatCell[][] {
  return [...SCALE].reverse().map((probability) =>
    SCALE.map((impact) => {
      const cell = heatmap.cells[probability - 1]?.[impact - 1];
      return cell !== undefined && cell.probability === probability && cell.impact === impact
        ? cell
        : { probability, impact, score: probability * impact, level: 'low' as const, count: 0, keys: [] };
    }),
  );
}

export function heatCell(heatmap: HeatMap, filter: HeatFilter): HeatCell | undefined {
  return heatmap.cells[filter.probability - 1]?.[filter.impact - 1];
}

/** "Probability 4, impact 5: 3 risks": the accessible name of a cell's button. */
export function heatCellLabel(cell: Pick<HeatCell, 'probability' | 'impact' | 'count'>): string {
  return `Probability ${cell.probability}, impact ${cell.impact}: ${cell.count} ${cell.count === 1 ? 'risk' : 'risks'}`;
}

export interface LevelRange {
  level: RiskLevel;
  min: number;
  max: number;
}

/**
 * The score range of each level, read from the cells (the report classifies every cell with the
 * configured risk matrix), high first: the heat map's legend.
 */
export function levelRanges(heatmap: HeatMap): LevelRange[] {
  const ranges = new Map<RiskLevel, LevelRange>();
  for (const row of heatmap.cells) {
    for (const cell of row) {
      const range = ranges.get(cell.level);
      if (range === undefined)
        ranges.set(cell.level, { level: cell.level, min: cell.score, max: cell.score });
      else {
        range.min = Math.min(range.min, cell.score);
        range.max = Math.max(range.max, cell.score);
      }
    }
  }
  return (['high', 'medium', 'low'] as const).flatMap((level) => {
    const range = ranges.get(level);
    return range === undefined ? [] : [range];
  });
}

/** "score 15–25", "score 8–12", "score 1" for a legend entry. */
export function levelRangeText(range: LevelRange): string {
  return range.min === range.max ? `score ${range.min}` : `score ${range.min}–${range.max}`;
}

/**
 * The register rows under a heat-map filter: without one, every risk; with one, exactly the risks the
 * cell counts (its `keys`: open and not resolved), in register order.
 */
export function filterRisks(
  risks: readonly RiskEntry[],
  heatmap: HeatMap,
  filter: HeatFilter | null,
): readonly RiskEntry[] {
  if (filter === null) return risks;
  const keys = new Set(heatCell(heatmap, filter)?.keys ?? []);
  return risks.filter((risk) => keys.has(risk.key));
}

/* ---------- Labels ---------- */

export const LEVEL_LABEL: Record<RiskLevel, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Sort value of a level: high first when sorted ascending. */
export const LEVEL_SEVERITY: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

export const ROAM_LABEL: Record<Roam, string> = {
  unroamed: 'Not ROAMed',
  owned: 'Owned',
  accepted: 'Accepted',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** Sort value of a ROAM status: the ones that need a decision first. */
export const ROAM_ORDER: Record<Roam, number> = {
  unroamed: 0,
  owned: 1,
  accepted: 2,
  mitigated: 3,
  resolved: 4,
};

/** True when an open item's due date (YYYY-MM-DD) is before the day of `asOf` (the report's "now"). */
export function isOverdue(entry: { open: boolean; due: string | null }, asOf: string): boolean {
  return entry.open && entry.due !== null && entry.due < asOf.slice(0, 10);
}

const DAY_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** A due date (YYYY-MM-DD) for display ("Mar 28, 2027"); the text as-is when it is not a date. */
export function formatDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(at.getTime()) ? DAY_FORMAT.format(at) : day;
}

/* ---------- Risk register ---------- */

export const RISK_COLUMNS = [
  'key',
  'summary',
  'project',
  'status',
  'probability',
  'impact',
  'score',
  'level',
  'owner',
  'roam',
  'due',
] as const;
export type RiskColumn = (typeof RISK_COLUMNS)[number];

/** The value the register sorts a risk by in `column` (each cell's `key`). */
export function riskSortValue(
  risk: RiskEntry,
  column: RiskColumn,
  names: ReadonlyMap<string, string>,
): SortValue {
  switch (column) {
    case 'probability':
    case 'impact':
    case 'score':
      return risk[column];
    case 'level':
      return LEVEL_SEVERITY[risk.level];
    case 'roam':
      return ROAM_ORDER[risk.roam];
    default:
      // The columns a risk shares with the logs sort alike.
      return logSortValue(risk, column, names);
  }
}

/**
 * The register rows in the order shown: the report's order (open first, highest score, key) until
 * the user sorts by a column.
 */
export function sortRisks(
  risks: readonly RiskEntry[],
  sort: TableSort<RiskColumn> | null,
  names: ReadonlyMap<string, string>,
): readonly RiskEntry[] {
  return sortByColumn(risks, sort, (risk, column) => riskSortValue(risk, column, names));
}

export function riskCsvColumns(names: ReadonlyMap<string, string>): CsvColumn<RiskEntry>[] {
  const shared = sharedCsvColumns(names);
  return [
    ...[shared.key, shared.summary, shared.projectKey, shared.project, shared.status, shared.open],
    { header: 'Probability', value: (risk) => risk.probability },
    { header: 'Impact', value: (risk) => risk.impact },
    { header: 'Score', value: (risk) => risk.score },
    { header: 'Level', value: (risk) => LEVEL_LABEL[risk.level] },
    { header: 'Estimated', value: (risk) => (risk.assumed ? 'yes' : 'no') },
    shared.owner,
    shared.ownerId,
    { header: 'ROAM', value: (risk) => ROAM_LABEL[risk.roam] },
    shared.due,
  ];
}

/* ---------- Assumptions, issues, decisions ---------- */

export const LOG_KINDS = ['assumptions', 'issues', 'decisions'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export const LOG_COPY: Record<LogKind, { title: string; singular: string; typeName: string }> = {
  assumptions: { title: 'Assumptions', singular: 'assumption', typeName: 'Assumption' },
  issues: { title: 'Issues', singular: 'issue', typeName: 'Issue' },
  decisions: { title: 'Decisions', singular: 'decision', typeName: 'Decision' },
};

const LOG_COLUMNS = ['key', 'summary', 'project', 'status', 'owner', 'due'] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

export function logSortValue(
  entry: RaidLogEntry,
  column: LogColumn,
  names: ReadonlyMap<string, string>,
): SortValue {
  switch (column) {
    case 'key':
    case 'status':
      return entry[column];
    case 'summary':
      return entry.summary ?? '';
    case 'project':
      return names.get(entry.projectKey) ?? entry.projectKey;
    case 'owner':
      return ownerLabel(entry) ?? '';
    case 'due':
      return entry.due ?? '';
  }
}

/** A log's rows in the order shown: the report's (open first, earliest due, key) until sorted. */
export function sortLog(
  entries: readonly RaidLogEntry[],
  sort: TableSort<LogColumn> | null,
  names: ReadonlyMap<string, string>,
): readonly RaidLogEntry[] {
  return sortByColumn(entries, sort, (entry, column) => logSortValue(entry, column, names));
}

/** The CSV columns the register and the logs share, by name, in the logs' order; the register adds its own. */
function sharedCsvColumns(names: ReadonlyMap<string, string>) {
  const column = (header: string, value: CsvColumn<RaidLogEntry>['value']) => ({ header, value });
  return {
    key: column('Key', (entry) => entry.key),
    summary: column('Summary', (entry) => entry.summary),
    projectKey: column('Project key', (entry) => entry.projectKey),
    project: column('Project', (entry) => names.get(entry.projectKey) ?? null),
    status: column('Status', (entry) => entry.status),
    open: column('Open', (entry) => (entry.open ? 'yes' : 'no')),
    owner: column('Owner', (entry) => ownerLabel(entry)),
    ownerId: column('Owner account id', (entry) => entry.owner),
    due: column('Due', (entry) => entry.due),
  };
}

export function logCsvColumns(names: ReadonlyMap<string, string>): CsvColumn<RaidLogEntry>[] {
  return Object.values(sharedCsvColumns(names));
}

/* ---------- Headline figures ---------- */

export interface RaidFigures {
  /** Open risks that are not resolved: what the heat map counts. */
  openRisks: number;
  highRisks: number;
  /** Open risks nobody has ROAMed yet. */
  unroamed: number;
  /** Open risks past their due date. */
  overdue: number;
  /** Of those, risks whose probability or impact was missing and estimated. */
  estimated: number;
}

export function raidFigures(report: Pick<PortfolioReport, 'risks' | 'heatmap' | 'asOf'>): RaidFigures {
  let highRisks = 0;
  let unroamed = 0;
  let overdue = 0;
  let estimated = 0;
  for (const risk of report.risks) {
    if (!risk.open || risk.roam === 'resolved') continue;
    if (risk.assumed) estimated++;
    if (risk.level === 'high') highRisks++;
    if (risk.roam === 'unroamed') unroamed++;
    if (isOverdue(risk, report.asOf)) overdue++;
  }
  return { openRisks: report.heatmap.total, highRisks, unroamed, overdue, estimated };
}

/** Open, unresolved risks by ROAM status, in decision order (not ROAMed first); statuses with none left out. */
export function roamBreakdown(risks: readonly RiskEntry[]): { roam: Roam; count: number }[] {
  const counts = new Map<Roam, number>();
  for (const risk of risks) {
    if (!risk.open || risk.roam === 'resolved') continue;
    counts.set(risk.roam, (counts.get(risk.roam) ?? 0) + 1);
  }
  return (Object.keys(ROAM_ORDER) as Roam[])
    .sort((a, b) => ROAM_ORDER[a] - ROAM_ORDER[b])
    .flatMap((roam) => {
      const count = counts.get(roam) ?? 0;
      return count > 0 ? [{ roam, count }] : [];
    });
}

/** "Unknown user" when the report names no one for an owner's account id: never the raw id. */
export const UNKNOWN_OWNER = 'Unknown user';

/** An owner as people read it: the display name the report carries; null when there is no owner. */
export function ownerLabel(entry: {
  owner: string | null;
  ownerName?: string | null | undefined;
}): string | null {
  if (entry.owner === null) return null;
  return entry.ownerName ?? UNKNOWN_OWNER;
}
