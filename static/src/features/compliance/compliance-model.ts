import { complianceShare } from '@domain/health/percent';
import { defaultEngineSettings } from '@domain/settings';
import type { CsvColumn } from '../../shared/csv/csv';
import { type ComplianceReport, RESTRICTED_SUMMARY } from '../../shared/portfolio/report-helpers';
import { type SortValue, sortByColumn, type TableSort } from '../../shared/ui/table/table-sort';

/** The compliance section of the portfolio report (null in the report when standards were not evaluated). */
export type ComplianceStandard = ComplianceReport['standards'][number];
export type Violation = ComplianceReport['violations'][number];
export type StandardMode = ComplianceStandard['mode'];

/** How a compliance percentage is coloured: by its RAG against the compliance thresholds. */
export type ComplianceTone = 'success' | 'warning' | 'danger';
export type ComplianceThresholds = { amber: number; red: number };

const TONE_OF_RAG = { green: 'success', amber: 'warning', red: 'danger' } as const;

/** The thresholds the report's percentages are judged against (the defaults for older answers). */
export function complianceThresholds(compliance: ComplianceReport): ComplianceThresholds {
  return compliance.thresholds ?? defaultEngineSettings.health.compliance;
}

/**
 * `compliant` of `total` as the overview, CSV and report CLI show it (`complianceShare`: one rounding
 * rule everywhere), with its tone. Null when nothing was evaluated.
 */
export function complianceFigure(
  compliant: number,
  total: number,
  thresholds: ComplianceThresholds,
): { percent: number; tone: ComplianceTone } | null {
  if (total <= 0) return null;
  const share = complianceShare(Math.max(0, Math.min(compliant, total)), total, thresholds);
  return { percent: share.percent, tone: TONE_OF_RAG[share.rag] };
}

export const MODE_LABEL: Record<StandardMode, string> = { enforce: 'Enforced', warn: 'Guidance' };

/* ---------- Matrix ---------- */

export interface MatrixCell {
  standardId: string;
  /** Issues of the project the standard applies to; 0 when it applies to none. */
  applicable: number;
  violating: number;
  /** Null when the standard applies to no issue of the project (shown as "—"). */
  percent: number | null;
  tone: ComplianceTone | null;
}

export interface MatrixRow {
  projectKey: string;
  projectName: string;
  evaluated: number;
  compliant: number;
  percent: number | null;
  tone: ComplianceTone | null;
  /** One cell per standard, in the order of the matrix's `standards`. */
  cells: MatrixCell[];
}

export interface ComplianceMatrix {
  standards: ComplianceStandard[];
  rows: MatrixRow[];
  /** Per standard, across all projects: the matrix's last row. */
  totals: MatrixCell[];
}

function cellOf(
  standardId: string,
  applicable: number,
  violating: number,
  thresholds: ComplianceThresholds,
): MatrixCell {
  const figure = complianceFigure(applicable - violating, applicable, thresholds);
  return {
    standardId,
    applicable,
    violating,
    percent: figure?.percent ?? null,
    tone: figure?.tone ?? null,
  };
}

/**
 * The standards × projects matrix: a row per project that some standard applies to (the report's
 * order), a column per active standard (the report's order), and a totals row.
 */
export function complianceMatrix(
  compliance: ComplianceReport,
  names: ReadonlyMap<string, string>,
): ComplianceMatrix {
  const standards = compliance.standards;
  const thresholds = complianceThresholds(compliance);
  const rows = compliance.projects.map((project): MatrixRow => {
    const byId = new Map(project.byStandard.map((cell) => [cell.standardId, cell]));
    const figure = complianceFigure(project.compliant, project.evaluated, thresholds);
    return {
      projectKey: project.projectKey,
      projectName: names.get(project.projectKey) ?? project.projectKey,
      evaluated: project.evaluated,
      compliant: project.compliant,
      percent: figure?.percent ?? null,
      tone: figure?.tone ?? null,
      cells: standards.map((standard) => {
        const cell = byId.get(standard.id);
        return cellOf(standard.id, cell?.applicable ?? 0, cell?.violating ?? 0, thresholds);
      }),
    };
  });
  const totals = standards.map((standard, index) => {
    let applicable = 0;
    let violating = 0;
    for (const row of rows) {
      applicable += row.cells[index]?.applicable ?? 0;
      violating += row.cells[index]?.violating ?? 0;
    }
    return cellOf(standard.id, applicable, violating, thresholds);
  });
  return { standards, rows, totals };
}

