import type { ManualOverride } from '../../domain/health/health';
import { computePortfolioFromChunk, type PortfolioReport } from '../../domain/portfolio';
import { complianceHealthInputs } from '../../domain/standards/compliance-report';
import type { JiraClient } from '../../jira/client';
import type { FieldProblem } from '../../jira/issue-mapper';
import { collectPortfolio } from './collect';
import type { PortfolioCompliance } from './compliance';
import { discoverSite, type SiteDiscovery } from './discover';
import { type PortfolioScope, resolveScopeProjects } from './scope';

export interface BuildReportInput {
  scope: PortfolioScope;
  now: Date;
  concurrency: number;
  /** Known settings and field mapping; discovered from the site when absent. */
  site?: SiteDiscovery;
  /** Manual RAG overrides by project key (from the live configuration). */
  overrides?: Readonly<Record<string, ManualOverride>>;
  /** Evaluates the PMO standards on the collected issues (compliance indicator and report section). */
  compliance?: PortfolioCompliance;
  onProgress?: (done: number, total: number, projectKey: string) => void;
}

export interface BuildReportResult {
  report: PortfolioReport;
  issueCount: number;
  problems: FieldProblem[];
}

/**
 * Collects a portfolio from Jira and computes its report in one process: the report CLI, the
 * local host and the benchmarks. Projects that could not be read are left out and named in
 * `meta.staleProjects`, never shown with wrong numbers.
 */
export async function buildPortfolioReport(
  jira: JiraClient,
  input: BuildReportInput,
): Promise<BuildReportResult> {
  const requestsBefore = jira.meter.requests;
  const site = input.site ?? (await discoverSite(jira));
  const projects = await resolveScopeProjects(jira, input.scope);
  const collected = await collectPortfolio(jira, {
    projects,
    scope: input.scope,
    mapping: site.mapping,
    settings: site.settings,
    now: input.now,
    concurrency: input.concurrency,
    ...(input.compliance ? { compliance: input.compliance.collector } : {}),
    onProjectDone: (key, done, total) => input.onProgress?.(done, total, key),
  });
  const complete = projects.filter((project) => !collected.failed.has(project.key));
  const compliance = input.compliance?.result() ?? null;
  const counts = site.settings.complianceHealth.counts;
  const computation = computePortfolioFromChunk(collected.chunk, complete, site.settings, input.now, {
    ...(input.overrides ? { overrides: input.overrides } : {}),
    ...(compliance ? { compliance: complianceHealthInputs(compliance, counts) } : {}),
  });
  const staleProjects = [...collected.failed.keys()].sort();
  return {
    report: {
      ...computation,
      compliance: compliance
        ? { ...compliance, thresholds: site.settings.health.compliance, healthCounts: counts }
        : null,
      meta: {
        requests: jira.meter.requests - requestsBefore,
        partial: staleProjects.length > 0,
        staleProjects,
        generatedAt: input.now.toISOString(),
      },
    },
    issueCount: collected.issueCount,
    problems: collected.problems,
  };
}
