import type { CrossProjectLink } from '@domain/dependencies/graph';
import { projectOfKey } from '@domain/dependencies/keys';
import type { Rag } from '@domain/health/health';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { projectLabel } from '../../shared/lib/restricted';
import { sortLikeTable, type TableSort } from '../../shared/ui/table/table-sort';

/**
 * The project-level picture of a portfolio report's dependencies, as the Dependencies page draws and
 * lists it: one node per project with open links to or from another project, one edge per ordered
 * project pair with open cross-project links. Pure, so it is computed once per report (`useMemo`).
 */

export interface ProjectNodeModel {
  key: string;
  /** The project's name; its key for a project outside the portfolio. */
  name: string;
  /** Health from the report; `none` for a project outside the portfolio. */
  rag: Rag;
  /** False for projects that only appear as the other end of a link. */
  inPortfolio: boolean;
  /** Open links from this project's issues to issues of other projects. */
  blocksLinks: number;
  /** Open links from other projects' issues to this project's issues. */
  blockedByLinks: number;
  /** On an edge with links in a dependency cycle. */
  inCycle: boolean;
  /** Has an issue on the critical path. */
  onCriticalPath: boolean;
}

export interface ProjectEdgeModel {
  /** `<from>-<to>` (project keys have no dash). */
  id: string;
  from: string;
  to: string;
  /** Open links: unresolved blocker, open blocked issue. */
  open: number;
  /** Open links whose blocker is overdue or due after the issue it blocks. */
  late: number;
  /** Open links whose two issues are in the same dependency cycle. */
  inCycle: number;
  /** All links between the two projects, done ones included. */
  total: number;
  /** The critical path steps from an issue of `from` to an issue of `to`. */
  onCriticalPath: boolean;
  /** Issue-level links the report lists for this pair; fewer than `open` when the report's cap cut them. */
  listed: number;
}

export interface DependencyModel {
  /** By key. */
  nodes: ProjectNodeModel[];
  /** By `from`, then `to`. */
  edges: ProjectEdgeModel[];
  nodeByKey: ReadonlyMap<string, ProjectNodeModel>;
  edgeById: ReadonlyMap<string, ProjectEdgeModel>;
  /** Portfolio projects without open cross-project links: not drawn. */
  unconnected: string[];
  /** Projects along the critical path, in path order, each once. */
  criticalProjects: string[];
  /** Issue-level links between projects: all of them, and the ones the report lists (capped). */
  links: { total: number; listed: number };
}

export function edgeId(from: string, to: string): string {
  return `${from}-${to}`;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildDependencyModel(report: PortfolioReport): DependencyModel {
  const deps = report.dependencies;
  const projects = new Map(report.projects.map((p) => [p.key, p]));

  const listed = new Map<string, number>();
  for (const link of deps.crossProjectLinks.items) {
    const id = edgeId(link.blocker.projectKey, link.blocked.projectKey);
    listed.set(id, (listed.get(id) ?? 0) + 1);
  }

  const criticalEdges = new Set<string>();
  const criticalProjects: string[] = [];
  let previous: string | null = null;
  for (const key of deps.criticalPath) {
    const project = projectOfKey(key);
    if (!criticalProjects.includes(project)) criticalProjects.push(project);
    if (previous !== null && previous !== project) criticalEdges.add(edgeId(previous, project));
    previous = project;
  }

  const edges: ProjectEdgeModel[] = [];
  for (const cell of deps.projectMatrix) {
    if (cell.from === cell.to || cell.open === 0) continue;
    const id = edgeId(cell.from, cell.to);
    edges.push({
      id,
      from: cell.from,
      to: cell.to,
      open: cell.open,
      late: cell.late,
      inCycle: cell.inCycle,
      total: cell.total,
      onCriticalPath: criticalEdges.has(id),
      listed: listed.get(id) ?? 0,
    });
  }
  edges.sort((a, b) => byString(a.from, b.from) || byString(a.to, b.to));

  const nodeByKey = new Map<string, ProjectNodeModel>();
  const nodeOf = (key: string): ProjectNodeModel => {
    let node = nodeByKey.get(key);
    if (!node) {
      const project = projects.get(key);
      node = {
        key,
        name: projectLabel(key, project?.name ?? key),
        rag: project?.health.rag ?? 'none',
        inPortfolio: project !== undefined,
        blocksLinks: 0,
        blockedByLinks: 0,
        inCycle: false,
        onCriticalPath: criticalProjects.includes(key),
      };
      nodeByKey.set(key, node);
    }
    return node;
  };
  for (const edge of edges) {
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    from.blocksLinks += edge.open;
    to.blockedByLinks += edge.open;
    if (edge.inCycle > 0) {
      from.inCycle = true;
      to.inCycle = true;
    }
  }
  const nodes = [...nodeByKey.values()].sort((a, b) => byString(a.key, b.key));
  return {
    nodes,
    edges,
    nodeByKey,
    edgeById: new Map(edges.map((e) => [e.id, e])),
    unconnected: report.projects.map((p) => p.key).filter((key) => !nodeByKey.has(key)),
    criticalProjects,
    links: { total: deps.crossProjectLinks.total, listed: deps.crossProjectLinks.items.length },
  };
}

/** The issue-level links the report lists from issues of `from` to issues of `to`, in report order. */
export function linksBetween(report: PortfolioReport, from: string, to: string): CrossProjectLink[] {
  return report.dependencies.crossProjectLinks.items.filter(
    (link) => link.blocker.projectKey === from && link.blocked.projectKey === to,
  );
}

// ---- the list view: one row per project pair ---------------------------------------------------------

export interface PairRow extends ProjectEdgeModel {
  fromName: string;
  toName: string;
}

export const PAIR_COLUMNS = ['from', 'to', 'open', 'late', 'inCycle', 'critical', 'total'] as const;
export type PairColumn = (typeof PAIR_COLUMNS)[number];

export function pairRows(model: DependencyModel): PairRow[] {
  return model.edges.map((edge) => ({
    ...edge,
    fromName: model.nodeByKey.get(edge.from)?.name ?? edge.from,
    toName: model.nodeByKey.get(edge.to)?.name ?? edge.to,
  }));
}

export function pairSortValue(row: PairRow, column: PairColumn): string | number {
  switch (column) {
    case 'from':
      return row.from;
    case 'to':
      return row.to;
    case 'critical':
      return row.onCriticalPath ? 1 : 0;
    default:
      return row[column];
  }
}

export function sortPairRows(rows: readonly PairRow[], sort: TableSort<PairColumn>): PairRow[] {
  return sortLikeTable(rows, (row) => pairSortValue(row, sort.key), sort.order);
}

/** CSV columns of the list view (see `toCsv`). */
export const PAIR_CSV_COLUMNS = [
  { header: 'Blocking project', value: (row: PairRow) => row.from },
  { header: 'Blocking project name', value: (row: PairRow) => row.fromName },
  { header: 'Blocked project', value: (row: PairRow) => row.to },
  { header: 'Blocked project name', value: (row: PairRow) => row.toName },
  { header: 'Open links', value: (row: PairRow) => row.open },
  { header: 'Late links', value: (row: PairRow) => row.late },
  { header: 'Links in a cycle', value: (row: PairRow) => row.inCycle },
  { header: 'On the critical path', value: (row: PairRow) => (row.onCriticalPath ? 'yes' : 'no') },
  { header: 'All links (done included)', value: (row: PairRow) => row.total },
] as const;

// ---- the drill-down: one row per issue-level link ----------------------------------------------------

const LINK_COLUMNS = [
  'blocker',
  'blockerStatus',
  'blockerDue',
  'blocked',
  'blockedStatus',
  'blockedDue',
  'flags',
] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];

