import type { HealthIndicator } from '@domain/health/health';
import { jqlAnd, jqlKeys, jqlProject } from '../../shared/lib/jira-url';
import { formatScopeChange, formatVarianceDays } from '../../shared/lib/variance-format';
import { RAG_LABEL } from '../../shared/ui/rag';

/** An indicator's value as the drill-down shows it: a percentage, the top risk score, days late, scope change. */
export function indicatorValueText(indicator: HealthIndicator): string {
  if (indicator.value === null) return '—';
  if (indicator.name === 'variance') return formatVarianceDays(indicator.value);
  if (indicator.name === 'scope') return formatScopeChange(indicator.value);
  return indicator.name === 'risk' ? `score ${indicator.value}` : `${indicator.value}%`;
}

/**
 * When the indicator's weight setting made what it counts milder than its thresholds (compliance at
 * most amber, or informing only): what the thresholds say, for beside its RAG. Null otherwise.
 */
export function thresholdRagNote(indicator: HealthIndicator): string | null {
  if (!indicator.thresholdRag) return null;
  const counted =
    indicator.rag === 'none' ? 'informs only' : `counts as ${RAG_LABEL[indicator.rag].toLowerCase()}`;
  return `${RAG_LABEL[indicator.thresholdRag]} by its thresholds; ${counted}`;
}

/** The issues behind an indicator and the Jira search that lists them. */
export interface IndicatorIssues {
  /** The example issues the engine kept, worst first (restricted ones stay in the list, unnamed). */
  exampleKeys: readonly string[];
  /** The JQL that defines the list; null when there is nothing to search for. */
  jql: string | null;
  /** Whether the search finds every issue behind the indicator (true) or only the examples (false). */
  complete: boolean;
}

/**
 * The issues behind `indicator` of project `projectKey`. Where Jira can express the indicator's list
 * (overdue open issues; issues failing a PMO standard, through the app's `pmoFailing` entity property)
 * the search is the full list; otherwise it names the engine's example issues.
 */
export function indicatorIssues(projectKey: string, indicator: HealthIndicator): IndicatorIssues {
  const exampleKeys = indicator.issueKeys ?? [];
  const project = jqlProject(projectKey);
  if (indicator.name === 'schedule' && indicator.rag !== 'none') {
    return {
      exampleKeys,
      jql: jqlAnd(project, 'statusCategory != Done', 'duedate < startOfDay()'),
      complete: true,
    };
  }
  if (indicator.name === 'compliance' && indicator.value !== null) {
    return { exampleKeys, jql: jqlAnd(project, 'pmoFailing = "true"'), complete: true };
  }
  const keys = jqlKeys(exampleKeys);
  return { exampleKeys, jql: keys === null ? null : jqlAnd(project, keys), complete: false };
}
