import { projectOfKey } from '../dependencies/keys';
import type { IssueRow, PortfolioChunk } from '../portfolio/chunk';
import type { ComplianceReport } from '../standards/compliance-report';

/**
 * A snapshot is collected as the app and sees every project; a viewer sees only what Jira lets
 * them browse. These functions cut a snapshot down for one viewer before anything is computed
 * from it, so every figure (tiles, KPIs, heat map, matrix, critical path) comes from what they
 * may see, and a dependency into a project they cannot browse stays visible as an edge to
 * "a restricted project", never with its key or summary.
 */

/** Project part of the stand-in keys; `#` cannot occur in a Jira project key. */
export const RESTRICTED_PROJECT = '#restricted';

export function isRestrictedKey(key: string): boolean {
  return key.startsWith(`${RESTRICTED_PROJECT}-`);
}

export interface ViewerScope {
  /** Keys of every project the viewer can browse (not only the portfolio's). */
  browsable: ReadonlySet<string>;
  /** Issues with a security level the viewer may not see in detail (they still count). */
  hiddenIssues: ReadonlySet<string>;
}

/** The chunk as one viewer may see it; the input is not changed. */
export function chunkForViewer(chunk: PortfolioChunk, viewer: ViewerScope): PortfolioChunk {
  const aliases = new Map<string, string>();
  const alias = (key: string): string => {
    let stand = aliases.get(key);
    if (stand === undefined) {
      stand = `${RESTRICTED_PROJECT}-${aliases.size + 1}`;
      aliases.set(key, stand);
    }
    return stand;
  };
  const rowOf = (key: string): IssueRow | undefined => chunk.issues[key];
  const hidden = (key: string): boolean => {
    const row = rowOf(key);
    const project = row === undefined ? projectOfKey(key) : row[0];
    return !viewer.browsable.has(project) || viewer.hiddenIssues.has(key);
  };
  const shown = (key: string): string => (hidden(key) ? alias(key) : key);

  const issues: Record<string, IssueRow> = Object.create(null);
  const linked: PortfolioChunk['linked'] = Object.create(null);
  for (const key of Object.keys(chunk.issues)) {
    const row = chunk.issues[key] as IssueRow;
    if (!viewer.browsable.has(row[0])) {
      // A row of a project the viewer cannot browse only matters as the far end of a link.
      linked[alias(key)] = row[1];
      continue;
    }
    const [project, status, due, created, updated, resolved, points, blocks, blockedBy, raid] = row;
    const secret = viewer.hiddenIssues.has(key);
    issues[secret ? alias(key) : key] = [
      project,
      status,
      due,
      created,
      updated,
      resolved,
      points,
      blocks.map(shown),
      blockedBy.map(shown),
      raid === null || !secret ? raid : [raid[0], null, raid[2], null, raid[4], raid[5], raid[6]],
    ];
  }
  for (const key of Object.keys(chunk.linked)) {
    const shownKey = shown(key);
    if (issues[shownKey] === undefined) linked[shownKey] = chunk.linked[key] ?? null;
  }
  return { ...chunk, issues, linked };
}

const ISSUE_KEY_IN_TEXT = /\b[A-Z][A-Z0-9_]*-\d+\b/g;

/** `text` with every issue key `hidden` says the reader may not see replaced by "a restricted issue". */
export function redactIssueKeys(text: string, hidden: (key: string) => boolean): string {
  return text.replace(ISSUE_KEY_IN_TEXT, (key) => (hidden(key) ? 'a restricted issue' : key));
}

/** The compliance report of the projects the viewer can browse, totals recomputed from them. */
export function complianceForViewer(report: ComplianceReport, viewer: ViewerScope): ComplianceReport {
  const visible = (projectKey: string) => viewer.browsable.has(projectKey);
  const listed = (item: { key: string; projectKey: string }) =>
    visible(item.projectKey) && !viewer.hiddenIssues.has(item.key);
  // Messages name other issues ("Blocked by unresolved issue ABC-1"): never one the viewer may not see.
  const redact = (message: string) =>
    redactIssueKeys(message, (key) => viewer.hiddenIssues.has(key) || !visible(projectOfKey(key)));
  const projects = report.projects.filter((project) => visible(project.projectKey));
  const evaluated = projects.reduce((sum, project) => sum + project.evaluated, 0);
  const compliant = projects.reduce((sum, project) => sum + project.compliant, 0);
  return {
    ...report,
    projects,
    violations: report.violations
      .filter(listed)
      .map((violation) => ({ ...violation, messages: violation.messages.map(redact) })),
    gates: report.gates.filter(listed),
    totals: { evaluated, compliant, violating: evaluated - compliant },
  };
}
