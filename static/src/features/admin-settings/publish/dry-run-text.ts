import type { DryRunResult } from '@contracts/settings';
import type { ConfigPart } from '../draft/draft-reducer';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "312 issues in 9 projects would become non-compliant; 40 transitions would now be blocked." */
export function dryRunHeadline(result: DryRunResult): string {
  const { issues, projects } = result.newlyNonCompliant;
  const transitions = result.newlyBlockedTransitions;
  const first = `${count(issues, 'issue')} in ${count(projects, 'project')} would become non-compliant`;
  const second = `${count(transitions, 'transition')} would now be blocked`;
  return `${first}; ${second}.`;
}

/** What the figures cover: "Evaluated 1,200 issues in 8 projects; 15 issues would become compliant." */
export function dryRunScope(result: DryRunResult): string {
  const parts = [
    `Evaluated ${count(result.evaluatedIssues, 'issue')} in ${count(result.evaluatedProjects, 'project')}`,
  ];
  if (result.sampled) parts[0] += ` (the first ${result.cap.toLocaleString('en-GB')} only)`;
  if (result.newlyCompliant.issues > 0) {
    parts.push(`${count(result.newlyCompliant.issues, 'issue')} would become compliant`);
  }
  return `${parts.join('; ')}.`;
}

/** "2 of 12 projects would change RAG." or why health was not compared. */
export function dryRunHealthHeadline(health: DryRunResult['health']): string {
  if (health === null) {
    return 'Health was not compared: the All projects portfolio has no snapshot yet. Open the portfolio page once, then run the dry run again.';
  }
  const changed = health.changes.length;
  if (changed === 0) return `No project's RAG would change (${count(health.projects, 'project')} compared).`;
  return `${changed.toLocaleString('en-GB')} of ${count(health.projects, 'project')} would change RAG.`;
}

/** Parts of the configuration whose change can change compliance: they get a dry run before publishing. */
const COMPLIANCE_PARTS = new Set(['standards', 'lifecycle', 'fieldMapping', 'engine.blockingLinks']);

export function needsDryRun(changed: readonly ConfigPart[]): boolean {
  return changed.some((part) => COMPLIANCE_PARTS.has(part.join('.')));
}
