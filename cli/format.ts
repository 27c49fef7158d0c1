import Papa from 'papaparse';
import { markdownText, neutralizeSpreadsheetCell } from '../src/domain/export-text';
import type { IndicatorName } from '../src/domain/health/health';
import type { PortfolioReport } from '../src/domain/portfolio';

export const ReportFormats = ['json', 'csv', 'md'] as const;
export type ReportFormat = (typeof ReportFormats)[number];

const indicatorNames: IndicatorName[] = ['schedule', 'blockers', 'risk', 'compliance', 'staleness'];

/** One row per project, for a spreadsheet. */
export function reportToCsv(report: PortfolioReport): string {
  const rows = report.projects.map((project) => {
    const row: Record<string, string | number | null> = {
      key: project.key,
      name: project.name,
      category: project.category,
      rag: project.health.rag,
      // An override decides the RAG shown; the computed RAG and who overrode it stay in the sheet.
      computed_rag: project.health.computedRag,
      override_reason: project.health.override?.reason ?? '',
      override_by: project.health.override?.by ?? '',
      override_set_at: project.health.override?.setAt ?? '',
      override_until: project.health.override?.expiresAt ?? '',
    };
    for (const name of indicatorNames) {
      const indicator = project.health.indicators.find((candidate) => candidate.name === name);
      row[`${name}_rag`] = indicator?.rag ?? 'none';
      row[`${name}_value`] = indicator?.value ?? null;
      row[`${name}_reason`] = indicator?.reason ?? '';
    }
    row.open = project.kpis.open;
    row.in_progress = project.kpis.inProgress;
    row.done = project.kpis.done;
    row.overdue = project.kpis.overdue;
    row.average_open_age_days = project.kpis.averageOpenAgeDays;
    row.throughput_last_week = project.kpis.throughput.at(-1)?.resolved ?? 0;
    return row;
  });
  // Spreadsheet apps run cells that start with = + - @ (after spaces, line breaks, zero-width
  // characters or a BOM) as formulas: neutralise them (CSV injection).
  const neutral = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [column, neutralizeSpreadsheetCell(value)]),
    ),
  );
  return Papa.unparse(neutral, { newline: '\r\n' });
}

const ragMark: Record<string, string> = {
  green: '🟢 green',
  amber: '🟠 amber',
  red: '🔴 red',
  none: '⚪ none',
};

/** Text for a Markdown table cell or list item: one line, no links, no markup (see markdownText). */
const cell = markdownText;

/** A readable weekly summary for a wiki page or an e-mail. */
export function reportToMarkdown(report: PortfolioReport): string {
  const lines: string[] = [];
  lines.push(`# Portfolio report (${report.asOf.slice(0, 10)})`, '');
  const { rag } = report.summary;
  lines.push(
    `${report.summary.projects} projects: ${rag.red} red, ${rag.amber} amber, ${rag.green} green, ${rag.none} without data.`,
  );
  if (report.meta.partial)
    lines.push('', `**Partial:** could not read ${cell(report.meta.staleProjects.join(', '))}.`);
  lines.push('', '| Project | RAG | Why | Open | Overdue |', '| --- | --- | --- | ---: | ---: |');
  for (const project of report.projects) {
    const { health } = project;
    const worst = health.indicators.find((indicator) => indicator.rag === health.computedRag);
    const { override } = health;
    const rag = override
      ? `${ragMark[health.rag]} (set by the PMO; computed ${ragMark[health.computedRag]})`
      : ragMark[health.rag];
    const why = override
      ? `Set by the PMO (${override.by}${override.setAt ? ` on ${override.setAt.slice(0, 10)}` : ''}, until ${override.expiresAt.slice(0, 10)}): ${override.reason} Computed: ${worst?.reason ?? 'no indicator to judge.'}`
      : (worst?.reason ?? '');
    lines.push(
      `| ${cell(`${project.key} ${project.name}`)} | ${rag} | ${cell(why)} | ${project.kpis.open} | ${project.kpis.overdue} |`,
    );
  }
  const deps = report.dependencies;
  lines.push('', '## Dependencies', '');
  lines.push(
    `${deps.totals.openLinks} open blocking links, ${deps.totals.blockedIssues} blocked issues, ${deps.totals.conflicts} date conflicts, ${deps.totals.cycles} cycles.`,
  );
  for (const cycle of deps.cycles) lines.push(`- Cycle among: ${cell(cycle.join(', '))}`);
  if (deps.criticalPath.length > 0) lines.push(`- Critical path: ${cell(deps.criticalPath.join(' → '))}`);
  lines.push('', '## Top risks', '', '| Risk | P × I | Level | ROAM |', '| --- | ---: | --- | --- |');
  for (const risk of report.risks.filter((entry) => entry.open).slice(0, 10)) {
    lines.push(
      `| ${cell(`${risk.key} ${risk.summary ?? '(restricted)'}`)} | ${risk.probability} × ${risk.impact} = ${risk.score} | ${risk.level} | ${cell(risk.roam)} |`,
    );
  }
  lines.push('', `_Generated ${report.meta.generatedAt} with ${report.meta.requests} Jira requests._`, '');
  return lines.join('\n');
}

export function formatReport(report: PortfolioReport, format: ReportFormat): string {
  if (format === 'csv') return `${reportToCsv(report)}\r\n`;
  if (format === 'md') return reportToMarkdown(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