/** True when no standard applies to any issue: the page shows how to set standards up instead. */
export function nothingApplies(compliance: ComplianceReport | null): boolean {
  if (compliance === null) return true;
  return (
    compliance.standards.length === 0 ||
    !compliance.projects.some((project) => project.byStandard.some((cell) => cell.applicable > 0))
  );
}

/** "ATLAS, Ready for delivery: 10 of 24 issues violate, 58 % compliant": a cell's accessible name. */
export function cellLabel(projectName: string, standardName: string, cell: MatrixCell): string {
  if (cell.percent === null) return `${projectName}, ${standardName}: does not apply`;
  const issues = cell.applicable === 1 ? 'issue' : 'issues';
  const verb = cell.violating === 1 ? 'violates' : 'violate';
  return `${projectName}, ${standardName}: ${cell.violating} of ${cell.applicable} ${issues} ${verb}, ${cell.percent} % compliant`;
}

/* ---------- Violations table ---------- */

/** A matrix cell the violations table is filtered to. */
export interface CellFilter {
  projectKey: string;
  standardId: string;
}

export function sameFilter(a: CellFilter | null, b: CellFilter | null): boolean {
  return a !== null && b !== null && a.projectKey === b.projectKey && a.standardId === b.standardId;
}

/** The filter, when its cell still has violating issues in `matrix`; otherwise null (dropped). */
export function activeFilter(matrix: ComplianceMatrix, filter: CellFilter | null): CellFilter | null {
  if (filter === null) return null;
  const row = matrix.rows.find((candidate) => candidate.projectKey === filter.projectKey);
  const cell = row?.cells.find((candidate) => candidate.standardId === filter.standardId);
  return cell !== undefined && cell.violating > 0 ? filter : null;
}

export function filterViolations(violations: readonly Violation[], filter: CellFilter | null): Violation[] {
  if (filter === null) return [...violations];
  return violations.filter(
    (violation) => violation.projectKey === filter.projectKey && violation.standardId === filter.standardId,
  );
}

export const VIOLATION_COLUMNS = ['key', 'summary', 'project', 'standard', 'mode', 'misses'] as const;
export type ViolationColumn = (typeof VIOLATION_COLUMNS)[number];

/** The value the table sorts a column by (the cell's `key`). */
export function violationSortValue(
  violation: Violation,
  column: ViolationColumn,
  names: ReadonlyMap<string, string>,
): SortValue {
  switch (column) {
    case 'key':
      return violation.key;
    case 'summary':
      return violation.summary ?? '';
    case 'project':
      return names.get(violation.projectKey) ?? violation.projectKey;
    case 'standard':
      return violation.standardName;
    case 'mode':
      return MODE_LABEL[violation.mode];
    case 'misses':
      return violation.messages.join(' ');
  }
}

/** The violations in the order the table shows them (the report's order until a column is sorted). */
export function sortViolations(
  violations: readonly Violation[],
  sort: TableSort<ViolationColumn> | null,
  names: ReadonlyMap<string, string>,
): readonly Violation[] {
  return sortByColumn(violations, sort, (violation, column) => violationSortValue(violation, column, names));
}

export function violationCsvColumns(names: ReadonlyMap<string, string>): CsvColumn<Violation>[] {
  return [
    { header: 'Key', value: (v) => v.key },
    { header: 'Summary', value: (v) => v.summary ?? RESTRICTED_SUMMARY },
    { header: 'Project key', value: (v) => v.projectKey },
    { header: 'Project', value: (v) => names.get(v.projectKey) ?? v.projectKey },
    { header: 'Standard', value: (v) => v.standardName },
    { header: 'Mode', value: (v) => MODE_LABEL[v.mode] },
    { header: 'What it misses', value: (v) => v.messages.join(' ') },
  ];
}

/**
 * How the standards on this page count toward project health, when health leaves some out: warn-mode
 * standards show here as warnings but, by default, do not change a project's RAG. Null when health
 * counts every standard listed.
 */
export function healthCountsNote(
  compliance: Pick<ComplianceReport, 'standards' | 'healthCounts'>,
): string | null {
  if (compliance.healthCounts !== 'enforced') return null;
  const warned = compliance.standards.filter((standard) => standard.mode === 'warn').map((s) => s.name);
  if (warned.length === 0) return null;
  const list = warned.length === 1 ? warned[0] : `${warned.slice(0, -1).join(', ')} and ${warned.at(-1)}`;
  return `Project health counts only enforced standards: ${list} ${warned.length === 1 ? 'is' : 'are'} in warn mode, listed here as warnings without changing a project's RAG.`;
}