const STATUS_LABEL = { new: 'To Do', indeterminate: 'In progress', done: 'Done' } as const;

export function statusLabel(status: CrossProjectLink['blocker']['status']): string {
  return status === null ? 'Unknown' : STATUS_LABEL[status];
}

/** What is wrong with a link, in words; empty when nothing is. */
export function linkFlags(link: CrossProjectLink): string[] {
  const flags: string[] = [];
  if (link.inCycle) flags.push('In a cycle');
  if (link.daysLate !== null) flags.push(`Due ${link.daysLate} ${link.daysLate === 1 ? 'day' : 'days'} late`);
  else if (link.late) flags.push('Blocker overdue');
  return flags;
}

/** Sort rank of a link's flags: in a cycle and late first. */
function flagRank(link: CrossProjectLink): number {
  return (link.inCycle ? 0 : 2) + (link.late ? 0 : 1);
}

/** Unknown due dates sort after every date. */
const NO_DUE = '9999-12-31';

export function linkSortValue(link: CrossProjectLink, column: LinkColumn): string | number {
  switch (column) {
    case 'blocker':
      return link.blocker.key;
    case 'blocked':
      return link.blocked.key;
    case 'blockerStatus':
      return statusLabel(link.blocker.status);
    case 'blockedStatus':
      return statusLabel(link.blocked.status);
    case 'blockerDue':
      return link.blocker.due ?? NO_DUE;
    case 'blockedDue':
      return link.blocked.due ?? NO_DUE;
    case 'flags':
      return flagRank(link) * 100_000 - (link.daysLate ?? 0);
  }
}

export function sortLinks(
  links: readonly CrossProjectLink[],
  sort: TableSort<LinkColumn>,
): CrossProjectLink[] {
  return sortLikeTable(links, (link) => linkSortValue(link, sort.key), sort.order);
}

export const LINK_CSV_COLUMNS = [
  { header: 'Blocker', value: (l: CrossProjectLink) => l.blocker.key },
  { header: 'Blocker status', value: (l: CrossProjectLink) => statusLabel(l.blocker.status) },
  { header: 'Blocker due', value: (l: CrossProjectLink) => l.blocker.due },
  { header: 'Blocked', value: (l: CrossProjectLink) => l.blocked.key },
  { header: 'Blocked status', value: (l: CrossProjectLink) => statusLabel(l.blocked.status) },
  { header: 'Blocked due', value: (l: CrossProjectLink) => l.blocked.due },
  { header: 'Late', value: (l: CrossProjectLink) => (l.late ? 'yes' : 'no') },
  { header: 'Days late', value: (l: CrossProjectLink) => l.daysLate },
  { header: 'In a cycle', value: (l: CrossProjectLink) => (l.inCycle ? 'yes' : 'no') },
] as const;

/** "Due 1 Jul 2025" style dates for due dates (ISO `YYYY-MM-DD`, a calendar day: no time zone shift). */
const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
export function formatDay(iso: string | null): string {
  if (iso === null) return '—';
  const at = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(at) ? dayFormat.format(at) : iso;
}

/** A file name for an export: `<what>-<portfolio>-<YYYY-MM-DD>.csv`, safe on every file system. */
export function csvFileName(what: string, portfolioId: string, generatedAt: string): string {
  const safe = portfolioId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'portfolio';
  return `${what}-${safe}-${generatedAt.slice(0, 10)}.csv`;
}
